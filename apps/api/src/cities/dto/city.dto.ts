import { ApiProperty } from '@nestjs/swagger';
import { LocalizedTextDto } from '../../common/localized-text.dto';

export class CityDto {
  @ApiProperty({ format: 'uuid' })
  id: string;

  @ApiProperty()
  slug: string;

  @ApiProperty({ type: LocalizedTextDto })
  name: LocalizedTextDto;

  @ApiProperty()
  regionCode: string;

  @ApiProperty({ type: LocalizedTextDto })
  region: LocalizedTextDto;

  @ApiProperty()
  clubCount: number;
}
