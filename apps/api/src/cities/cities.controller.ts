import { Controller, Get, Param } from '@nestjs/common';
import { ApiNotFoundResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { Public } from '../auth/public.decorator';
import { CityIdParam } from '../common/id-params';
import { CitiesService } from './cities.service';
import { CityDto } from './dto/city.dto';

@ApiTags('cities')
@Public()
@Controller('cities')
export class CitiesController {
  constructor(private readonly cities: CitiesService) {}

  @Get()
  @ApiOkResponse({ type: [CityDto] })
  list(): Promise<CityDto[]> {
    return this.cities.list();
  }

  @Get(':cityId')
  @ApiOkResponse({ type: CityDto })
  @ApiNotFoundResponse()
  get(@Param() { cityId }: CityIdParam): Promise<CityDto> {
    return this.cities.get(cityId);
  }
}
