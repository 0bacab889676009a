import { Body, Controller, Delete, Get, HttpCode, Param, Patch, Post, Query } from '@nestjs/common';
import {
  ApiConflictResponse,
  ApiCreatedResponse,
  ApiForbiddenResponse,
  ApiNoContentResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiTags,
} from '@nestjs/swagger';
import { CurrentViewer, Public } from '../auth/public.decorator';
import type { Viewer } from '../auth/viewer';
import { ErrorResponseDto } from '../common/errors/error-response.dto';
import { IdParam } from '../common/id-params';
import { CreateHolidayDto, HolidayDto, HolidayListQuery, UpdateHolidayDto } from './dto/holiday.dto';
import { HolidaysService } from './holidays.service';

@ApiTags('meetings')
@Controller('holidays')
export class HolidaysController {
  constructor(private readonly holidays: HolidaysService) {}

  @Get()
  @Public()
  @ApiOkResponse({ type: [HolidayDto] })
  list(@Query() { year }: HolidayListQuery): Promise<HolidayDto[]> {
    return this.holidays.list(year);
  }

  @Post()
  @ApiCreatedResponse({ type: HolidayDto })
  @ApiForbiddenResponse({ type: ErrorResponseDto })
  @ApiConflictResponse({ type: ErrorResponseDto, description: 'The same holiday is already on that date for that tradition' })
  create(@CurrentViewer() viewer: Viewer, @Body() input: CreateHolidayDto): Promise<HolidayDto> {
    return this.holidays.create(viewer, input);
  }

  @Patch(':id')
  @ApiOkResponse({ type: HolidayDto })
  @ApiForbiddenResponse({ type: ErrorResponseDto })
  @ApiNotFoundResponse({ type: ErrorResponseDto })
  update(@CurrentViewer() viewer: Viewer, @Param() { id }: IdParam, @Body() input: UpdateHolidayDto): Promise<HolidayDto> {
    return this.holidays.update(viewer, id, input);
  }

  @Delete(':id')
  @HttpCode(204)
  @ApiNoContentResponse()
  @ApiForbiddenResponse({ type: ErrorResponseDto })
  @ApiNotFoundResponse({ type: ErrorResponseDto })
  remove(@CurrentViewer() viewer: Viewer, @Param() { id }: IdParam): Promise<void> {
    return this.holidays.remove(viewer, id);
  }
}
