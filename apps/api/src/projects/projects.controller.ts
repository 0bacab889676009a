import { Access } from '../access/access.decorator';
import { Body, Controller, Get, HttpCode, Param, Patch, Post, Query } from '@nestjs/common';
import { ApiConflictResponse, ApiCreatedResponse, ApiNotFoundResponse, ApiOkResponse, ApiTags, ApiOperation } from '@nestjs/swagger';
import { CurrentViewer } from '../auth/current-viewer.decorator';
import type { Viewer } from '../auth/viewer';
import { ErrorResponseDto } from '../common/errors/error-response.dto';
import { ClubIdParam, IdParam } from '../common/id-params';
import {
  CompleteProjectDto,
  ProjectDto,
  ProjectListQuery,
  ProjectSummaryDto,
  ProjectTransitionDto,
  ProposeProjectDto,
  UpdateProjectDto,
} from './dto/project.dto';
import { ProjectsService } from './projects.service';

@ApiTags('projects')
@Controller()
export class ProjectsController {
  constructor(private readonly projects: ProjectsService) {}

  @Access('club.projects.read', { param: 'clubId' })
  @ApiOperation({ summary: "The club's joint projects" })
  @Get('clubs/:clubId/projects')
  @ApiOkResponse({ type: [ProjectSummaryDto] })
  list(@CurrentViewer() viewer: Viewer | null, @Param() { clubId }: ClubIdParam, @Query() { status }: ProjectListQuery): Promise<ProjectSummaryDto[]> {
    return this.projects.listForClub(viewer, clubId, status);
  }

  @Access('club.projects.propose', { param: 'clubId' })
  @Access('community.act', { body: 'communityId' })
  @ApiOperation({ summary: 'Propose a joint project' })
  @Post('clubs/:clubId/projects')
  @ApiCreatedResponse({ type: ProjectDto })
  propose(@CurrentViewer() viewer: Viewer, @Param() { clubId }: ClubIdParam, @Body() input: ProposeProjectDto): Promise<ProjectDto> {
    return this.projects.propose(viewer, clubId, input);
  }

  @Access('project.read', { param: 'id' })
  @ApiOperation({ summary: 'A joint project with its ledger' })
  @Get('projects/:id')
  @ApiOkResponse({ type: ProjectDto })
  @ApiNotFoundResponse({ type: ErrorResponseDto })
  get(@CurrentViewer() viewer: Viewer | null, @Param() { id }: IdParam): Promise<ProjectDto> {
    return this.projects.get(viewer, id);
  }

  @Access('project.manage', { param: 'id' })
  @ApiOperation({ summary: 'Change a joint project' })
  @Patch('projects/:id')
  @ApiOkResponse({ type: ProjectDto })
  @ApiConflictResponse({ type: ErrorResponseDto, description: 'Stale version' })
  update(@CurrentViewer() viewer: Viewer, @Param() { id }: IdParam, @Body() input: UpdateProjectDto): Promise<ProjectDto> {
    return this.projects.update(viewer, id, input);
  }

  @Access('project.transition', { param: 'id' })
  @ApiOperation({ summary: "Take a step in a project's life (approve, decline, pause…)" })
  @Post('projects/:id/transitions')
  @HttpCode(200)
  @ApiOkResponse({ type: ProjectDto })
  @ApiConflictResponse({ type: ErrorResponseDto, description: 'Stale version or a transition the state does not allow' })
  transition(@CurrentViewer() viewer: Viewer, @Param() { id }: IdParam, @Body() input: ProjectTransitionDto): Promise<ProjectDto> {
    return this.projects.transition(viewer, id, input);
  }

  @Access('project.manage', { param: 'id' })
  @ApiOperation({ summary: 'Complete a project with its outcome' })
  @Post('projects/:id/complete')
  @HttpCode(200)
  @ApiOkResponse({ type: ProjectDto })
  @ApiConflictResponse({ type: ErrorResponseDto, description: 'Stale version, not active, or contributions await review' })
  complete(@CurrentViewer() viewer: Viewer, @Param() { id }: IdParam, @Body() input: CompleteProjectDto): Promise<ProjectDto> {
    return this.projects.complete(viewer, id, input);
  }
}
