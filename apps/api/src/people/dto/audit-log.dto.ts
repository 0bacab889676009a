import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsEmail, IsInt, IsISO8601, IsOptional, IsString, IsUUID, Matches, Max, MaxLength, Min } from 'class-validator';

const toInt = ({ value }: { value: unknown }) => (typeof value === 'string' && /^-?\d+$/.test(value) ? Number(value) : value);
const ACTION = /^[a-z-]+(\.[a-z-]+)*$/;

/** The administrator's search of the audit log (changes made through the API). */
export class AuditLogQueryDto {
  @ApiPropertyOptional({ format: 'email', maxLength: 200, description: 'Who made the change (their current email address)' })
  @IsOptional()
  @IsEmail()
  @MaxLength(200)
  actor?: string;

  @ApiPropertyOptional({ format: 'uuid' })
  @IsOptional()
  @IsUUID()
  clubId?: string;

  @ApiPropertyOptional({ format: 'uuid' })
  @IsOptional()
  @IsUUID()
  communityId?: string;

  @ApiPropertyOptional({ format: 'uuid', description: 'The changed record' })
  @IsOptional()
  @IsUUID()
  recordId?: string;

  @ApiPropertyOptional({ pattern: ACTION.source, maxLength: 64, example: 'club.archived', description: 'An action, or its start (e.g. `club`)' })
  @IsOptional()
  @IsString()
  @MaxLength(64)
  @Matches(ACTION, { message: 'action must be like club.archived' })
  action?: string;

  @ApiPropertyOptional({ format: 'date-time', description: 'From this moment (inclusive)' })
  @IsOptional()
  @IsISO8601({ strict: true })
  from?: string;

  @ApiPropertyOptional({ format: 'date-time', description: 'Until this moment (exclusive)' })
  @IsOptional()
  @IsISO8601({ strict: true })
  to?: string;

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

export class AuditEntryDto {
  @ApiProperty()
  id: number;

  @ApiProperty({ format: 'date-time' })
  occurredAt: string;

  @ApiProperty({ type: String, nullable: true, format: 'uuid' })
  actorId: string | null;

  @ApiProperty({
    type: String,
    nullable: true,
    description:
      "Staff by display name; a community's representative by the naming rule (a protected community's people by the community's name); null for the system or an erased account",
  })
  actorName: string | null;

  @ApiProperty({ type: String, nullable: true })
  actorRole: string | null;

  @ApiProperty({ type: String, nullable: true, format: 'uuid' })
  sessionId: string | null;

  @ApiProperty({ description: 'e.g. club.archived, role.ended, invitation.created' })
  action: string;

  @ApiProperty({ description: 'The kind of record: club, city, invitation, role-grant, user' })
  resource: string;

  @ApiProperty({ type: String, nullable: true, format: 'uuid' })
  recordId: string | null;

  @ApiProperty({ type: String, nullable: true, format: 'uuid' })
  clubId: string | null;

  @ApiProperty({ type: [String], description: 'The communities concerned (ids)' })
  communityIds: string[];

  @ApiProperty({ type: 'object', additionalProperties: true, description: 'old → new values per field, protected ones masked; reasons' })
  details: Record<string, unknown>;
}

export class AuditPageDto {
  @ApiProperty({ type: [AuditEntryDto] })
  items: AuditEntryDto[];

  @ApiProperty({ type: Number, nullable: true })
  nextBefore: number | null;
}

export class ClubNeedingCoordinatorDto {
  @ApiProperty({ format: 'uuid' })
  id: string;

  @ApiProperty()
  name: string;

  @ApiProperty({ format: 'uuid' })
  cityId: string;
}

/** What needs the secretariat's attention nationally (the administrator's home). */
export class AttentionDto {
  @ApiProperty({ type: [ClubNeedingCoordinatorDto], description: 'Active clubs with no coordinator in force' })
  clubsWithoutCoordinator: ClubNeedingCoordinatorDto[];

  @ApiProperty()
  pendingInvitations: number;

  @ApiProperty({ description: 'Expired without being accepted or withdrawn' })
  expiredInvitations: number;

  @ApiProperty()
  registrationClaimsWaiting: number;

  @ApiProperty()
  openAppeals: number;

  @ApiProperty({ description: 'Emails the outbox gave up on' })
  failedEmails: number;
}
