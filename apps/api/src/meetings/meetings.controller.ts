import { Access } from '../access/access.decorator';
import { Body, Controller, Get, HttpCode, Param, Patch, Post, Query } from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiConflictResponse,
  ApiCreatedResponse,
  ApiForbiddenResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiTags, ApiOperation } from '@nestjs/swagger';
import { CurrentViewer } from '../auth/current-viewer.decorator';
import type { Viewer } from '../auth/viewer';
import { ErrorResponseDto } from '../common/errors/error-response.dto';
import { ClubIdParam, IdParam } from '../common/id-params';
import {
  CancelMeetingDto,
  MeetingCheckDto,
  MeetingDto,
  MeetingInputDto,
  MeetingListQuery,
  MeetingSummaryDto,
  UpdateMeetingDto,
} from './dto/meeting.dto';
import { MeetingsQueryService } from './meetings-query.service';
import { SchedulingService } from './scheduling.service';

@ApiTags('meetings')
@Controller()
export class MeetingsController {
  constructor(
    private readonly scheduling: SchedulingService,
    private readonly meetings: MeetingsQueryService,
  ) {}

  @Access('club.meetings.read', { param: 'clubId' })
  @ApiOperation({ summary: "The club's meetings" })
  @Get('clubs/:clubId/meetings')
  @ApiOkResponse({ type: [MeetingSummaryDto], description: "Public meetings only, unless the caller coordinates or takes part in the club" })
  @ApiNotFoundResponse({ type: ErrorResponseDto })
  list(
    @CurrentViewer() viewer: Viewer | null,
    @Param() { clubId }: ClubIdParam,
    @Query() query: MeetingListQuery,
  ): Promise<MeetingSummaryDto[]> {
    return this.meetings.list(viewer, clubId, query);
  }

  @Access('club.meetings.schedule', { param: 'clubId' })
  @ApiOperation({ summary: 'Check a planned meeting for conflicts and holidays' })
  @Post('clubs/:clubId/meetings/check')
  @HttpCode(200)
  @ApiOkResponse({ type: MeetingCheckDto, description: 'Dry run: writes nothing' })
  @ApiForbiddenResponse({ type: ErrorResponseDto })
  check(@CurrentViewer() viewer: Viewer, @Param() { clubId }: ClubIdParam, @Body() input: MeetingInputDto): Promise<MeetingCheckDto> {
    return this.scheduling.check(viewer, clubId, input);
  }

  @Access('club.meetings.schedule', { param: 'clubId' })
  @ApiOperation({ summary: 'Schedule a meeting or a series' })
  @Post('clubs/:clubId/meetings')
  @ApiCreatedResponse({ type: [MeetingDto], description: 'One per occurrence' })
  @ApiBadRequestResponse({ type: ErrorResponseDto, description: 'VALIDATION_FAILED or MEETING.INVALID_RECURRENCE' })
  @ApiForbiddenResponse({ type: ErrorResponseDto })
  @ApiConflictResponse({ type: ErrorResponseDto, description: 'MEETING.CONFLICT: the club or the venue is taken; fields name the meeting' })
  create(@CurrentViewer() viewer: Viewer, @Param() { clubId }: ClubIdParam, @Body() input: MeetingInputDto): Promise<MeetingDto[]> {
    return this.scheduling.create(viewer, clubId, input);
  }

  @Access('meeting.read', { param: 'id' })
  @ApiOperation({ summary: 'A meeting' })
  @Get('meetings/:id')
  @ApiOkResponse({ type: MeetingDto })
  @ApiNotFoundResponse({ type: ErrorResponseDto, description: 'Also for a club-only meeting outside the club' })
  get(@CurrentViewer() viewer: Viewer | null, @Param() { id }: IdParam): Promise<MeetingDto> {
    return this.meetings.get(viewer, id);
  }

  @Access('meeting.schedule', { param: 'id' })
  @ApiOperation({ summary: 'Change a meeting (or the rest of its series)' })
  @Patch('meetings/:id')
  @ApiOkResponse({ type: [MeetingDto], description: 'The meetings changed' })
  @ApiForbiddenResponse({ type: ErrorResponseDto })
  @ApiConflictResponse({ type: ErrorResponseDto, description: 'MEETING.STALE_VERSION, MEETING.CONFLICT or MEETING.CANCELLED' })
  update(@CurrentViewer() viewer: Viewer, @Param() { id }: IdParam, @Body() input: UpdateMeetingDto): Promise<MeetingDto[]> {
    return this.scheduling.update(viewer, id, input);
  }

  @Access('meeting.schedule', { param: 'id' })
  @ApiOperation({ summary: 'Cancel a meeting (or the rest of its series)' })
  @Post('meetings/:id/cancel')
  @HttpCode(200)
  @ApiOkResponse({ type: [MeetingDto], description: 'The meetings cancelled' })
  @ApiForbiddenResponse({ type: ErrorResponseDto })
  @ApiConflictResponse({ type: ErrorResponseDto, description: 'MEETING.STALE_VERSION or MEETING.CANCELLED' })
  cancel(@CurrentViewer() viewer: Viewer, @Param() { id }: IdParam, @Body() input: CancelMeetingDto): Promise<MeetingDto[]> {
    return this.scheduling.cancel(viewer, id, input);
  }
}
