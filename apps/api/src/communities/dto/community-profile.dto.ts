import { ApiProperty, ApiPropertyOptional, PartialType } from '@nestjs/swagger';
import {
  IsBoolean,
  IsEmail,
  IsIn,
  IsInt,
  IsISO8601,
  IsOptional,
  IsString,
  Length,
  Matches,
  Max,
  MaxLength,
  Min,
  ValidateIf,
} from 'class-validator';
import { Trim } from '../../common/trim.decorator';
import { REGISTRATION_STATUSES, RegistrationStatus, Tradition, TRADITIONS } from '@dastarkhan/domain';
import { ExpectedVersion } from '../../common/version';

/** What a representative keeps up to date about the community. */
export class CommunityProfileDto {
  @ApiProperty({ minLength: 2, maxLength: 200 })
  @Trim()
  @IsString()
  @Length(2, 200)
  name: string;

  @ApiProperty({ enum: TRADITIONS, enumName: 'Tradition' })
  @IsIn(TRADITIONS)
  tradition: Tradition;

  @ApiProperty({ enum: REGISTRATION_STATUSES, enumName: 'RegistrationStatus' })
  @IsIn(REGISTRATION_STATUSES)
  registrationStatus: RegistrationStatus;

  @ApiPropertyOptional({
    type: String,
    nullable: true,
    description: 'Required when registered: the claim an official verifies against the state register (docs/domain.md, P7)',
  })
  @ValidateIf((profile: CommunityProfileDto) => profile.registrationStatus === 'registered' || profile.registrationNumber != null)
  @Trim()
  @IsString()
  @Length(1, 100)
  registrationNumber?: string | null;

  @ApiPropertyOptional({ type: String, nullable: true, format: 'date', description: 'Required when registered' })
  @ValidateIf((profile: CommunityProfileDto) => profile.registrationStatus === 'registered' || profile.registrationDate != null)
  @IsISO8601({ strict: true })
  @Matches(/^\d{4}-\d{2}-\d{2}$/, { message: 'registrationDate must be a date (YYYY-MM-DD)' })
  registrationDate?: string | null;

  @ApiPropertyOptional({
    type: String,
    nullable: true,
    description: 'The authority that issued the registration; required when registered',
  })
  @ValidateIf((profile: CommunityProfileDto) => profile.registrationStatus === 'registered' || profile.registrationIssuingBody != null)
  @Trim()
  @IsString()
  @Length(2, 300)
  registrationIssuingBody?: string | null;

  @ApiPropertyOptional({ maxLength: 4000 })
  @IsOptional()
  @IsString()
  @MaxLength(4000)
  description?: string;

  @ApiPropertyOptional({ maxLength: 1000, description: 'Leaders named (transparency profile)' })
  @IsOptional()
  @IsString()
  @MaxLength(1000)
  leaders?: string;

  @ApiPropertyOptional({ maxLength: 1000, description: 'Where the community meets (transparency profile)' })
  @IsOptional()
  @IsString()
  @MaxLength(1000)
  meetingPlace?: string;

  @ApiPropertyOptional({ type: Number, nullable: true, minimum: 1, maximum: 1000000 })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(1000000)
  approximateSize?: number | null;

  @ApiPropertyOptional({ maxLength: 4000, description: 'Regular activities (transparency profile)' })
  @IsOptional()
  @IsString()
  @MaxLength(4000)
  activities?: string;

  @ApiPropertyOptional({ type: String, nullable: true, format: 'email' })
  @IsOptional()
  @IsEmail()
  @MaxLength(200)
  contactEmail?: string | null;

  @ApiPropertyOptional({ type: String, nullable: true })
  @IsOptional()
  @IsString()
  @Matches(/^\+?[0-9 ()-]{5,30}$/, { message: 'contactPhone must be a phone number' })
  contactPhone?: string | null;

  @ApiPropertyOptional({ description: 'Show the community on public pages (opt-in)' })
  @IsOptional()
  @IsBoolean()
  isPublic?: boolean;
}

// skipNullProperties: false — `{ "name": null }` is a validation error, not a way to blank a required field.
export class UpdateCommunityDto extends PartialType(CommunityProfileDto, { skipNullProperties: false }) {
  @ApiPropertyOptional({ description: 'Consent for officials to see the participation record (revocable)' })
  @IsOptional()
  @IsBoolean()
  officialConsent?: boolean;

  @ExpectedVersion()
  version: number;
}
