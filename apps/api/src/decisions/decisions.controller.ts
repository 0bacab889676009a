import { Access, RecentAuthentication } from '../access/access.decorator';
import { Body, Controller, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiConflictResponse,
  ApiCreatedResponse,
  ApiForbiddenResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiTags,
  ApiUnprocessableEntityResponse, ApiOperation } from '@nestjs/swagger';
import { CurrentViewer } from '../auth/current-viewer.decorator';
import type { Viewer } from '../auth/viewer';
import { ErrorResponseDto } from '../common/errors/error-response.dto';
import { IdParam } from '../common/id-params';
import { ParticipationDto } from '../participation/dto/participation.dto';
import { AppealsService } from './appeals.service';
import { DecisionsService } from './decisions.service';
import {
  AppealCaseDto,
  AppealInputDto,
  AppealListQuery,
  AppealResolutionInputDto,
  DecidedParticipationDto,
  DecideDto,
  DecisionRecordDto,
  NominationRequestDto,
} from './dto/decision.dto';

@ApiTags('decisions')
@Controller()
export class DecisionsController {
  constructor(
    private readonly decisions: DecisionsService,
    private readonly appeals: AppealsService,
  ) {}

  @Access('participation.decide', { param: 'id' })
  @ApiOperation({ summary: 'Decide on a candidacy (admit, defer, decline)' })
  @Post('participations/:id/decisions')
  @HttpCode(200)
  @ApiOkResponse({ type: DecidedParticipationDto, description: 'The participation after the step, with its decision record' })
  @ApiBadRequestResponse({ type: ErrorResponseDto, description: 'Bad input, a reason code of another outcome, a re-apply date out of range' })
  @ApiForbiddenResponse({ type: ErrorResponseDto, description: "The community's representative (only the coordinator decides)" })
  @ApiNotFoundResponse({ type: ErrorResponseDto })
  @ApiConflictResponse({ type: ErrorResponseDto, description: 'Stale version (someone else decided) or a step the state does not allow' })
  @ApiUnprocessableEntityResponse({ type: ErrorResponseDto, description: 'Override reason required, or registration required' })
  decide(@CurrentViewer() viewer: Viewer, @Param() { id }: IdParam, @Body() input: DecideDto): Promise<DecidedParticipationDto> {
    return this.decisions.decide(viewer, id, input);
  }

  @Access('participation.read', { param: 'id' })
  @ApiOperation({ summary: "A participation's decision records" })
  @Get('participations/:id/decisions')
  @ApiOkResponse({ type: [DecisionRecordDto] })
  @ApiNotFoundResponse({ type: ErrorResponseDto })
  list(@CurrentViewer() viewer: Viewer, @Param() { id }: IdParam): Promise<DecisionRecordDto[]> {
    return this.decisions.list(viewer, id);
  }

  @Access('participation.act-as-community', { param: 'id' })
  @ApiOperation({ summary: 'Ask to be nominated for membership' })
  @Post('participations/:id/nomination-request')
  @HttpCode(200)
  @ApiOkResponse({ type: ParticipationDto, description: 'Now a candidate' })
  @ApiNotFoundResponse({ type: ErrorResponseDto })
  @ApiConflictResponse({ type: ErrorResponseDto, description: 'Stale version or not an observer' })
  @ApiUnprocessableEntityResponse({ type: ErrorResponseDto, description: 'Milestones unmet, or before the re-apply date' })
  requestNomination(@CurrentViewer() viewer: Viewer, @Param() { id }: IdParam, @Body() input: NominationRequestDto): Promise<ParticipationDto> {
    return this.decisions.requestNomination(viewer, id, input);
  }

  @Access('decision.appeal', { param: 'id' })
  @ApiOperation({ summary: 'Appeal a deferral or a decline' })
  @Post('decisions/:id/appeal')
  @ApiCreatedResponse({ type: DecisionRecordDto, description: 'The decision with its appeal' })
  @ApiNotFoundResponse({ type: ErrorResponseDto })
  @ApiConflictResponse({ type: ErrorResponseDto, description: 'Already appealed, window closed, or superseded' })
  @ApiUnprocessableEntityResponse({ type: ErrorResponseDto, description: 'An admission cannot be appealed' })
  appeal(@CurrentViewer() viewer: Viewer, @Param() { id }: IdParam, @Body() input: AppealInputDto): Promise<DecisionRecordDto> {
    return this.appeals.appeal(viewer, id, input);
  }

  @Access('appeals.read')
  @ApiOperation({ summary: 'Appeals waiting for a ruling' })
  @Get('appeals')
  @ApiOkResponse({ type: [AppealCaseDto] })
  @ApiForbiddenResponse({ type: ErrorResponseDto, description: 'Administrators only' })
  listAppeals(@CurrentViewer() viewer: Viewer, @Query() { status }: AppealListQuery): Promise<AppealCaseDto[]> {
    return this.appeals.list(viewer, status);
  }

  @Access('appeal.decide', { param: 'id' })
  @RecentAuthentication()
  @ApiOperation({ summary: 'Rule on an appeal (uphold or overturn)' })
  @Post('appeals/:id/resolution')
  @HttpCode(200)
  @ApiOkResponse({ type: AppealCaseDto })
  @ApiForbiddenResponse({ type: ErrorResponseDto, description: 'Administrators only' })
  @ApiNotFoundResponse({ type: ErrorResponseDto })
  @ApiConflictResponse({ type: ErrorResponseDto, description: 'Already decided, the participation moved on, or the community applied again' })
  resolve(@CurrentViewer() viewer: Viewer, @Param() { id }: IdParam, @Body() input: AppealResolutionInputDto): Promise<AppealCaseDto> {
    return this.appeals.resolve(viewer, id, input);
  }
}
