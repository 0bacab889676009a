import { Access } from '../access/access.decorator';
import { Body, Controller, Delete, Get, HttpCode, Param, Post, Put } from '@nestjs/common';
import {
  ApiConflictResponse,
  ApiCreatedResponse,
  ApiForbiddenResponse,
  ApiNoContentResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiTags,
  ApiUnprocessableEntityResponse, ApiOperation } from '@nestjs/swagger';
import { CurrentViewer } from '../auth/current-viewer.decorator';
import type { Viewer } from '../auth/viewer';
import { ErrorResponseDto } from '../common/errors/error-response.dto';
import { ClubIdParam, IdParam } from '../common/id-params';
import {
  ClubPathwayPolicyDto,
  CreateSponsorshipDto,
  GivenSponsorshipDto,
  PathwayPolicyDto,
  PathwayPolicyInputDto,
  PathwayProgressDto,
  SponsorshipDto,
} from './dto/pathway.dto';
import { PathwayPolicyService } from './pathway-policy.service';
import { PathwayProgressService } from './pathway-progress.service';
import { SponsorshipService } from './sponsorship.service';

@ApiTags('pathway')
@Controller()
export class PathwayController {
  constructor(
    private readonly policies: PathwayPolicyService,
    private readonly progressService: PathwayProgressService,
    private readonly sponsorships: SponsorshipService,
  ) {}

  @Access('public.read')
  @ApiOperation({ summary: 'The national pathway policy' })
  @Get('pathway-policy')
  @ApiOkResponse({ type: PathwayPolicyDto })
  nationalPolicy(): Promise<PathwayPolicyDto> {
    return this.policies.national();
  }

  @Access('policy.national.write')
  @ApiOperation({ summary: 'Set the national pathway policy' })
  @Put('pathway-policy')
  @ApiOkResponse({ type: PathwayPolicyDto, description: 'The new national version' })
  @ApiForbiddenResponse({ type: ErrorResponseDto, description: 'Administrators only' })
  setNationalPolicy(@CurrentViewer() viewer: Viewer, @Body() input: PathwayPolicyInputDto): Promise<PathwayPolicyDto> {
    return this.policies.setNational(viewer, input);
  }

  @Access('club.policy.read', { param: 'clubId' })
  @ApiOperation({ summary: "The club's pathway policy" })
  @Get('clubs/:clubId/pathway-policy')
  @ApiOkResponse({ type: ClubPathwayPolicyDto })
  @ApiNotFoundResponse({ type: ErrorResponseDto })
  clubPolicy(@Param() { clubId }: ClubIdParam): Promise<ClubPathwayPolicyDto> {
    return this.policies.forClub(clubId);
  }

  @Access('club.policy.write', { param: 'clubId' })
  @ApiOperation({ summary: "Set the club's pathway policy" })
  @Put('clubs/:clubId/pathway-policy')
  @ApiOkResponse({ type: ClubPathwayPolicyDto, description: "The club's new override version" })
  @ApiForbiddenResponse({ type: ErrorResponseDto, description: "The club's coordinators only" })
  @ApiNotFoundResponse({ type: ErrorResponseDto })
  setClubPolicy(
    @CurrentViewer() viewer: Viewer,
    @Param() { clubId }: ClubIdParam,
    @Body() input: PathwayPolicyInputDto,
  ): Promise<ClubPathwayPolicyDto> {
    return this.policies.setForClub(viewer, clubId, input);
  }

  @Access('participation.read', { param: 'id' })
  @ApiOperation({ summary: "An observer's progress on the pathway's milestones" })
  @Get('participations/:id/progress')
  @ApiOkResponse({ type: PathwayProgressDto })
  @ApiNotFoundResponse({ type: ErrorResponseDto })
  progress(@CurrentViewer() viewer: Viewer, @Param() { id }: IdParam): Promise<PathwayProgressDto> {
    return this.progressService.progress(viewer, id);
  }

  @Access('participation.sponsor', { param: 'id' })
  @Access('community.act', { body: 'communityId' })
  @ApiOperation({ summary: 'Sponsor an observer or candidate' })
  @Post('participations/:id/sponsorships')
  @ApiCreatedResponse({ type: SponsorshipDto })
  @ApiNotFoundResponse({ type: ErrorResponseDto })
  @ApiConflictResponse({ type: ErrorResponseDto, description: 'The community already sponsors this observer' })
  @ApiUnprocessableEntityResponse({ type: ErrorResponseDto, description: 'The sponsor is not a member, or the participation not an observer' })
  sponsor(@CurrentViewer() viewer: Viewer, @Param() { id }: IdParam, @Body() input: CreateSponsorshipDto): Promise<SponsorshipDto> {
    return this.sponsorships.sponsor(viewer, id, input);
  }

  @Access('community.own-records.read', { param: 'id' })
  @ApiOperation({ summary: 'Sponsorships the community gave' })
  @Get('communities/:id/sponsorships')
  @ApiOkResponse({ type: [GivenSponsorshipDto], description: 'The sponsorships the community gave (withdrawn ones dated)' })
  @ApiNotFoundResponse({ type: ErrorResponseDto, description: 'Not one of the caller’s communities' })
  givenSponsorships(@CurrentViewer() viewer: Viewer, @Param() { id }: IdParam): Promise<GivenSponsorshipDto[]> {
    return this.sponsorships.givenBy(viewer, id);
  }

  @Access('sponsorship.withdraw', { param: 'id' })
  @ApiOperation({ summary: 'Withdraw a sponsorship' })
  @Delete('sponsorships/:id')
  @HttpCode(204)
  @ApiNoContentResponse({ description: 'Withdrawn' })
  @ApiNotFoundResponse({ type: ErrorResponseDto })
  withdrawSponsorship(@CurrentViewer() viewer: Viewer, @Param() { id }: IdParam): Promise<void> {
    return this.sponsorships.withdraw(viewer, id);
  }
}
