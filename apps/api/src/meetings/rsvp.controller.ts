import { Access } from '../access/access.decorator';
import { Body, Controller, Get, Param, Put } from '@nestjs/common';
import { ApiConflictResponse, ApiForbiddenResponse, ApiNotFoundResponse, ApiOkResponse, ApiTags, ApiOperation } from '@nestjs/swagger';
import { CurrentViewer } from '../auth/current-viewer.decorator';
import type { Viewer } from '../auth/viewer';
import { ErrorResponseDto } from '../common/errors/error-response.dto';
import { IdParam } from '../common/id-params';
import { RsvpDto, RsvpInputDto, RsvpSummaryDto } from './dto/rsvp.dto';
import { RsvpService } from './rsvp.service';

@ApiTags('meetings')
@Controller('meetings/:id')
export class RsvpController {
  constructor(private readonly rsvps: RsvpService) {}

  @Access('meeting.respond', { param: 'id' })
  @Access('community.act', { body: 'communityId' })
  @ApiOperation({ summary: 'Answer a meeting invitation for a community' })
  @Put('rsvp')
  @ApiOkResponse({ type: RsvpDto })
  @ApiForbiddenResponse({ type: ErrorResponseDto, description: 'The caller does not represent an invited community' })
  @ApiConflictResponse({ type: ErrorResponseDto, description: 'MEETING.CLOSED: cancelled or over' })
  respond(@CurrentViewer() viewer: Viewer, @Param() { id }: IdParam, @Body() input: RsvpInputDto): Promise<RsvpDto> {
    return this.rsvps.respond(viewer, id, input);
  }

  @Access('meeting.club-records.read', { param: 'id' })
  @ApiOperation({ summary: 'Who is coming to a meeting' })
  @Get('rsvps')
  @ApiOkResponse({ type: RsvpSummaryDto })
  @ApiNotFoundResponse({ type: ErrorResponseDto, description: "Not a coordinator or participant of the meeting's club" })
  summary(@CurrentViewer() viewer: Viewer, @Param() { id }: IdParam): Promise<RsvpSummaryDto> {
    return this.rsvps.summary(viewer, id);
  }
}
