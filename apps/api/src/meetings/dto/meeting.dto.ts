import { ApiProperty, ApiPropertyOptional, OmitType } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayUnique,
  IsArray,
  IsBoolean,
  IsIn,
  IsInt,
  IsISO8601,
  IsOptional,
  IsString,
  IsUrl,
  IsUUID,
  Length,
  Matches,
  MaxLength,
  Min,
  Validate,
  ValidateIf,
  ValidateNested,
  ValidationArguments,
  ValidatorConstraint,
  ValidatorConstraintInterface,
} from 'class-validator';
import { Tradition, TRADITIONS } from '@dastarkhan/domain';
import { Trim } from '../../common/trim.decorator';
import { CommunityRefDto } from '../../communities/dto/community.dto';
import type { MeetingFormat, MeetingStatus, MeetingVisibility } from '../entities/meeting.entity';
import { HolidayDto } from './holiday.dto';
import { WeeklyObservanceDto } from './observance.dto';
import { TopicDto } from './topic.dto';

export const MEETING_FORMATS: readonly MeetingFormat[] = ['in_person', 'online', 'hybrid'];
export const MEETING_VISIBILITIES: readonly MeetingVisibility[] = ['public', 'club'];
export const MEETING_STATUSES: readonly MeetingStatus[] = ['scheduled', 'cancelled'];
export const CHANGE_SCOPES = ['occurrence', 'series'] as const;
export type ChangeScope = (typeof CHANGE_SCOPES)[number];

/** A meeting lasts at most this long (a day-long forum is the longest the clubs hold). */
export const MAX_MEETING_MINUTES = 24 * 60;

@ValidatorConstraint({ name: 'endsAfterStart' })
class EndsAfterStart implements ValidatorConstraintInterface {
  validate(endsAt: unknown, { object }: ValidationArguments): boolean {
    const startsAt = (object as { startsAt?: unknown }).startsAt;
    if (typeof endsAt !== 'string' || typeof startsAt !== 'string') return true; // the fields' own checks report it
    const minutes = (Date.parse(endsAt) - Date.parse(startsAt)) / 60_000;
    return minutes > 0 && minutes <= MAX_MEETING_MINUTES;
  }

  defaultMessage(): string {
    return `endsAt must be after startsAt, at most ${MAX_MEETING_MINUTES / 60} hours later`;
  }
}

/** An ISO-8601 instant with its offset (`Z` or `+05:00`): a time without zone is ambiguous. */
const INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,3})?)?(Z|[+-]\d{2}:\d{2})$/;

const needsLink = (dto: { format?: MeetingFormat }) => dto.format === 'online' || dto.format === 'hybrid';

export class AgendaItemInputDto {
  @ApiProperty({ minLength: 1, maxLength: 300 })
  @Trim()
  @IsString()
  @Length(1, 300)
  title: string;

  @ApiPropertyOptional({
    maxLength: 200,
    description: 'A presenter who is not one of the club\'s communities (a guest, an official); naming a community here is refused (pick it as presenterCommunityId)',
  })
  @IsOptional()
  @Trim()
  @IsString()
  @MaxLength(200)
  presenter?: string;

  @ApiPropertyOptional({ format: 'uuid', description: 'A community of the club that presents: printed by the naming rule for each reader' })
  @IsOptional()
  @IsUUID()
  presenterCommunityId?: string;
}

export class AgendaItemDto {
  @ApiProperty({ format: 'uuid' })
  id: string;

  @ApiProperty({ minimum: 1 })
  position: number;

  @ApiProperty()
  title: string;

  @ApiProperty({ description: 'Free-text presenter (never a participating community)' })
  presenter: string;

  @ApiProperty({
    type: CommunityRefDto,
    nullable: true,
    description: 'The presenting community where the reader may see it; see presenterIsCommunity',
  })
  presenterCommunity: CommunityRefDto | null;

  @ApiProperty({ description: 'A community presents (shown as "a community" when presenterCommunity is null)' })
  presenterIsCommunity: boolean;
}

export class RecurrenceInputDto {
  @ApiProperty({
    maxLength: 300,
    example: 'FREQ=MONTHLY;BYDAY=TU;BYSETPOS=1;COUNT=12',
    description:
      'RFC 5545 RRULE without DTSTART, read in Asia/Almaty wall time from the first meeting (startsAt gives the time of day ' +
      'and the earliest date). FREQ DAILY/WEEKLY/MONTHLY/YEARLY; ends after COUNT occurrences or on an UNTIL date ' +
      '(e.g. UNTIL=20270630, that whole Almaty day included); at most 60 occurrences within 2 years.',
  })
  @Trim()
  @IsString()
  @Length(1, 300)
  rrule: string;

