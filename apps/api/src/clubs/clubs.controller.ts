import { Controller, Get, Param, Query } from '@nestjs/common';
import { ApiNotFoundResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { CurrentViewer, Public } from '../auth/public.decorator';
import type { Viewer } from '../auth/viewer';
import { ClubIdParam } from '../common/id-params';
import { ClubsService } from './clubs.service';
import { ClubDto, ClubListQuery, ClubSummaryDto } from './dto/club.dto';

@ApiTags('clubs')
@Public()
@Controller('clubs')
export class ClubsController {
  constructor(private readonly clubs: ClubsService) {}

  @Get()
  @ApiOkResponse({ type: [ClubSummaryDto] })
  list(@CurrentViewer() viewer: Viewer | null, @Query() query: ClubListQuery): Promise<ClubSummaryDto[]> {
    return this.clubs.list(viewer, query);
  }

  @Get(':clubId')
  @ApiOkResponse({ type: ClubDto })
  @ApiNotFoundResponse()
  get(@CurrentViewer() viewer: Viewer | null, @Param() { clubId }: ClubIdParam): Promise<ClubDto> {
    return this.clubs.get(viewer, clubId);
  }
}
