import { Body, Controller, Get, Param, Patch } from '@nestjs/common';
import { ApiNotFoundResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { CurrentViewer, Public } from '../auth/public.decorator';
import type { Viewer } from '../auth/viewer';
import { IdParam } from '../common/id-params';
import { CommunitiesService } from './communities.service';
import { CommunityDto } from './dto/community.dto';
import { UpdateCommunityDto } from './dto/community-profile.dto';

@ApiTags('communities')
@Controller('communities')
export class CommunitiesController {
  constructor(private readonly communities: CommunitiesService) {}

  @Get('mine')
  @ApiOkResponse({ type: [CommunityDto], description: 'The communities the caller represents' })
  mine(@CurrentViewer() viewer: Viewer): Promise<CommunityDto[]> {
    return this.communities.mine(viewer);
  }

  @Public()
  @Get(':id')
  @ApiOkResponse({ type: CommunityDto })
  @ApiNotFoundResponse({ description: 'Absent, or not visible to the caller' })
  get(@CurrentViewer() viewer: Viewer | null, @Param() { id }: IdParam): Promise<CommunityDto> {
    return this.communities.get(viewer, id);
  }

  @Patch(':id')
  @ApiOkResponse({ type: CommunityDto })
  @ApiNotFoundResponse({ description: 'Absent, or the caller does not represent it' })
  update(@CurrentViewer() viewer: Viewer, @Param() { id }: IdParam, @Body() changes: UpdateCommunityDto): Promise<CommunityDto> {
    return this.communities.update(viewer, id, changes);
  }
}
