import { ApiProperty } from '@nestjs/swagger';
import { IsString, Length } from 'class-validator';
import { Trim } from './trim.decorator';

/** A longer text in the three UI languages (a public description): each may be empty, none longer than 2 000 characters. */
export class LocalizedLongTextInputDto {
  @ApiProperty({ maxLength: 2000 })
  @Trim()
  @IsString()
  @Length(0, 2000)
  kk: string;

  @ApiProperty({ maxLength: 2000 })
  @Trim()
  @IsString()
  @Length(0, 2000)
  ru: string;

  @ApiProperty({ maxLength: 2000 })
  @Trim()
  @IsString()
  @Length(0, 2000)
  en: string;
}
