import { Access } from '../access/access.decorator';
import { Body, Controller, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import { ApiConflictResponse, ApiCreatedResponse, ApiNotFoundResponse, ApiOkResponse, ApiTags, ApiOperation } from '@nestjs/swagger';
import { CurrentViewer } from '../auth/current-viewer.decorator';
import type { Viewer } from '../auth/viewer';
import { ErrorResponseDto } from '../common/errors/error-response.dto';
import { ClubIdParam, IdParam } from '../common/id-params';
import {
  ApplyDto,
  ParticipationDto,
  ParticipationListQuery,
  ParticipationSummaryDto,
  TransitionDto,
} from './dto/participation.dto';
import { ParticipationService } from './participation.service';

@ApiTags('participation')
@Controller()
export class ParticipationController {
  constructor(private readonly participation: ParticipationService) {}

  @Access('club.participations.read', { param: 'clubId' })
  @ApiOperation({ summary: "The club's applications and participants, for its coordinators" })
  @Get('clubs/:clubId/participations')
  @ApiOkResponse({ type: [ParticipationSummaryDto] })
  listForClub(
    @CurrentViewer() viewer: Viewer,
    @Param() { clubId }: ClubIdParam,
    @Query() { status }: ParticipationListQuery,
  ): Promise<ParticipationSummaryDto[]> {
    return this.participation.listForClub(viewer, clubId, status);
  }

  @Access('club.apply', { param: 'clubId' })
  @Access('community.act', { body: 'communityId' })
  @ApiOperation({ summary: 'Apply to the club as an observer' })
  @Post('clubs/:clubId/applications')
  @ApiCreatedResponse({ type: ParticipationDto })
  @ApiConflictResponse({ type: ErrorResponseDto, description: 'The community already has a live participation here' })
  apply(@CurrentViewer() viewer: Viewer, @Param() { clubId }: ClubIdParam, @Body() input: ApplyDto): Promise<ParticipationDto> {
    return this.participation.apply(viewer, clubId, input);
  }

  @Access('community.own-records.read', { param: 'id' })
  @ApiOperation({ summary: "The community's participations" })
  @Get('communities/:id/participations')
  @ApiOkResponse({ type: [ParticipationSummaryDto] })
  listForCommunity(@CurrentViewer() viewer: Viewer, @Param() { id }: IdParam): Promise<ParticipationSummaryDto[]> {
    return this.participation.listForCommunity(viewer, id);
  }

  @Access('participation.read', { param: 'id' })
  @ApiOperation({ summary: 'A participation with its history' })
  @Get('participations/:id')
  @ApiOkResponse({ type: ParticipationDto })
  @ApiNotFoundResponse({ type: ErrorResponseDto })
  get(@CurrentViewer() viewer: Viewer, @Param() { id }: IdParam): Promise<ParticipationDto> {
    return this.participation.get(viewer, id);
  }

  @Access('participation.transition', { param: 'id' })
  @ApiOperation({ summary: 'Take a step on the pathway (accept, decline, suspend, withdraw…)' })
  @Post('participations/:id/transitions')
  @HttpCode(200)
  @ApiOkResponse({ type: ParticipationDto })
  @ApiConflictResponse({ type: ErrorResponseDto, description: 'Stale version or a transition the state does not allow' })
  transition(@CurrentViewer() viewer: Viewer, @Param() { id }: IdParam, @Body() input: TransitionDto): Promise<ParticipationDto> {
    return this.participation.transition(viewer, id, input);
  }
}
