import { Controller, Get } from '@nestjs/common';
import { ApiForbiddenResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Access } from '../access/access.decorator';
import { CurrentViewer } from '../auth/current-viewer.decorator';
import type { Viewer } from '../auth/viewer';
import { ErrorResponseDto } from '../common/errors/error-response.dto';
import { WorkItemDto, WorkQueueCountDto } from './dto/work-queue.dto';
import { WorkQueueService } from './work-queue.service';

@ApiTags('work-queue')
@Controller('work-queue')
export class WorkQueueController {
  constructor(private readonly queue: WorkQueueService) {}

  @Access('work-queue.read')
  @ApiOperation({ summary: "Everything waiting for me in the clubs I coordinate ('To do')" })
  @Get()
  @ApiOkResponse({ type: [WorkItemDto], description: 'Overdue first, then the longest waiting' })
  @ApiForbiddenResponse({ type: ErrorResponseDto, description: 'Coordinators only' })
  list(@CurrentViewer() viewer: Viewer): Promise<WorkItemDto[]> {
    return this.queue.list(viewer);
  }

  @Access('work-queue.read')
  @ApiOperation({ summary: "How many things are waiting for me (the header's count)" })
  @Get('count')
  @ApiOkResponse({ type: WorkQueueCountDto })
  @ApiForbiddenResponse({ type: ErrorResponseDto, description: 'Coordinators only' })
  count(@CurrentViewer() viewer: Viewer): Promise<WorkQueueCountDto> {
    return this.queue.count(viewer);
  }
}
