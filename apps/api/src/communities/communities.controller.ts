import { Body, Controller, Get, HttpCode, Param, Patch, Post, Query } from '@nestjs/common';
import { ApiConflictResponse, ApiNotFoundResponse, ApiOkResponse, ApiTags, ApiOperation, ApiUnprocessableEntityResponse } from '@nestjs/swagger';
import { Access, RecentAuthentication } from '../access/access.decorator';
import { CurrentViewer } from '../auth/current-viewer.decorator';
import type { Viewer } from '../auth/viewer';
import { ErrorResponseDto } from '../common/errors/error-response.dto';
import { IdParam } from '../common/id-params';
import { CommunitiesService } from './communities.service';
import { CommunityDto } from './dto/community.dto';
import { UpdateCommunityDto } from './dto/community-profile.dto';
import { CommunitySearchPageDto, CommunitySearchQueryDto } from './dto/community-search.dto';
import {
  AccessLogPageDto,
  AccessLogQueryDto,
  RegistrationClaimCaseDto,
  RegistrationClaimDecisionDto,
  RegistrationClaimQueryDto,
} from './dto/registration-claim.dto';
import { RegistrationClaimsService } from './registration-claims.service';

@ApiTags('communities')
@Controller('communities')
export class CommunitiesController {
  constructor(private readonly communities: CommunitiesService) {}

  @Access('community.search')
  @ApiOperation({ summary: 'Search the communities the caller may see (a picker): by name in any spelling, a page at a time' })
  @Get()
  @ApiOkResponse({ type: CommunitySearchPageDto, description: 'Only communities the caller may see, matched on the name it sees; by name' })
  search(@CurrentViewer() viewer: Viewer, @Query() query: CommunitySearchQueryDto): Promise<CommunitySearchPageDto> {
    return this.communities.search(viewer, query);
  }

  @Access('account.read')
  @ApiOperation({ summary: 'The communities the caller represents' })
  @Get('mine')
  @ApiOkResponse({ type: [CommunityDto], description: 'The communities the caller represents' })
  mine(@CurrentViewer() viewer: Viewer): Promise<CommunityDto[]> {
    return this.communities.mine(viewer);
  }

  @Access('community.read', { param: 'id' })
  @ApiOperation({ summary: "A community's profile, as the caller may see it" })
  @Get(':id')
  @ApiOkResponse({ type: CommunityDto })
  @ApiNotFoundResponse({ type: ErrorResponseDto, description: 'Absent, or not visible to the caller' })
  get(@CurrentViewer() viewer: Viewer | null, @Param() { id }: IdParam): Promise<CommunityDto> {
    return this.communities.get(viewer, id);
  }

  @Access('community.update', { param: 'id' })
  @ApiOperation({ summary: "Update the community's profile, consent or registration claim" })
  @Patch(':id')
  @ApiOkResponse({
    type: CommunityDto,
    description: 'Saying "registered" files a claim that an official verifies; consent changes are recorded events',
  })
  @ApiNotFoundResponse({ type: ErrorResponseDto, description: 'Absent, or not visible to the caller' })
  @ApiConflictResponse({ type: ErrorResponseDto, description: 'REGISTRATION.CLAIM_PENDING' })
  update(@CurrentViewer() viewer: Viewer, @Param() { id }: IdParam, @Body() changes: UpdateCommunityDto): Promise<CommunityDto> {
    return this.communities.update(viewer, id, changes);
  }

  @Access('community.own-records.read', { param: 'id' })
  @ApiOperation({ summary: "Who read or changed the community's record" })
  @Get(':id/access-log')
  @ApiOkResponse({ type: AccessLogPageDto, description: "Who read or changed the community's record: for its representatives" })
  accessLog(@CurrentViewer() viewer: Viewer, @Param() { id }: IdParam, @Query() query: AccessLogQueryDto): Promise<AccessLogPageDto> {
    return this.communities.accessLog(viewer, id, query);
  }

  @Access('community.erase', { param: 'id' })
  @RecentAuthentication()
  @ApiOperation({ summary: "Erase the community's personal data" })
  @Post(':id/erasure')
  @HttpCode(200)
  @ApiOkResponse({ type: CommunityDto, description: "The community's personal data erased; its name and the aggregate history stay" })
  @ApiConflictResponse({ type: ErrorResponseDto, description: 'COMMUNITY.HAS_LIVE_PARTICIPATIONS' })
  erase(@CurrentViewer() viewer: Viewer, @Param() { id }: IdParam): Promise<CommunityDto> {
    return this.communities.erase(viewer, id);
  }
}

@ApiTags('communities')
@Controller('registration-claims')
export class RegistrationClaimsController {
  constructor(private readonly claims: RegistrationClaimsService) {}

  @Access('registration.claims.read')
  @ApiOperation({ summary: 'Registration claims the caller may verify' })
  @Get()
  @ApiOkResponse({ type: [RegistrationClaimCaseDto], description: 'Claims the caller may verify (region, or the administrator), oldest first' })
  queue(@CurrentViewer() viewer: Viewer, @Query() query: RegistrationClaimQueryDto): Promise<RegistrationClaimCaseDto[]> {
    return this.claims.queue(viewer, query);
  }

  @Access('registration.verify', { param: 'id' })
  @ApiOperation({ summary: 'Verify or reject a registration claim' })
  @Post(':id/decision')
  @HttpCode(200)
  @ApiOkResponse({ type: RegistrationClaimCaseDto })
  @ApiConflictResponse({ type: ErrorResponseDto, description: 'REGISTRATION.CLAIM_DECIDED' })
  @ApiUnprocessableEntityResponse({
    type: ErrorResponseDto,
    description: 'REGISTRATION.DETAILS_REQUIRED: verifying a claim filed on its behalf without its registration date or issuing body needs them',
  })
  decide(@CurrentViewer() viewer: Viewer, @Param() { id }: IdParam, @Body() input: RegistrationClaimDecisionDto): Promise<RegistrationClaimCaseDto> {
    return this.claims.decide(viewer, id, input);
  }
}
