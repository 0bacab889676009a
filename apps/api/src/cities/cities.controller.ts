import { Access } from '../access/access.decorator';
import { Body, Controller, Get, Param, Post, Put } from '@nestjs/common';
import { ApiConflictResponse, ApiCreatedResponse, ApiNotFoundResponse, ApiOkResponse, ApiTags, ApiOperation } from '@nestjs/swagger';
import { CurrentViewer } from '../auth/current-viewer.decorator';
import type { Viewer } from '../auth/viewer';
import { ErrorResponseDto } from '../common/errors/error-response.dto';
import { CityIdParam } from '../common/id-params';
import { CitiesService } from './cities.service';
import { CityDto, SaveCityDto, UpdateCityDto } from './dto/city.dto';

@ApiTags('cities')
@Controller('cities')
export class CitiesController {
  constructor(private readonly cities: CitiesService) {}

  @Access('public.read')
  @ApiOperation({ summary: "The cities, with their clubs' figures" })
  @Get()
  @ApiOkResponse({ type: [CityDto] })
  list(): Promise<CityDto[]> {
    return this.cities.list();
  }

  @Access('public.read')
  @ApiOperation({ summary: 'A city and its clubs' })
  @Get(':cityId')
  @ApiOkResponse({ type: CityDto })
  @ApiNotFoundResponse()
  get(@Param() { cityId }: CityIdParam): Promise<CityDto> {
    return this.cities.get(cityId);
  }

  @Access('cities.manage')
  @ApiOperation({ summary: 'Add a city (the administrator)' })
  @Post()
  @ApiCreatedResponse({ type: CityDto })
  @ApiConflictResponse({ type: ErrorResponseDto, description: 'CITY.SLUG_TAKEN: another city has this address' })
  create(@CurrentViewer() viewer: Viewer, @Body() input: SaveCityDto): Promise<CityDto> {
    return this.cities.create(viewer, input);
  }

  @Access('cities.manage')
  @ApiOperation({ summary: "Change a city's names, address and region (the administrator)" })
  @Put(':cityId')
  @ApiOkResponse({ type: CityDto })
  @ApiNotFoundResponse({ type: ErrorResponseDto })
  @ApiConflictResponse({ type: ErrorResponseDto, description: 'CITY.SLUG_TAKEN: another city has this address; CITY.STALE_VERSION: changed meanwhile' })
  update(@CurrentViewer() viewer: Viewer, @Param() { cityId }: CityIdParam, @Body() input: UpdateCityDto): Promise<CityDto> {
    return this.cities.update(viewer, cityId, input);
  }
}
