import { Body, Controller, HttpCode, Param, Post } from '@nestjs/common';
import { ApiConflictResponse, ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiPayloadTooLargeResponse, ApiTags, ApiUnprocessableEntityResponse } from '@nestjs/swagger';
import { Access } from '../access/access.decorator';
import { CurrentViewer } from '../auth/current-viewer.decorator';
import type { Viewer } from '../auth/viewer';
import { ErrorResponseDto } from '../common/errors/error-response.dto';
import { ClubIdParam } from '../common/id-params';
import { AdminOnBehalfCommunityDto, OnBehalfCommunityCreatedDto, OnBehalfCommunityDto, RosterImportDto, RosterReportDto } from './dto/on-behalf.dto';
import { OnBehalfService } from './on-behalf.service';
import { RosterImportService } from './roster-import.service';

const NOT_REGISTERED = 'COMMUNITY.ON_BEHALF_REGISTERED_ONLY: a non-registered community is only invited';
const TAKEN = 'COMMUNITY.REGISTRATION_NUMBER_TAKEN: the number is held or claimed (the holder is not named)';

/** Communities created on their behalf, one by one or from a roster file (issue 12, items 4 and 5). */
@ApiTags('people')
@Controller()
export class OnBehalfController {
  constructor(
    private readonly onBehalf: OnBehalfService,
    private readonly roster: RosterImportService,
  ) {}

  @Access('club.communities.create', { param: 'clubId' })
  @ApiOperation({ summary: "Create a registered community on its behalf through the club, with a pending registration claim: the club's coordinators and the administrator" })
  @Post('clubs/:clubId/communities')
  @ApiCreatedResponse({ type: OnBehalfCommunityCreatedDto })
  @ApiConflictResponse({ type: ErrorResponseDto, description: TAKEN })
  @ApiUnprocessableEntityResponse({ type: ErrorResponseDto, description: NOT_REGISTERED })
  createThroughClub(@CurrentViewer() viewer: Viewer, @Param() { clubId }: ClubIdParam, @Body() input: OnBehalfCommunityDto): Promise<OnBehalfCommunityCreatedDto> {
    return this.onBehalf.createOne(viewer, input, clubId);
  }

  @Access('communities.create')
  @ApiOperation({ summary: 'Create a registered community on its behalf, with a pending registration claim (the administrator)' })
  @Post('communities')
  @ApiCreatedResponse({ type: OnBehalfCommunityCreatedDto })
  @ApiConflictResponse({ type: ErrorResponseDto, description: TAKEN })
  @ApiUnprocessableEntityResponse({ type: ErrorResponseDto, description: NOT_REGISTERED })
  create(@CurrentViewer() viewer: Viewer, @Body() input: AdminOnBehalfCommunityDto): Promise<OnBehalfCommunityCreatedDto> {
    return this.onBehalf.createOne(viewer, input, null);
  }

  @Access('club.communities.create', { param: 'clubId' })
  @ApiOperation({ summary: "Import the club's roster from CSV: a dry run (nothing written), then the commit of its valid rows in one transaction" })
  @Post('clubs/:clubId/roster-imports')
  @HttpCode(200)
  @ApiOkResponse({ type: RosterReportDto, description: 'Every row: new, matched (registered communities only) or error with its reasons' })
  @ApiPayloadTooLargeResponse({ type: ErrorResponseDto, description: 'ROSTER.TOO_LARGE' })
  @ApiUnprocessableEntityResponse({ type: ErrorResponseDto, description: 'ROSTER.INVALID_FILE: columns missing, or no rows' })
  importRoster(@CurrentViewer() viewer: Viewer, @Param() { clubId }: ClubIdParam, @Body() input: RosterImportDto): Promise<RosterReportDto> {
    return this.roster.import(viewer, clubId, input);
  }
}
