import { Access } from '../access/access.decorator';
import { Body, Controller, Delete, Get, HttpCode, Param, Patch, Post, Query } from '@nestjs/common';
import { ApiConflictResponse, ApiCreatedResponse, ApiNoContentResponse, ApiOkResponse, ApiTags, ApiOperation } from '@nestjs/swagger';
import { CurrentViewer } from '../auth/current-viewer.decorator';
import type { Viewer } from '../auth/viewer';
import { ErrorResponseDto } from '../common/errors/error-response.dto';
import { IdParam } from '../common/id-params';
import {
  CivicRecordDto,
  CivicRecordQuery,
  ContributionDto,
  ContributionInputDto,
  ContributionParams,
  CorrectContributionDto,
  ReviewContributionDto,
} from './dto/contribution.dto';
import { MilestoneDto, MilestoneInputDto, MilestoneParams, UpdateMilestoneDto } from './dto/milestone.dto';
import { JoinProjectDto, ParticipantDecisionDto, ProjectDto, ProjectPartnerParams } from './dto/project.dto';
import { MilestonesService } from './milestones.service';
import { ProjectLedgerService } from './project-ledger.service';

@ApiTags('projects')
@Controller()
export class ProjectLedgerController {
  constructor(
    private readonly ledger: ProjectLedgerService,
    private readonly milestones: MilestonesService,
  ) {}

  @Access('project.join', { param: 'id' })
  @Access('community.act', { body: 'communityId' })
  @ApiOperation({ summary: 'Join a project as a partner' })
  @Post('projects/:id/participants')
  @ApiCreatedResponse({ type: ProjectDto })
  @ApiConflictResponse({ type: ErrorResponseDto, description: 'Already asked to join, or the project is not active' })
  join(@CurrentViewer() viewer: Viewer, @Param() { id }: IdParam, @Body() input: JoinProjectDto): Promise<ProjectDto> {
    return this.ledger.join(viewer, id, input);
  }

  @Access('project.manage', { param: 'id' })
  @ApiOperation({ summary: 'Accept or decline a community joining a project' })
  @Post('projects/:id/participants/:communityId/decision')
  @HttpCode(200)
  @ApiOkResponse({ type: ProjectDto })
  decidePartner(
    @CurrentViewer() viewer: Viewer,
    @Param() { id, communityId }: ProjectPartnerParams,
    @Body() input: ParticipantDecisionDto,
  ): Promise<ProjectDto> {
    return this.ledger.decidePartner(viewer, id, communityId, input);
  }

  @Access('project.contribute', { param: 'id' })
  @Access('community.act', { body: 'communityId' })
  @ApiOperation({ summary: 'Enter a contribution to a project' })
  @Post('projects/:id/contributions')
  @ApiCreatedResponse({ type: ContributionDto })
  enter(@CurrentViewer() viewer: Viewer, @Param() { id }: IdParam, @Body() input: ContributionInputDto): Promise<ContributionDto> {
    return this.ledger.enter(viewer, id, input);
  }

  @Access('contribution.correct', { param: 'contributionId' })
  @ApiOperation({ summary: 'Correct a contribution' })
  @Post('projects/:id/contributions/:contributionId/revisions')
  @ApiCreatedResponse({ type: ContributionDto })
  @ApiConflictResponse({ type: ErrorResponseDto, description: 'Stale version' })
  correct(
    @CurrentViewer() viewer: Viewer,
    @Param() { id, contributionId }: ContributionParams,
    @Body() input: CorrectContributionDto,
  ): Promise<ContributionDto> {
    return this.ledger.correct(viewer, id, contributionId, input);
  }

  @Access('contribution.review', { param: 'contributionId' })
  @ApiOperation({ summary: 'Confirm or dispute a contribution' })
  @Post('projects/:id/contributions/:contributionId/review')
  @HttpCode(200)
  @ApiOkResponse({ type: ContributionDto })
  @ApiConflictResponse({ type: ErrorResponseDto, description: 'Stale version or nothing to review' })
  review(
    @CurrentViewer() viewer: Viewer,
    @Param() { id, contributionId }: ContributionParams,
    @Body() input: ReviewContributionDto,
  ): Promise<ContributionDto> {
    return this.ledger.review(viewer, id, contributionId, input);
  }

  @Access('community.civic-record.read', { param: 'id' })
  @ApiOperation({ summary: "The community's record of joint projects" })
  @Get('communities/:id/civic-record')
  @ApiOkResponse({ type: CivicRecordDto })
  civicRecord(@CurrentViewer() viewer: Viewer, @Param() { id }: IdParam, @Query() { clubId }: CivicRecordQuery): Promise<CivicRecordDto> {
    return this.ledger.civicRecord(viewer, id, clubId);
  }

  @Access('project.manage', { param: 'id' })
  @ApiOperation({ summary: 'Add a milestone to a project' })
  @Post('projects/:id/milestones')
  @ApiCreatedResponse({ type: MilestoneDto })
  addMilestone(@CurrentViewer() viewer: Viewer, @Param() { id }: IdParam, @Body() input: MilestoneInputDto): Promise<MilestoneDto> {
    return this.milestones.add(viewer, id, input);
  }

  @Access('project.manage', { param: 'id' })
  @ApiOperation({ summary: 'Change a project milestone' })
  @Patch('projects/:id/milestones/:milestoneId')
  @ApiOkResponse({ type: MilestoneDto })
  updateMilestone(@CurrentViewer() viewer: Viewer, @Param() { id, milestoneId }: MilestoneParams, @Body() input: UpdateMilestoneDto): Promise<MilestoneDto> {
    return this.milestones.update(viewer, id, milestoneId, input);
  }

  @Access('project.manage', { param: 'id' })
  @ApiOperation({ summary: 'Remove a project milestone' })
  @Delete('projects/:id/milestones/:milestoneId')
  @HttpCode(204)
  @ApiNoContentResponse()
  removeMilestone(@CurrentViewer() viewer: Viewer, @Param() { id, milestoneId }: MilestoneParams): Promise<void> {
    return this.milestones.remove(viewer, id, milestoneId);
  }
}
