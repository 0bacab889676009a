import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform, Type } from 'class-transformer';
import { IsBoolean, IsDefined, IsOptional, IsString, Length, Matches, ValidateIf, ValidateNested } from 'class-validator';
import { LocalizedTextDto } from '../../common/localized-text.dto';
import { Trim } from '../../common/trim.decorator';
import { ExpectedVersion } from '../../common/version';

export class TopicDto {
  @ApiProperty({ format: 'uuid' })
  id: string;

  @ApiProperty({ example: 'online_radicalization' })
  code: string;

  @ApiProperty({ type: LocalizedTextDto })
  name: LocalizedTextDto;

  @ApiProperty({ description: 'Archived topics stay on past meetings but are not offered for new ones' })
  archived: boolean;

  @ApiProperty({ description: 'Pass back when saving (409 when it changed meanwhile)' })
  version: number;
}

/** A name in the three UI languages, each required. */
export class LocalizedTextInputDto {
  @ApiProperty({ minLength: 1, maxLength: 200 })
  @Trim()
  @IsString()
  @Length(1, 200)
  kk: string;

  @ApiProperty({ minLength: 1, maxLength: 200 })
  @Trim()
  @IsString()
  @Length(1, 200)
  ru: string;

  @ApiProperty({ minLength: 1, maxLength: 200 })
  @Trim()
  @IsString()
  @Length(1, 200)
  en: string;
}

export const SNAKE_CASE_CODE = /^[a-z][a-z0-9]*(?:_[a-z0-9]+)*$/;

export class CreateTopicDto {
  @ApiProperty({ pattern: SNAKE_CASE_CODE.source, maxLength: 64, example: 'road_safety' })
  @IsString()
  @Length(2, 64)
  @Matches(SNAKE_CASE_CODE, { message: 'code must be snake_case' })
  code: string;

  @ApiProperty({ type: LocalizedTextInputDto })
  @IsDefined()
  @ValidateNested()
  @Type(() => LocalizedTextInputDto)
  name: LocalizedTextInputDto;
}

export class UpdateTopicDto {
  @ExpectedVersion()
  version: number;

  @ApiPropertyOptional({ type: LocalizedTextInputDto })
  @ValidateIf((dto: UpdateTopicDto) => dto.name !== undefined)
  @IsDefined()
  @ValidateNested()
  @Type(() => LocalizedTextInputDto)
  name?: LocalizedTextInputDto;

  @ApiPropertyOptional()
  @ValidateIf((dto: UpdateTopicDto) => dto.archived !== undefined)
  @IsBoolean()
  archived?: boolean;
}

export class TopicListQuery {
  @ApiPropertyOptional({ description: 'Administrators only: archived topics too' })
  @IsOptional()
  @Transform(({ value }) => (value === 'true' ? true : value === 'false' ? false : value))
  @IsBoolean()
  includeArchived?: boolean;
}
