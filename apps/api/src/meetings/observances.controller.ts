import { Body, Controller, Delete, Get, HttpCode, Param, Patch, Post } from '@nestjs/common';
import {
  ApiConflictResponse,
  ApiCreatedResponse,
  ApiForbiddenResponse,
  ApiNoContentResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import { Access } from '../access/access.decorator';
import { CurrentViewer } from '../auth/current-viewer.decorator';
import type { Viewer } from '../auth/viewer';
import { ErrorResponseDto } from '../common/errors/error-response.dto';
import { IdParam } from '../common/id-params';
import { CreateWeeklyObservanceDto, UpdateWeeklyObservanceDto, WeeklyObservanceDto } from './dto/observance.dto';
import { ObservancesService } from './observances.service';

const RECHECK = 'Upcoming meetings it newly concerns are flagged to their coordinators (a notification)';

@ApiTags('meetings')
@Controller('weekly-observances')
export class ObservancesController {
  constructor(private readonly observances: ObservancesService) {}

  @Access('public.read')
  @ApiOperation({ summary: 'Weekly observances of each tradition (Friday prayer, Shabbat, Sunday worship …)' })
  @Get()
  @ApiOkResponse({ type: [WeeklyObservanceDto] })
  list(): Promise<WeeklyObservanceDto[]> {
    return this.observances.list();
  }

  @Access('observances.manage')
  @ApiOperation({ summary: 'Add a weekly observance', description: RECHECK })
  @Post()
  @ApiCreatedResponse({ type: WeeklyObservanceDto })
  @ApiForbiddenResponse({ type: ErrorResponseDto })
  @ApiConflictResponse({ type: ErrorResponseDto, description: 'The tradition already has an observance with that code' })
  create(@CurrentViewer() viewer: Viewer, @Body() input: CreateWeeklyObservanceDto): Promise<WeeklyObservanceDto> {
    return this.observances.create(viewer, input);
  }

  @Access('observances.manage')
  @ApiOperation({ summary: 'Change a weekly observance', description: RECHECK })
  @Patch(':id')
  @ApiOkResponse({ type: WeeklyObservanceDto })
  @ApiForbiddenResponse({ type: ErrorResponseDto })
  @ApiNotFoundResponse({ type: ErrorResponseDto })
  @ApiConflictResponse({ type: ErrorResponseDto, description: 'Stale version, or the code is taken' })
  update(@CurrentViewer() viewer: Viewer, @Param() { id }: IdParam, @Body() input: UpdateWeeklyObservanceDto): Promise<WeeklyObservanceDto> {
    return this.observances.update(viewer, id, input);
  }

  @Access('observances.manage')
  @ApiOperation({ summary: 'Remove a weekly observance' })
  @Delete(':id')
  @HttpCode(204)
  @ApiNoContentResponse()
  @ApiForbiddenResponse({ type: ErrorResponseDto })
  @ApiNotFoundResponse({ type: ErrorResponseDto })
  remove(@CurrentViewer() viewer: Viewer, @Param() { id }: IdParam): Promise<void> {
    return this.observances.remove(viewer, id);
  }
}
