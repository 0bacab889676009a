import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsEmail, IsIn, IsInt, IsISO8601, IsOptional, Max, MaxLength, Min } from 'class-validator';
import { SENSITIVE_EVENT_KINDS, type SensitiveEventKind } from '../entities/sensitive-event.entity';

const toInt = ({ value }: { value: unknown }) => (typeof value === 'string' && /^-?\d+$/.test(value) ? Number(value) : value);

export class SecurityEventQueryDto {
  @ApiPropertyOptional({ enum: SENSITIVE_EVENT_KINDS, enumName: 'SensitiveEventKind' })
  @IsOptional()
  @IsIn(SENSITIVE_EVENT_KINDS)
  kind?: SensitiveEventKind;

  @ApiPropertyOptional({ format: 'email', maxLength: 200, description: 'The account concerned (its current email address)' })
  @IsOptional()
  @IsEmail()
  @MaxLength(200)
  actor?: string;

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

/** One row of the record of sensitive events, as the administrator searches it: never a secret or a protected value. */
export class SecurityEventDto {
  @ApiProperty()
  id: number;

  @ApiProperty({ format: 'date-time' })
  occurredAt: string;

  @ApiProperty({ enum: SENSITIVE_EVENT_KINDS, enumName: 'SensitiveEventKind' })
  kind: SensitiveEventKind;

  @ApiProperty({ type: String, nullable: true, format: 'uuid', description: 'The account concerned; null: the system or an unknown account' })
  actorId: string | null;

  @ApiProperty({ type: String, nullable: true, description: "The account's current email address (null once erased)" })
  actorEmail: string | null;

  @ApiProperty({ type: String, nullable: true, description: 'The capacity it acted in' })
  actorRole: string | null;

  @ApiProperty({ type: String, nullable: true, description: 'The client address' })
  address: string | null;

  @ApiProperty({ description: 'What it was about, e.g. auth.sign-in or a route' })
  resource: string;

  @ApiProperty({ type: 'object', additionalProperties: true, description: 'Masked details: reasons, methods, ids' })
  details: Record<string, unknown>;

  @ApiProperty({ description: 'How many communities’ records it concerned (their ids stay in the record)' })
  communities: number;
}

export class SecurityEventPageDto {
  @ApiProperty({ type: [SecurityEventDto], description: 'Newest first' })
  items: SecurityEventDto[];

  @ApiProperty({ type: Number, nullable: true, description: 'Pass as `before` for the next page; null on the last page' })
  nextBefore: number | null;
}
