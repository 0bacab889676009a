import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsIn, IsInt, IsISO8601, IsOptional, IsString, Length, Matches, Max, Min, ValidateIf } from 'class-validator';
import { TRADITIONS, type Tradition } from '@dastarkhan/domain';
import { Trim } from '../../common/trim.decorator';
import { LocalizedTextDto } from '../../common/localized-text.dto';

export const CLAIM_STATUSES = ['pending', 'verified', 'rejected'] as const;
export type ClaimStatus = (typeof CLAIM_STATUSES)[number];

const toInt = ({ value }: { value: unknown }) => (typeof value === 'string' && /^-?\d+$/.test(value) ? Number(value) : value);

export class RegistrationClaimQueryDto {
  @ApiPropertyOptional({ enum: CLAIM_STATUSES, default: 'pending' })
  @IsOptional()
  @IsIn(CLAIM_STATUSES)
  status?: ClaimStatus;

  @ApiPropertyOptional({ type: 'integer', minimum: 1, maximum: 200, default: 50 })
  @IsOptional()
  @Transform(toInt)
  @IsInt()
  @Min(1)
  @Max(200)
  limit?: number;
}

/**
 * A claim in the verification queue: the register entry the community says it has. Filing the
 * claim shows this entry to the officials of its region who verify it (docs/domain.md, P7).
 */
export class RegistrationClaimCaseDto {
  @ApiProperty({ format: 'uuid' })
  id: string;

  @ApiProperty({ format: 'uuid' })
  communityId: string;

  @ApiProperty({ description: 'The name under which the community says it is registered' })
  registeredName: string;

  @ApiProperty({ enum: TRADITIONS, enumName: 'Tradition' })
  tradition: Tradition;

  @ApiProperty({ type: LocalizedTextDto, nullable: true })
  cityName: LocalizedTextDto | null;

  @ApiProperty()
  registrationNumber: string;

  @ApiProperty({
    type: String,
    format: 'date',
    nullable: true,
    description: 'Null only on a claim filed on its behalf: the verifier enters it from the state register',
  })
  registrationDate: string | null;

  @ApiProperty({ type: String, nullable: true, description: 'Null only on a claim filed on its behalf, as the date' })
  issuingBody: string | null;

  @ApiProperty({ enum: CLAIM_STATUSES })
  status: ClaimStatus;

  @ApiProperty({ format: 'date-time' })
  claimedAt: string;

  @ApiProperty({ type: String, nullable: true, format: 'date-time' })
  decidedAt: string | null;

  @ApiProperty({ type: String, nullable: true })
  decidedByName: string | null;

  @ApiProperty({ type: String, nullable: true })
  rejectionReason: string | null;
}

export class RegistrationClaimDecisionDto {
  @ApiProperty({ enum: ['verified', 'rejected'] })
  @IsIn(['verified', 'rejected'])
  outcome: 'verified' | 'rejected';

  @ApiPropertyOptional({ minLength: 10, maxLength: 2000, description: 'Required to reject: shown to the community' })
  @ValidateIf((input: RegistrationClaimDecisionDto) => input.outcome === 'rejected' || input.reason !== undefined)
  @Trim()
  @IsString()
  @Length(10, 2000)
  reason?: string;

  @ApiPropertyOptional({
    format: 'date',
    description: 'To verify a claim filed without it (on its behalf): the date read off the state register (422 when missing)',
  })
  @IsOptional()
  @Matches(/^\d{4}-\d{2}-\d{2}$/, { message: 'registrationDate must be a date (YYYY-MM-DD)' })
  @IsISO8601({ strict: true })
  registrationDate?: string;

  @ApiPropertyOptional({ minLength: 2, maxLength: 300, description: 'To verify a claim filed without it: the issuing body (422 when missing)' })
  @IsOptional()
  @Trim()
  @IsString()
  @Length(2, 300)
  issuingBody?: string;
}

export class AccessLogQueryDto {
  @ApiPropertyOptional({ type: 'integer', minimum: 1, maximum: 100, default: 50 })
  @IsOptional()
  @Transform(toInt)
  @IsInt()
  @Min(1)
  @Max(100)
  limit?: number;

  @ApiPropertyOptional({ type: 'integer', minimum: 1, description: "The previous page's `nextBefore`" })
  @IsOptional()
  @Transform(toInt)
  @IsInt()
  @Min(1)
  before?: number;
}

/** One entry of what happened to a community's record: who read it or changed its consent or registration, and when. */
export class AccessLogEntryDto {
  @ApiProperty()
  id: number;

  @ApiProperty({ format: 'date-time' })
  occurredAt: string;

  @ApiProperty({ enum: ['read', 'consent.granted', 'consent.revoked', 'registration.claimed', 'registration.verified', 'registration.rejected', 'erasure', 'change'] })
  kind: string;

  @ApiProperty({ type: String, nullable: true, description: 'Who acted (null: the system, or a person whose data was erased)' })
  actorName: string | null;

  @ApiProperty({ type: String, nullable: true, description: 'In which capacity: official, administrator, representative …' })
  actorRole: string | null;

  @ApiProperty({
    description:
      'What was read or changed: one or more codes separated by commas (a request may read several parts), e.g. community.profile, participation.read, official.candidacies, community.consent, community.registration',
  })
  resource: string;

  @ApiProperty({
    type: String,
    nullable: true,
    description: 'For a change: what was done, e.g. community.updated, role.granted, invitation.created (null for the other kinds)',
  })
  action: string | null;
}

export class AccessLogPageDto {
  @ApiProperty({ type: [AccessLogEntryDto], description: 'Newest first' })
  items: AccessLogEntryDto[];

  @ApiProperty({ type: Number, nullable: true })
  nextBefore: number | null;
}
