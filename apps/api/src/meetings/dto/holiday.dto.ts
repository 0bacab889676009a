import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsDefined, IsIn, IsInt, IsISO8601, IsOptional, IsString, Length, Matches, Max, Min, ValidateIf, ValidateNested } from 'class-validator';
import { Tradition, TRADITIONS } from '@dastarkhan/domain';
import { LocalizedTextDto } from '../../common/localized-text.dto';
import { ExpectedVersion } from '../../common/version';
import { LocalizedTextInputDto, SNAKE_CASE_CODE } from './topic.dto';

export class HolidayDto {
  @ApiProperty({ format: 'uuid' })
  id: string;

  @ApiProperty({ example: 'oraza_ait' })
  code: string;

  @ApiProperty({ enum: TRADITIONS, enumName: 'Tradition', nullable: true, description: 'null: a national holiday, for everyone' })
  tradition: Tradition | null;

  @ApiProperty({ format: 'date', example: '2026-03-20' })
  date: string;

  @ApiProperty({ minimum: 1, description: 'How many days it lasts, from `date`' })
  days: number;

  @ApiProperty({ type: LocalizedTextDto })
  name: LocalizedTextDto;

  @ApiProperty({ description: 'Pass back when saving (409 when it changed meanwhile)' })
  version: number;
}

const DATE = /^\d{4}-\d{2}-\d{2}$/;

export class CreateHolidayDto {
  @ApiProperty({ pattern: SNAKE_CASE_CODE.source, maxLength: 64 })
  @IsString()
  @Length(2, 64)
  @Matches(SNAKE_CASE_CODE, { message: 'code must be snake_case' })
  code: string;

  @ApiPropertyOptional({ enum: TRADITIONS, enumName: 'Tradition', nullable: true, description: 'null or omitted: national' })
  @IsOptional()
  @IsIn(TRADITIONS)
  tradition?: Tradition | null;

  @ApiProperty({ format: 'date', example: '2026-03-20' })
  @Matches(DATE, { message: 'date must be a date (YYYY-MM-DD)' })
  @IsISO8601({ strict: true })
  date: string;

  @ApiPropertyOptional({ minimum: 1, maximum: 31, default: 1 })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(31)
  days?: number;

  @ApiProperty({ type: LocalizedTextInputDto })
  @IsDefined()
  @ValidateNested()
  @Type(() => LocalizedTextInputDto)
  name: LocalizedTextInputDto;
}

export class UpdateHolidayDto {
  @ExpectedVersion()
  version: number;

  @ApiPropertyOptional({ pattern: SNAKE_CASE_CODE.source, maxLength: 64 })
  @ValidateIf((dto: UpdateHolidayDto) => dto.code !== undefined)
  @IsString()
  @Length(2, 64)
  @Matches(SNAKE_CASE_CODE, { message: 'code must be snake_case' })
  code?: string;

  @ApiPropertyOptional({ enum: TRADITIONS, enumName: 'Tradition', nullable: true })
  @ValidateIf((dto: UpdateHolidayDto) => dto.tradition !== undefined && dto.tradition !== null)
  @IsIn(TRADITIONS)
  tradition?: Tradition | null;

  @ApiPropertyOptional({ format: 'date' })
  @ValidateIf((dto: UpdateHolidayDto) => dto.date !== undefined)
  @Matches(DATE, { message: 'date must be a date (YYYY-MM-DD)' })
  @IsISO8601({ strict: true })
  date?: string;

  @ApiPropertyOptional({ minimum: 1, maximum: 31 })
  @ValidateIf((dto: UpdateHolidayDto) => dto.days !== undefined)
  @IsInt()
  @Min(1)
  @Max(31)
  days?: number;

  @ApiPropertyOptional({ type: LocalizedTextInputDto })
  @ValidateIf((dto: UpdateHolidayDto) => dto.name !== undefined)
  @IsDefined()
  @ValidateNested()
  @Type(() => LocalizedTextInputDto)
  name?: LocalizedTextInputDto;
}

export class HolidayListQuery {
  @ApiPropertyOptional({ type: 'integer', minimum: 2000, maximum: 2100, description: 'Holidays touching this year; all when omitted' })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(2000)
  @Max(2100)
  year?: number;
}
