import { Access } from '../access/access.decorator';
import { Body, Controller, Get, Param, Patch, Post, Query } from '@nestjs/common';
import { ApiConflictResponse, ApiCreatedResponse, ApiForbiddenResponse, ApiNotFoundResponse, ApiOkResponse, ApiTags, ApiOperation } from '@nestjs/swagger';
import { CurrentViewer } from '../auth/current-viewer.decorator';
import type { Viewer } from '../auth/viewer';
import { ErrorResponseDto } from '../common/errors/error-response.dto';
import { IdParam } from '../common/id-params';
import { CreateTopicDto, TopicDto, TopicListQuery, UpdateTopicDto } from './dto/topic.dto';
import { TopicsService } from './topics.service';

@ApiTags('meetings')
@Controller('topics')
export class TopicsController {
  constructor(private readonly topics: TopicsService) {}

  @Access('public.read')
  @ApiOperation({ summary: 'The meeting topics' })
  @Get()
  @ApiOkResponse({ type: [TopicDto] })
  @ApiForbiddenResponse({ type: ErrorResponseDto, description: 'includeArchived by a non-administrator' })
  list(@CurrentViewer() viewer: Viewer | null, @Query() { includeArchived }: TopicListQuery): Promise<TopicDto[]> {
    return this.topics.list(viewer, includeArchived);
  }

  @Access('topics.manage')
  @ApiOperation({ summary: 'Add a meeting topic' })
  @Post()
  @ApiCreatedResponse({ type: TopicDto })
  @ApiForbiddenResponse({ type: ErrorResponseDto })
  @ApiConflictResponse({ type: ErrorResponseDto, description: 'The code is taken' })
  create(@CurrentViewer() viewer: Viewer, @Body() input: CreateTopicDto): Promise<TopicDto> {
    return this.topics.create(viewer, input);
  }

  @Access('topics.manage')
  @ApiOperation({ summary: 'Rename or archive a meeting topic' })
  @Patch(':id')
  @ApiOkResponse({ type: TopicDto })
  @ApiForbiddenResponse({ type: ErrorResponseDto })
  @ApiNotFoundResponse({ type: ErrorResponseDto })
  update(@CurrentViewer() viewer: Viewer, @Param() { id }: IdParam, @Body() input: UpdateTopicDto): Promise<TopicDto> {
    return this.topics.update(viewer, id, input);
  }
}
