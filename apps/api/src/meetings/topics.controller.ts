import { Body, Controller, Get, Param, Patch, Post, Query } from '@nestjs/common';
import { ApiConflictResponse, ApiCreatedResponse, ApiForbiddenResponse, ApiNotFoundResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { CurrentViewer, Public } from '../auth/public.decorator';
import type { Viewer } from '../auth/viewer';
import { ErrorResponseDto } from '../common/errors/error-response.dto';
import { IdParam } from '../common/id-params';
import { CreateTopicDto, TopicDto, TopicListQuery, UpdateTopicDto } from './dto/topic.dto';
import { TopicsService } from './topics.service';

@ApiTags('meetings')
@Controller('topics')
export class TopicsController {
  constructor(private readonly topics: TopicsService) {}

  @Get()
  @Public()
  @ApiOkResponse({ type: [TopicDto] })
  @ApiForbiddenResponse({ type: ErrorResponseDto, description: 'includeArchived by a non-administrator' })
  list(@CurrentViewer() viewer: Viewer | null, @Query() { includeArchived }: TopicListQuery): Promise<TopicDto[]> {
    return this.topics.list(viewer, includeArchived);
  }

  @Post()
  @ApiCreatedResponse({ type: TopicDto })
  @ApiForbiddenResponse({ type: ErrorResponseDto })
  @ApiConflictResponse({ type: ErrorResponseDto, description: 'The code is taken' })
  create(@CurrentViewer() viewer: Viewer, @Body() input: CreateTopicDto): Promise<TopicDto> {
    return this.topics.create(viewer, input);
  }

  @Patch(':id')
  @ApiOkResponse({ type: TopicDto })
  @ApiForbiddenResponse({ type: ErrorResponseDto })
  @ApiNotFoundResponse({ type: ErrorResponseDto })
  update(@CurrentViewer() viewer: Viewer, @Param() { id }: IdParam, @Body() input: UpdateTopicDto): Promise<TopicDto> {
    return this.topics.update(viewer, id, input);
  }
}
