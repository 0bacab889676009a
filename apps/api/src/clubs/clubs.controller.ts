import { Access } from '../access/access.decorator';
import { Body, Controller, Get, HttpCode, Param, Post, Put, Query } from '@nestjs/common';
import { ApiConflictResponse, ApiCreatedResponse, ApiNoContentResponse, ApiNotFoundResponse, ApiOkResponse, ApiTags, ApiOperation } from '@nestjs/swagger';
import { CurrentViewer } from '../auth/current-viewer.decorator';
import type { Viewer } from '../auth/viewer';
import { ErrorResponseDto } from '../common/errors/error-response.dto';
import { ClubIdParam } from '../common/id-params';
import { ClubAdminService } from './club-admin.service';
import { ClubsService } from './clubs.service';
import { ArchiveClubDto, ClubDto, ClubListQuery, ClubPageDto, RestoreClubDto, SaveClubDto, UpdateClubDto } from './dto/club.dto';

@ApiTags('clubs')
@Controller('clubs')
export class ClubsController {
  constructor(
    private readonly clubs: ClubsService,
    private readonly admin: ClubAdminService,
  ) {}

  @Access('public.read')
  @ApiOperation({ summary: 'The clubs with their public figures, by name, a page at a time (a search finds one by its name in kk, ru or en)' })
  @Get()
  @ApiOkResponse({ type: ClubPageDto })
  list(@CurrentViewer() viewer: Viewer | null, @Query() query: ClubListQuery): Promise<ClubPageDto> {
    return this.clubs.list(viewer, query);
  }

  @Access('club.read', { param: 'clubId' })
  @ApiOperation({ summary: "A club's page" })
  @Get(':clubId')
  @ApiOkResponse({ type: ClubDto })
  @ApiNotFoundResponse()
  get(@CurrentViewer() viewer: Viewer | null, @Param() { clubId }: ClubIdParam): Promise<ClubDto> {
    return this.clubs.get(viewer, clubId);
  }

  @Access('clubs.create')
  @ApiOperation({ summary: 'Open a club in a city (the administrator)' })
  @Post()
  @ApiCreatedResponse({ type: ClubDto })
  @ApiNotFoundResponse({ type: ErrorResponseDto, description: 'NOT_FOUND: no such city' })
  async create(@CurrentViewer() viewer: Viewer, @Body() input: SaveClubDto): Promise<ClubDto> {
    return this.clubs.get(viewer, await this.admin.create(viewer, input));
  }

  @Access('club.edit', { param: 'clubId' })
  @ApiOperation({ summary: "Change a club's names, public description, meeting place or city (the administrator)" })
  @Put(':clubId')
  @ApiOkResponse({ type: ClubDto })
  @ApiConflictResponse({ type: ErrorResponseDto, description: 'CLUB.STALE_VERSION: changed meanwhile; CLUB.ARCHIVED: read-only' })
  async update(@CurrentViewer() viewer: Viewer, @Param() { clubId }: ClubIdParam, @Body() input: UpdateClubDto): Promise<ClubDto> {
    await this.admin.update(viewer, clubId, input);
    return this.clubs.get(viewer, clubId);
  }

  @Access('club.archive', { param: 'clubId' })
  @ApiOperation({ summary: 'Archive a club: it keeps its history and becomes read-only (the administrator)' })
  @Post(':clubId/archive')
  @HttpCode(204)
  @ApiNoContentResponse()
  @ApiConflictResponse({ type: ErrorResponseDto, description: 'CLUB.STALE_VERSION: changed meanwhile; CLUB.ARCHIVED: archived already' })
  archive(@CurrentViewer() viewer: Viewer, @Param() { clubId }: ClubIdParam, @Body() input: ArchiveClubDto): Promise<void> {
    return this.admin.archive(viewer, clubId, input);
  }

  @Access('club.archive', { param: 'clubId' })
  @ApiOperation({ summary: 'Reopen an archived club (the administrator)' })
  @Post(':clubId/restore')
  @HttpCode(204)
  @ApiNoContentResponse()
  @ApiConflictResponse({ type: ErrorResponseDto, description: 'CLUB.STALE_VERSION: changed meanwhile; CONFLICT: not archived' })
  restore(@CurrentViewer() viewer: Viewer, @Param() { clubId }: ClubIdParam, @Body() input: RestoreClubDto): Promise<void> {
    return this.admin.restore(viewer, clubId, input);
  }
}
