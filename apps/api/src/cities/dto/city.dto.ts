import { ApiProperty } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsDefined, IsString, Length, Matches, ValidateNested } from 'class-validator';
import { LocalizedTextDto } from '../../common/localized-text.dto';
import { ExpectedVersion } from '../../common/version';
import { LocalizedTextInputDto } from '../../meetings/dto/topic.dto';

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

  @ApiProperty({ description: 'Pass back when saving (409 when it changed meanwhile)' })
  version: number;
}

/** Lower-case words joined by hyphens: a city's address in links, a region's code. */
export const KEBAB_CASE = /^[a-z][a-z0-9]*(?:-[a-z0-9]+)*$/;

export class SaveCityDto {
  @ApiProperty({ pattern: KEBAB_CASE.source, minLength: 2, maxLength: 64, example: 'taraz' })
  @IsString()
  @Length(2, 64)
  @Matches(KEBAB_CASE, { message: 'slug must be lower-case words joined by hyphens' })
  slug: string;

  @ApiProperty({ type: LocalizedTextInputDto })
  @IsDefined()
  @ValidateNested()
  @Type(() => LocalizedTextInputDto)
  name: LocalizedTextInputDto;

  @ApiProperty({ pattern: KEBAB_CASE.source, minLength: 2, maxLength: 64, example: 'zhambyl', description: "The scope of the region's officials" })
  @IsString()
  @Length(2, 64)
  @Matches(KEBAB_CASE, { message: 'regionCode must be lower-case words joined by hyphens' })
  regionCode: string;

  @ApiProperty({ type: LocalizedTextInputDto })
  @IsDefined()
  @ValidateNested()
  @Type(() => LocalizedTextInputDto)
  region: LocalizedTextInputDto;
}

export class UpdateCityDto extends SaveCityDto {
  @ExpectedVersion()
  version: number;
}