  @ApiPropertyOptional({
    type: [String],
    format: 'date',
    maxItems: 60,
    description: 'Dates of the series (Almaty, YYYY-MM-DD) to leave out, like RFC 5545 EXDATE; each must be a date the rule yields',
  })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(60)
  @ArrayUnique()
  @Matches(/^\d{4}-\d{2}-\d{2}$/, { each: true, message: 'each skip date must be a date (YYYY-MM-DD)' })
  @IsISO8601({ strict: true }, { each: true })
  skipDates?: string[];
}

/** The fields of a meeting a coordinator plans (shared by create, check and update). */
export class MeetingInputDto {
  @ApiProperty({ minLength: 1, maxLength: 200 })
  @Trim()
  @IsString()
  @Length(1, 200)
  title: string;

  @ApiPropertyOptional({ maxLength: 4000 })
  @IsOptional()
  @Trim()
  @IsString()
  @MaxLength(4000)
  description?: string;

  @ApiProperty({ format: 'date-time', example: '2026-04-07T13:00:00Z', description: 'With an offset (UTC on the wire)' })
  @IsString()
  @Matches(INSTANT, { message: 'startsAt must be an ISO-8601 date-time with an offset' })
  @IsISO8601({ strict: true })
  startsAt: string;

  @ApiProperty({ format: 'date-time', example: '2026-04-07T15:00:00Z', description: 'After startsAt, at most 24 h later' })
  @IsString()
  @Matches(INSTANT, { message: 'endsAt must be an ISO-8601 date-time with an offset' })
  @IsISO8601({ strict: true })
  @Validate(EndsAfterStart)
  endsAt: string;

  @ApiProperty({ enum: MEETING_FORMATS, enumName: 'MeetingFormat' })
  @IsIn(MEETING_FORMATS)
  format: MeetingFormat;

  @ApiPropertyOptional({ type: String, nullable: true, format: 'uri', description: 'https URL; required for online and hybrid' })
  @ValidateIf((dto: MeetingInputDto) => needsLink(dto) || dto.onlineLink != null)
  @Trim()
  @IsString()
  @MaxLength(500)
  @IsUrl({ protocols: ['https'], require_protocol: true }, { message: 'onlineLink must be an https URL' })
  onlineLink?: string | null;

  @ApiPropertyOptional({ type: String, nullable: true, maxLength: 300, description: 'Free-text venue (or venueCommunityId)' })
  @IsOptional()
  @Trim()
  @IsString()
  @Length(1, 300)
  venue?: string | null;

  @ApiPropertyOptional({
    type: String,
    nullable: true,
    format: 'uuid',
    description: "A community taking part in the club (not a pending applicant): the meeting is at its place",
  })
  @IsOptional()
  @IsUUID()
  venueCommunityId?: string | null;

  @ApiProperty({ enum: MEETING_VISIBILITIES, enumName: 'MeetingVisibility' })
  @IsIn(MEETING_VISIBILITIES)
  visibility: MeetingVisibility;

  @ApiProperty({ type: [String], format: 'uuid', maxItems: 10 })
  @IsArray()
  @ArrayMaxSize(10)
  @ArrayUnique()
  @IsUUID('all', { each: true })
  topicIds: string[];

  @ApiProperty({ type: [AgendaItemInputDto], maxItems: 50 })
  @IsArray()
  @ArrayMaxSize(50)
  @ValidateNested({ each: true })
  @Type(() => AgendaItemInputDto)
  agenda: AgendaItemInputDto[];

  @ApiPropertyOptional({ type: RecurrenceInputDto, description: 'Makes a series: one meeting per occurrence' })
  @IsOptional()
  @ValidateNested()
  @Type(() => RecurrenceInputDto)
  recurrence?: RecurrenceInputDto;

  @ApiPropertyOptional({ description: 'The coordinator saw the warnings (they never block)' })
  @IsOptional()
  @IsBoolean()
  acknowledgeWarnings?: boolean;
}

/** Any planned field except the recurrence; `scope` says whether later occurrences of the series follow. */
export class UpdateMeetingDto {
  @ApiProperty({ enum: CHANGE_SCOPES, enumName: 'ChangeScope', description: 'series: this and later non-detached, scheduled occurrences' })
  @IsIn(CHANGE_SCOPES)
  scope: ChangeScope;

  @ApiProperty({ minimum: 1, description: "The meeting's version as read: a stale value is refused with 409" })
  @IsInt()
  @Min(1)
  version: number;

