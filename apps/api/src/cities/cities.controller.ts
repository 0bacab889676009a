import { Access } from '../access/access.decorator';
import { Controller, Get, Param } from '@nestjs/common';
import { ApiNotFoundResponse, ApiOkResponse, ApiTags, ApiOperation } from '@nestjs/swagger';
import { CityIdParam } from '../common/id-params';
import { CitiesService } from './cities.service';
import { CityDto } from './dto/city.dto';

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
}
