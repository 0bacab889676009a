import { Access } from '../access/access.decorator';
import { Body, Controller, Delete, Get, HttpCode, Param, Patch, Post, Query } from '@nestjs/common';
import {
  ApiConflictResponse,
  ApiCreatedResponse,
  ApiForbiddenResponse,
  ApiNoContentResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiTags, ApiOperation } from '@nestjs/swagger';
import type { Viewer } from '../auth/viewer';
import { CurrentViewer } from '../auth/current-viewer.decorator';
import { ErrorResponseDto } from '../common/errors/error-response.dto';
import { IdParam } from '../common/id-params';
import { CreateHolidayDto, HolidayDto, HolidayListQuery, UpdateHolidayDto } from './dto/holiday.dto';
import { HolidaysService } from './holidays.service';

@ApiTags('meetings')
@Controller('holidays')
export class HolidaysController {
  constructor(private readonly holidays: HolidaysService) {}

  @Access('public.read')
  @ApiOperation({ summary: 'Religious and national holidays' })
  @Get()
  @ApiOkResponse({ type: [HolidayDto] })
  list(@Query() { year }: HolidayListQuery): Promise<HolidayDto[]> {
    return this.holidays.list(year);
  }

  @Access('holidays.manage')
  @ApiOperation({ summary: 'Add a holiday', description: 'Upcoming meetings it newly concerns are flagged to their coordinators' })
  @Post()
  @ApiCreatedResponse({ type: HolidayDto })
  @ApiForbiddenResponse({ type: ErrorResponseDto })
  @ApiConflictResponse({ type: ErrorResponseDto, description: 'The same holiday is already on that date for that tradition' })
  create(@CurrentViewer() viewer: Viewer, @Body() input: CreateHolidayDto): Promise<HolidayDto> {
    return this.holidays.create(viewer, input);
  }

  @Access('holidays.manage')
  @ApiOperation({ summary: 'Change a holiday' })
  @Patch(':id')
  @ApiOkResponse({ type: HolidayDto })
  @ApiForbiddenResponse({ type: ErrorResponseDto })
  @ApiNotFoundResponse({ type: ErrorResponseDto })
  update(@CurrentViewer() viewer: Viewer, @Param() { id }: IdParam, @Body() input: UpdateHolidayDto): Promise<HolidayDto> {
    return this.holidays.update(viewer, id, input);
  }

  @Access('holidays.manage')
  @ApiOperation({ summary: 'Remove a holiday' })
  @Delete(':id')
  @HttpCode(204)
  @ApiNoContentResponse()
  @ApiForbiddenResponse({ type: ErrorResponseDto })
  @ApiNotFoundResponse({ type: ErrorResponseDto })
  remove(@CurrentViewer() viewer: Viewer, @Param() { id }: IdParam): Promise<void> {
    return this.holidays.remove(viewer, id);
  }
}