  @ApiPropertyOptional({ minLength: 1, maxLength: 200 })
  @ValidateIf((dto: UpdateMeetingDto) => dto.title !== undefined)
  @Trim()
  @IsString()
  @Length(1, 200)
  title?: string;

  @ApiPropertyOptional({ maxLength: 4000 })
  @ValidateIf((dto: UpdateMeetingDto) => dto.description !== undefined)
  @Trim()
  @IsString()
  @MaxLength(4000)
  description?: string;

  @ApiPropertyOptional({ format: 'date-time', description: 'For scope series, later occurrences shift by the same offset' })
  @ValidateIf((dto: UpdateMeetingDto) => dto.startsAt !== undefined)
  @IsString()
  @Matches(INSTANT, { message: 'startsAt must be an ISO-8601 date-time with an offset' })
  @IsISO8601({ strict: true })
  startsAt?: string;

  @ApiPropertyOptional({ format: 'date-time' })
  @ValidateIf((dto: UpdateMeetingDto) => dto.endsAt !== undefined)
  @IsString()
  @Matches(INSTANT, { message: 'endsAt must be an ISO-8601 date-time with an offset' })
  @IsISO8601({ strict: true })
  endsAt?: string;

  @ApiPropertyOptional({ enum: MEETING_FORMATS, enumName: 'MeetingFormat' })
  @ValidateIf((dto: UpdateMeetingDto) => dto.format !== undefined)
  @IsIn(MEETING_FORMATS)
  format?: MeetingFormat;

  @ApiPropertyOptional({ type: String, nullable: true, format: 'uri' })
  @IsOptional()
  @Trim()
  @IsString()
  @MaxLength(500)
  @IsUrl({ protocols: ['https'], require_protocol: true }, { message: 'onlineLink must be an https URL' })
  onlineLink?: string | null;

  @ApiPropertyOptional({ type: String, nullable: true, maxLength: 300 })
  @IsOptional()
  @Trim()
  @IsString()
  @Length(1, 300)
  venue?: string | null;

  @ApiPropertyOptional({ type: String, nullable: true, format: 'uuid' })
  @IsOptional()
  @IsUUID()
  venueCommunityId?: string | null;

  @ApiPropertyOptional({ enum: MEETING_VISIBILITIES, enumName: 'MeetingVisibility' })
  @ValidateIf((dto: UpdateMeetingDto) => dto.visibility !== undefined)
  @IsIn(MEETING_VISIBILITIES)
  visibility?: MeetingVisibility;

  @ApiPropertyOptional({ type: [String], format: 'uuid', maxItems: 10 })
  @ValidateIf((dto: UpdateMeetingDto) => dto.topicIds !== undefined)
  @IsArray()
  @ArrayMaxSize(10)
  @ArrayUnique()
  @IsUUID('all', { each: true })
  topicIds?: string[];

  @ApiPropertyOptional({ type: [AgendaItemInputDto], maxItems: 50 })
  @ValidateIf((dto: UpdateMeetingDto) => dto.agenda !== undefined)
  @IsArray()
  @ArrayMaxSize(50)
  @ValidateNested({ each: true })
  @Type(() => AgendaItemInputDto)
  agenda?: AgendaItemInputDto[];

  @ApiPropertyOptional({ description: 'The coordinator saw the warnings (they never block)' })
  @IsOptional()
  @IsBoolean()
  acknowledgeWarnings?: boolean;
}

export class CancelMeetingDto {
  @ApiProperty({ enum: CHANGE_SCOPES, enumName: 'ChangeScope', description: 'series: this and every later scheduled occurrence' })
  @IsIn(CHANGE_SCOPES)
  scope: ChangeScope;

  @ApiProperty({ minLength: 1, maxLength: 2000 })
  @Trim()
  @IsString()
  @Length(1, 2000)
  reason: string;

  @ApiProperty({ minimum: 1 })
  @IsInt()
  @Min(1)
  version: number;
}

export class MeetingConflictDto {
  @ApiProperty({ enum: ['club', 'venue'], enumName: 'MeetingConflictKind' })
  kind: 'club' | 'venue';

  @ApiProperty({ type: String, nullable: true, format: 'uuid', description: 'Null for a meeting outside the caller\'s sight' })
  meetingId: string | null;

  @ApiProperty({ description: "Empty for a meeting outside the caller's sight: only \"that venue is busy then\"" })
  title: string;

  @ApiProperty({ format: 'date-time' })
  startsAt: string;

  @ApiProperty({ format: 'date-time' })
  endsAt: string;
}

