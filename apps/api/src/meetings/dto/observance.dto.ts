import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsDefined, IsIn, IsInt, IsString, Length, Matches, Max, Min, ValidateIf, ValidateNested } from 'class-validator';
import { Tradition, TRADITIONS } from '@dastarkhan/domain';
import { LocalizedTextDto } from '../../common/localized-text.dto';
import { ExpectedVersion } from '../../common/version';
import { LocalizedTextInputDto, SNAKE_CASE_CODE } from './topic.dto';

const TIME = /^([01]\d|2[0-3]):[0-5]\d$/;

export class WeeklyObservanceDto {
  @ApiProperty({ format: 'uuid' })
  id: string;

  @ApiProperty({ example: 'shabbat' })
  code: string;

  @ApiProperty({ enum: TRADITIONS, enumName: 'Tradition' })
  tradition: Tradition;

  @ApiProperty({ minimum: 1, maximum: 7, description: 'ISO weekday it starts on: 1 Monday … 7 Sunday' })
  weekday: number;

  @ApiProperty({ pattern: TIME.source, example: '16:00', description: 'Almaty wall time' })
  startTime: string;

  @ApiProperty({ minimum: 1, maximum: 7, description: 'ISO weekday it ends on (the same or a later day of that week)' })
  endWeekday: number;

  @ApiProperty({ pattern: TIME.source, example: '21:30' })
  endTime: string;

  @ApiProperty({ type: LocalizedTextDto })
  name: LocalizedTextDto;

  @ApiProperty({ description: 'Pass back when saving (409 when it changed meanwhile)' })
  version: number;
}

export class CreateWeeklyObservanceDto {
  @ApiProperty({ pattern: SNAKE_CASE_CODE.source, maxLength: 64 })
  @IsString()
  @Length(2, 64)
  @Matches(SNAKE_CASE_CODE, { message: 'code must be snake_case' })
  code: string;

  @ApiProperty({ enum: TRADITIONS, enumName: 'Tradition' })
  @IsIn(TRADITIONS)
  tradition: Tradition;

  @ApiProperty({ minimum: 1, maximum: 7 })
  @IsInt()
  @Min(1)
  @Max(7)
  weekday: number;

  @ApiProperty({ pattern: TIME.source, example: '16:00' })
  @IsString()
  @Matches(TIME, { message: 'startTime must be HH:mm' })
  startTime: string;

  @ApiProperty({ minimum: 1, maximum: 7 })
  @IsInt()
  @Min(1)
  @Max(7)
  endWeekday: number;

  @ApiProperty({ pattern: TIME.source, example: '21:30' })
  @IsString()
  @Matches(TIME, { message: 'endTime must be HH:mm' })
  endTime: string;

  @ApiProperty({ type: LocalizedTextInputDto })
  @IsDefined()
  @ValidateNested()
  @Type(() => LocalizedTextInputDto)
  name: LocalizedTextInputDto;
}

export class UpdateWeeklyObservanceDto {
  @ExpectedVersion()
  version: number;

  @ApiPropertyOptional({ pattern: SNAKE_CASE_CODE.source, maxLength: 64 })
  @ValidateIf((dto: UpdateWeeklyObservanceDto) => dto.code !== undefined)
  @IsString()
  @Length(2, 64)
  @Matches(SNAKE_CASE_CODE, { message: 'code must be snake_case' })
  code?: string;

  @ApiPropertyOptional({ enum: TRADITIONS, enumName: 'Tradition' })
  @ValidateIf((dto: UpdateWeeklyObservanceDto) => dto.tradition !== undefined)
  @IsIn(TRADITIONS)
  tradition?: Tradition;

  @ApiPropertyOptional({ minimum: 1, maximum: 7 })
  @ValidateIf((dto: UpdateWeeklyObservanceDto) => dto.weekday !== undefined)
  @IsInt()
  @Min(1)
  @Max(7)
  weekday?: number;

  @ApiPropertyOptional({ pattern: TIME.source })
  @ValidateIf((dto: UpdateWeeklyObservanceDto) => dto.startTime !== undefined)
  @IsString()
  @Matches(TIME, { message: 'startTime must be HH:mm' })
  startTime?: string;

  @ApiPropertyOptional({ minimum: 1, maximum: 7 })
  @ValidateIf((dto: UpdateWeeklyObservanceDto) => dto.endWeekday !== undefined)
  @IsInt()
  @Min(1)
  @Max(7)
  endWeekday?: number;

  @ApiPropertyOptional({ pattern: TIME.source })
  @ValidateIf((dto: UpdateWeeklyObservanceDto) => dto.endTime !== undefined)
  @IsString()
  @Matches(TIME, { message: 'endTime must be HH:mm' })
  endTime?: string;

  @ApiPropertyOptional({ type: LocalizedTextInputDto })
  @ValidateIf((dto: UpdateWeeklyObservanceDto) => dto.name !== undefined)
  @IsDefined()
  @ValidateNested()
  @Type(() => LocalizedTextInputDto)
  name?: LocalizedTextInputDto;
}
