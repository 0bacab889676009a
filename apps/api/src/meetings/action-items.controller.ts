import { Access } from '../access/access.decorator';
import { Body, Controller, Get, Param, Patch, Post, Query } from '@nestjs/common';
import { ApiCreatedResponse, ApiForbiddenResponse, ApiNotFoundResponse, ApiOkResponse, ApiTags, ApiOperation } from '@nestjs/swagger';
import { CurrentViewer } from '../auth/current-viewer.decorator';
import type { Viewer } from '../auth/viewer';
import { ErrorResponseDto } from '../common/errors/error-response.dto';
import { ClubIdParam, IdParam } from '../common/id-params';
import { ActionItemsService } from './action-items.service';
import {
  ActionItemDto,
  ActionItemInputDto,
  ActionItemListQuery,
  MeetingActionItemsDto,
  UpdateActionItemDto,
} from './dto/action-item.dto';

@ApiTags('meetings')
@Controller()
export class ActionItemsController {
  constructor(private readonly items: ActionItemsService) {}

  @Access('meeting.records.write', { param: 'id' })
  @ApiOperation({ summary: 'Add an action item to a meeting' })
  @Post('meetings/:id/action-items')
  @ApiCreatedResponse({ type: ActionItemDto })
  @ApiForbiddenResponse({ type: ErrorResponseDto, description: "Only the club's coordinators" })
  create(@CurrentViewer() viewer: Viewer, @Param() { id }: IdParam, @Body() input: ActionItemInputDto): Promise<ActionItemDto> {
    return this.items.create(viewer, id, input);
  }

  @Access('meeting.club-records.read', { param: 'id' })
  @ApiOperation({ summary: "A meeting's action items, with those carried over" })
  @Get('meetings/:id/action-items')
  @ApiOkResponse({ type: MeetingActionItemsDto })
  @ApiNotFoundResponse({ type: ErrorResponseDto, description: "Not a coordinator or participant of the meeting's club" })
  forMeeting(@CurrentViewer() viewer: Viewer, @Param() { id }: IdParam): Promise<MeetingActionItemsDto> {
    return this.items.forMeeting(viewer, id);
  }

  @Access('action-item.mark-done', { param: 'id' })
  @ApiOperation({ summary: 'Change an action item, or mark it done' })
  @Patch('action-items/:id')
  @ApiOkResponse({ type: ActionItemDto })
  @ApiForbiddenResponse({ type: ErrorResponseDto, description: "Coordinators only; the owner community's representative may set status" })
  update(@CurrentViewer() viewer: Viewer, @Param() { id }: IdParam, @Body() input: UpdateActionItemDto): Promise<ActionItemDto> {
    return this.items.update(viewer, id, input);
  }

  @Access('club.records.read', { param: 'clubId' })
  @ApiOperation({ summary: "The club's action items" })
  @Get('clubs/:clubId/action-items')
  @ApiOkResponse({ type: [ActionItemDto] })
  @ApiNotFoundResponse({ type: ErrorResponseDto, description: 'Not a coordinator or participant of the club' })
  forClub(
    @CurrentViewer() viewer: Viewer,
    @Param() { clubId }: ClubIdParam,
    @Query() { status }: ActionItemListQuery,
  ): Promise<ActionItemDto[]> {
    return this.items.forClub(viewer, clubId, status);
  }
}