export class MeetingWarningDto {
  @ApiProperty({ enum: ['observance', 'holiday'], enumName: 'MeetingWarningKind' })
  kind: 'observance' | 'holiday';

  @ApiProperty({ format: 'date', description: 'The local (Asia/Almaty) date concerned' })
  date: string;

  @ApiPropertyOptional({ type: HolidayDto })
  holiday?: HolidayDto;

  @ApiPropertyOptional({ type: WeeklyObservanceDto, description: 'The weekly observance the meeting overlaps (kind observance)' })
  observance?: WeeklyObservanceDto;

  @ApiProperty({ enum: TRADITIONS, enumName: 'Tradition', isArray: true, description: "Traditions present in the club that are concerned" })
  traditions: Tradition[];
}

export class MeetingCheckDto {
  @ApiProperty({ type: [MeetingConflictDto], description: 'Blocking: saving is refused with 409 MEETING.CONFLICT' })
  conflicts: MeetingConflictDto[];

  @ApiProperty({ type: [MeetingWarningDto], description: 'Not blocking' })
  warnings: MeetingWarningDto[];
}

export class MeetingSummaryDto {
  @ApiProperty({ format: 'uuid' })
  id: string;

  @ApiProperty({ format: 'uuid' })
  clubId: string;

  @ApiProperty()
  title: string;

  @ApiProperty({ format: 'date-time' })
  startsAt: string;

  @ApiProperty({ format: 'date-time' })
  endsAt: string;

  @ApiProperty({ enum: MEETING_STATUSES, enumName: 'MeetingStatus' })
  status: MeetingStatus;

  @ApiProperty({ enum: MEETING_VISIBILITIES, enumName: 'MeetingVisibility' })
  visibility: MeetingVisibility;

  @ApiProperty({ enum: MEETING_FORMATS, enumName: 'MeetingFormat' })
  format: MeetingFormat;

  @ApiProperty({ type: String, nullable: true, description: "The free-text venue, or the venue community's name when the caller may see it" })
  venue: string | null;

  @ApiProperty({ type: [TopicDto] })
  topics: TopicDto[];

  @ApiProperty({ type: String, nullable: true, format: 'uuid' })
  seriesId: string | null;
}

export class MeetingDto extends OmitType(MeetingSummaryDto, ['venue'] as const) {
  @ApiProperty()
  clubName: string;

  @ApiProperty({ description: 'Edited on its own: series-wide changes leave it alone' })
  detached: boolean;

  @ApiProperty()
  description: string;

  @ApiProperty({ type: String, nullable: true })
  onlineLink: string | null;

  @ApiProperty({ type: String, nullable: true, description: 'Free-text venue' })
  venue: string | null;

  @ApiProperty({ type: CommunityRefDto, nullable: true, description: 'Null as well when the caller may not see that community' })
  venueCommunity: CommunityRefDto | null;

  @ApiProperty({ type: String, nullable: true })
  cancelReason: string | null;

  @ApiProperty({ type: [AgendaItemDto] })
  agenda: AgendaItemDto[];

  @ApiProperty({ minimum: 1 })
  version: number;

  @ApiProperty({ type: String, nullable: true, description: "Coordinators only: the code representatives type to check in" })
  checkInCode: string | null;

  @ApiProperty()
  viewerIsCoordinator: boolean;

  @ApiProperty({ description: 'The caller represents an invited community' })
  viewerCanRsvp: boolean;

  @ApiProperty({ type: [MeetingWarningDto], description: "For the club's coordinators and participants" })
  warnings: MeetingWarningDto[];
}

const DATE_OR_INSTANT = /^\d{4}-\d{2}-\d{2}(T\d{2}:\d{2}(:\d{2}(\.\d{1,3})?)?(Z|[+-]\d{2}:\d{2}))?$/;

export class MeetingListQuery {
  @ApiPropertyOptional({ pattern: DATE_OR_INSTANT.source, description: 'YYYY-MM-DD (Almaty) or a date-time; default: a month ago' })
  @IsOptional()
  @Matches(DATE_OR_INSTANT, { message: 'from must be a date or a date-time with an offset' })
  @IsISO8601({ strict: true })
  from?: string;

  @ApiPropertyOptional({ pattern: DATE_OR_INSTANT.source, description: 'YYYY-MM-DD (Almaty, inclusive) or a date-time; default: six months ahead; at most 13 months after from' })
  @IsOptional()
  @Matches(DATE_OR_INSTANT, { message: 'to must be a date or a date-time with an offset' })
  @IsISO8601({ strict: true })
  to?: string;
}
