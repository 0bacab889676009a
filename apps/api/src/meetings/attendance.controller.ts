import { Access } from '../access/access.decorator';
import { Body, Controller, Get, HttpCode, Param, Post, Put, Ip } from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiConflictResponse,
  ApiForbiddenResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiTags,
  ApiTooManyRequestsResponse, ApiOperation } from '@nestjs/swagger';
import { CurrentViewer } from '../auth/current-viewer.decorator';
import type { Viewer } from '../auth/viewer';
import { ErrorResponseDto } from '../common/errors/error-response.dto';
import { IdParam } from '../common/id-params';
import { AttendanceService } from './attendance.service';
import { AttendanceDto, AttendanceEventDto, AttendanceInputDto, AttendanceParams, CheckInDto } from './dto/attendance.dto';

@ApiTags('meetings')
@Controller('meetings/:id')
export class AttendanceController {
  constructor(private readonly attendance: AttendanceService) {}

  @Access('meeting.club-records.read', { param: 'id' })
  @ApiOperation({ summary: "A meeting's attendance" })
  @Get('attendance')
  @ApiOkResponse({ type: [AttendanceDto] })
  @ApiNotFoundResponse({ type: ErrorResponseDto, description: "Not a coordinator or participant of the meeting's club" })
  list(@CurrentViewer() viewer: Viewer, @Param() { id }: IdParam): Promise<AttendanceDto[]> {
    return this.attendance.list(viewer, id);
  }

  @Access('meeting.coordinator-records.read', { param: 'id' })
  @ApiOperation({ summary: "Every change of a meeting's attendance" })
  @Get('attendance/history')
  @ApiOkResponse({ type: [AttendanceEventDto] })
  history(@CurrentViewer() viewer: Viewer, @Param() { id }: IdParam): Promise<AttendanceEventDto[]> {
    return this.attendance.history(viewer, id);
  }

  @Access('meeting.records.write', { param: 'id' })
  @ApiOperation({ summary: "Record a community's attendance" })
  @Put('attendance/:communityId')
  @ApiOkResponse({ type: AttendanceDto })
  @ApiForbiddenResponse({ type: ErrorResponseDto, description: "Only the club's coordinators" })
  @ApiConflictResponse({ type: ErrorResponseDto, description: 'Stale version, MEETING.NOT_STARTED or MEETING.CANCELLED' })
  record(
    @CurrentViewer() viewer: Viewer,
    @Param() { id, communityId }: AttendanceParams,
    @Body() input: AttendanceInputDto,
  ): Promise<AttendanceDto> {
    return this.attendance.record(viewer, id, communityId, input);
  }

  @Access('meeting.respond', { param: 'id' })
  @Access('community.act', { body: 'communityId' })
  @ApiOperation({ summary: "Check a community in with the meeting's code" })
  @Post('check-in')
  @HttpCode(200)
  @ApiOkResponse({ type: AttendanceDto })
  @ApiBadRequestResponse({ type: ErrorResponseDto, description: 'MEETING.WRONG_CODE' })
  @ApiTooManyRequestsResponse({ type: ErrorResponseDto, description: 'MEETING.TOO_MANY_ATTEMPTS' })
  @ApiConflictResponse({ type: ErrorResponseDto, description: 'Outside the check-in window, or cancelled' })
  checkIn(@CurrentViewer() viewer: Viewer, @Param() { id }: IdParam, @Body() input: CheckInDto, @Ip() address: string): Promise<AttendanceDto> {
    return this.attendance.checkIn(viewer, id, input, address);
  }
}
