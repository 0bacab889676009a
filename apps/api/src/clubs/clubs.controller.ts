import { Access } from '../access/access.decorator';
import { Controller, Get, Param, Query } from '@nestjs/common';
import { ApiNotFoundResponse, ApiOkResponse, ApiTags, ApiOperation } from '@nestjs/swagger';
import { CurrentViewer } from '../auth/current-viewer.decorator';
import type { Viewer } from '../auth/viewer';
import { ClubIdParam } from '../common/id-params';
import { ClubsService } from './clubs.service';
import { ClubDto, ClubListQuery, ClubSummaryDto } from './dto/club.dto';

@ApiTags('clubs')
@Controller('clubs')
export class ClubsController {
  constructor(private readonly clubs: ClubsService) {}

  @Access('public.read')
  @ApiOperation({ summary: 'Every club with its public figures' })
  @Get()
  @ApiOkResponse({ type: [ClubSummaryDto] })
  list(@CurrentViewer() viewer: Viewer | null, @Query() query: ClubListQuery): Promise<ClubSummaryDto[]> {
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
}
