import { ApiProperty } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsBoolean, IsIn, IsInt, IsOptional, Matches, Max, Min } from 'class-validator';
import { NOTIFICATION_KINDS, type NotificationKind } from '@dastarkhan/domain';

const toInt = ({ value }: { value: unknown }) => (typeof value === 'string' && /^-?\d+$/.test(value) ? Number(value) : value);

/** `<created_at with microseconds>~<id>`: rows written in one transaction share a timestamp, so the id breaks ties. */
const CURSOR = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{6}Z~[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

export class NotificationListQueryDto {
  @ApiProperty({ required: false, description: 'Only the unread ones' })
  @IsOptional()
  @Transform(({ value }) => (value === 'true' ? true : value === 'false' ? false : value))
  @IsBoolean()
  unread?: boolean;

  @ApiProperty({ required: false, type: 'integer', minimum: 1, maximum: 100, default: 20 })
  @IsOptional()
  @Transform(toInt)
  @IsInt()
  @Min(1)
  @Max(100)
  limit?: number;

  @ApiProperty({ required: false, pattern: CURSOR.source, description: "The previous page's `nextBefore`: continues with older notifications" })
  @IsOptional()
  @Matches(CURSOR, { message: 'before must be a nextBefore value from a previous page' })
  before?: string;
}

export class NotificationDto {
  @ApiProperty({ format: 'uuid' })
  id: string;

  @ApiProperty({ enum: NOTIFICATION_KINDS, enumName: 'NotificationKind' })
  kind: NotificationKind;

  @ApiProperty({
    type: 'object',
    additionalProperties: { type: 'string', nullable: true },
    description: 'clubName, participationId, communityName (only where the reader may know it), and per kind e.g. reason',
  })
  params: Record<string, string | null>;

  @ApiProperty({ type: String, nullable: true, description: 'In-app path the notification opens' })
  link: string | null;

  @ApiProperty({ format: 'date-time' })
  createdAt: string;

  @ApiProperty({ type: String, format: 'date-time', nullable: true })
  readAt: string | null;
}

export class NotificationPageDto {
  @ApiProperty({ type: [NotificationDto], description: 'Newest first' })
  items: NotificationDto[];

  @ApiProperty({ type: String, nullable: true, description: 'Pass as `before` for the next page; null on the last page' })
  nextBefore: string | null;
}

export class UnreadCountDto {
  @ApiProperty()
  count: number;
}

export const OUTBOX_STATUSES = ['pending', 'sent', 'failed'] as const;
export type OutboxStatus = (typeof OUTBOX_STATUSES)[number];

export class EmailOutboxQueryDto {
  @ApiProperty({ required: false, enum: OUTBOX_STATUSES, enumName: 'EmailOutboxStatus' })
  @IsOptional()
  @IsIn(OUTBOX_STATUSES)
  status?: OutboxStatus;

  @ApiProperty({ required: false, type: 'integer', minimum: 1, maximum: 100, default: 50 })
  @IsOptional()
  @Transform(toInt)
  @IsInt()
  @Min(1)
  @Max(100)
  limit?: number;
}

export class EmailOutboxMessageDto {
  @ApiProperty({ format: 'uuid' })
  id: string;

  @ApiProperty()
  to: string;

  @ApiProperty({
    type: String,
    nullable: true,
    description: 'What the email tells about: a NotificationKind, or `account.<kind>` for an email about the account itself',
  })
  kind: string | null;

  @ApiProperty({
    description: 'The message is about a protected community (docs/domain.md, P12) or carries a single-use account link: its subject and body are withheld',
  })
  withheld: boolean;

  @ApiProperty({ type: String, nullable: true })
  subject: string | null;

  @ApiProperty({ type: String, nullable: true })
  body: string | null;

  @ApiProperty({ enum: OUTBOX_STATUSES, enumName: 'EmailOutboxStatus' })
  status: OutboxStatus;

  @ApiProperty()
  attempts: number;

  @ApiProperty({ type: String, nullable: true })
  lastError: string | null;

  @ApiProperty({ format: 'date-time' })
  createdAt: string;

  @ApiProperty({ format: 'date-time', description: 'When a pending message is next tried' })
  nextAttemptAt: string;

  @ApiProperty({ type: String, format: 'date-time', nullable: true })
  sentAt: string | null;
}
