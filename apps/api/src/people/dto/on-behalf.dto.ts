import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsBoolean, IsEmail, IsIn, IsISO8601, IsOptional, IsString, IsUUID, Length, Matches, MaxLength, ValidateIf } from 'class-validator';
import { REGISTRATION_STATUSES, ROSTER_LIMITS, TRADITIONS, type RegistrationStatus, type Tradition } from '@dastarkhan/domain';
import { Trim } from '../../common/trim.decorator';

const registered = (dto: OnBehalfCommunityDto) => dto.registrationStatus === 'registered';

/**
 * A registered community with no account yet, entered on its behalf (issue 12, item 4). The entry
 * is a registration claim (P7): the community is `registration_pending` until it is verified.
 */
export class OnBehalfCommunityDto {
  @ApiProperty({ minLength: 2, maxLength: 200 })
  @Trim()
  @IsString()
  @Length(2, 200)
  name: string;

  @ApiProperty({ enum: TRADITIONS, enumName: 'Tradition' })
  @IsIn(TRADITIONS)
  tradition: Tradition;

  @ApiProperty({
    enum: REGISTRATION_STATUSES,
    enumName: 'RegistrationStatus',
    description: 'Must be `registered`: a non-registered community is only invited (422 COMMUNITY.ON_BEHALF_REGISTERED_ONLY)',
  })
  @IsIn(REGISTRATION_STATUSES)
  registrationStatus: RegistrationStatus;

  @ApiPropertyOptional({ maxLength: 100, description: 'The entry in the state register (required when registered)' })
  @ValidateIf(registered)
  @Trim()
  @IsString()
  @Length(1, 100)
  registrationNumber?: string;

  @ApiPropertyOptional({ format: 'date', description: 'Optional: the verifying official enters it from the state register if missing' })
  @ValidateIf((dto: OnBehalfCommunityDto) => registered(dto) && dto.registrationDate != null)
  @Matches(/^\d{4}-\d{2}-\d{2}$/, { message: 'registrationDate must be a date (YYYY-MM-DD)' })
  @IsISO8601({ strict: true })
  registrationDate?: string;

  @ApiPropertyOptional({ minLength: 2, maxLength: 300, description: 'The authority that issued the registration; optional like the date' })
  @ValidateIf((dto: OnBehalfCommunityDto) => registered(dto) && dto.registrationIssuingBody != null)
  @Trim()
  @IsString()
  @Length(2, 300)
  registrationIssuingBody?: string;

  @ApiPropertyOptional({ format: 'email', maxLength: 200, description: "The community's contact address" })
  @IsOptional()
  @IsEmail()
  @MaxLength(200)
  contactEmail?: string;

  @ApiPropertyOptional({ format: 'email', maxLength: 200, description: 'Invited at once to represent the community' })
  @IsOptional()
  @IsEmail()
  @MaxLength(200)
  representativeEmail?: string;
}

/** The administrator may also place the community in a city without going through a club. */
export class AdminOnBehalfCommunityDto extends OnBehalfCommunityDto {
  @ApiPropertyOptional({ format: 'uuid' })
  @IsOptional()
  @IsUUID()
  cityId?: string;
}

export class OnBehalfCommunityCreatedDto {
  @ApiProperty({ format: 'uuid' })
  id: string;

  @ApiProperty()
  name: string;

  @ApiProperty({ enum: REGISTRATION_STATUSES, enumName: 'RegistrationStatus', description: '`registration_pending` until the claim is verified (P7)' })
  registrationStatus: RegistrationStatus;

  @ApiProperty({ description: 'A representative was invited by email' })
  invitationSent: boolean;
}

/** A community created through the club on its behalf, for its coordinators' invite form. */
export class ClubCreatedCommunityDto {
  @ApiProperty({ format: 'uuid' })
  id: string;

  @ApiProperty({ description: 'Through the naming rule' })
  name: string;

  @ApiProperty({ enum: REGISTRATION_STATUSES, enumName: 'RegistrationStatus' })
  registrationStatus: RegistrationStatus;
}

/** A roster file (issue 12, item 5): the text of the CSV as uploaded; `commit: false` is the dry run. */
export class RosterImportDto {
  @ApiProperty({ description: `UTF-8 text of the CSV (BOM, comma or semicolon); at most ${ROSTER_LIMITS.maxCharacters} characters (413 ROSTER.TOO_LARGE)` })
  @IsString()
  csv: string;

  @ApiProperty({ description: 'false: the dry run, nothing is written; true: the valid rows are imported in one transaction' })
  @IsBoolean()
  commit: boolean;
}

export const ROSTER_OUTCOMES = ['new', 'matched', 'error'] as const;
export type RosterOutcome = (typeof ROSTER_OUTCOMES)[number];

export class RosterRowReportDto {
  @ApiProperty({ description: 'The line of the file the row starts on (the header is line 1)' })
  line: number;

  @ApiProperty({ description: 'The name as the file gives it; for a match, the community as the caller may name it' })
  name: string;

  @ApiProperty()
  registrationNumber: string;

  @ApiProperty({ enum: ROSTER_OUTCOMES, description: 'new: created on its behalf on commit; matched: a registered community already on the platform; error: skipped' })
  outcome: RosterOutcome;

  @ApiProperty({
    type: [String],
    description:
      'Why the row is an error: NAME_MISSING, TRADITION_UNKNOWN, REGISTRATION_NUMBER_MISSING, CONTACT_INVALID, REGISTRATION_DATE_INVALID, DUPLICATE_IN_FILE, REGISTRATION_NUMBER_TAKEN',
  })
  reasons: string[];

  @ApiProperty({ type: String, format: 'uuid', nullable: true, description: 'The matched community, or the one created on commit' })
  communityId: string | null;
}

export class RosterCountsDto {
  @ApiProperty()
  new: number;

  @ApiProperty()
  matched: number;

  @ApiProperty()
  error: number;
}

export class RosterReportDto {
  @ApiProperty({ description: 'The new communities were created and invited (false: a dry run, nothing written)' })
  committed: boolean;

  @ApiProperty({ type: RosterCountsDto })
  counts: RosterCountsDto;

  @ApiProperty({ type: [RosterRowReportDto] })
  rows: RosterRowReportDto[];
}
