import { ApiProperty } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { ArrayMaxSize, IsArray, IsBoolean, IsString, Length, MaxLength } from 'class-validator';
import { Trim } from '../../common/trim.decorator';
import { ExpectedVersion } from '../../common/version';

export class MinutesInputDto {
  @ApiProperty({ maxLength: 50000, description: 'The minutes as text (may be empty while only decisions are recorded)' })
  @Trim()
  @IsString()
  @MaxLength(50000)
  minutes: string;

  @ApiProperty({ type: [String], maxItems: 100, description: 'The decisions, in order (each 1..2000 characters); replaces the previous list' })
  @IsArray()
  @ArrayMaxSize(100)
  @Transform(({ value }) => (Array.isArray(value) ? value.map((v) => (typeof v === 'string' ? v.trim() : v)) : value))
  @IsString({ each: true })
  @Length(1, 2000, { each: true })
  decisions: string[];

  @ApiProperty({ description: 'true: published to the participants; false: a draft only coordinators see' })
  @IsBoolean()
  publish: boolean;

  @ExpectedVersion()
  version: number;
}

export class DecisionDto {
  @ApiProperty({ format: 'uuid' })
  id: string;

  @ApiProperty()
  position: number;

  @ApiProperty()
  text: string;
}

export class MinutesDto {
  @ApiProperty()
  minutes: string;

  @ApiProperty({ type: [DecisionDto] })
  decisions: DecisionDto[];

  @ApiProperty({ type: String, format: 'date-time', nullable: true, description: 'null: a draft (participants then see empty minutes)' })
  publishedAt: string | null;

  @ApiProperty({ description: 'Pass back when saving (0: never saved; 409 when they changed meanwhile)' })
  version: number;
}
