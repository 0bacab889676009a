import { Access } from '../access/access.decorator';
import { Body, Controller, Get, Param, Put } from '@nestjs/common';
import { ApiConflictResponse, ApiNotFoundResponse, ApiOkResponse, ApiTags, ApiOperation } from '@nestjs/swagger';
import { CurrentViewer } from '../auth/current-viewer.decorator';
import type { Viewer } from '../auth/viewer';
import { ErrorResponseDto } from '../common/errors/error-response.dto';
import { IdParam } from '../common/id-params';
import { MinutesDto, MinutesInputDto } from './dto/minutes.dto';
import { MinutesService } from './minutes.service';

@ApiTags('meetings')
@Controller('meetings/:id/minutes')
export class MinutesController {
  constructor(private readonly minutes: MinutesService) {}

  @Access('meeting.club-records.read', { param: 'id' })
  @ApiOperation({ summary: "A meeting's minutes and decisions" })
  @Get()
  @ApiOkResponse({ type: MinutesDto })
  @ApiNotFoundResponse({ type: ErrorResponseDto, description: "Not a coordinator or participant of the meeting's club" })
  get(@CurrentViewer() viewer: Viewer, @Param() { id }: IdParam): Promise<MinutesDto> {
    return this.minutes.get(viewer, id);
  }

  @Access('meeting.records.write', { param: 'id' })
  @ApiOperation({ summary: "Save (and publish) a meeting's minutes and decisions" })
  @Put()
  @ApiOkResponse({ type: MinutesDto })
  @ApiConflictResponse({ type: ErrorResponseDto, description: 'MEETING.CANCELLED, or MEETING.NOT_STARTED when publishing' })
  save(@CurrentViewer() viewer: Viewer, @Param() { id }: IdParam, @Body() input: MinutesInputDto): Promise<MinutesDto> {
    return this.minutes.save(viewer, id, input);
  }
}
