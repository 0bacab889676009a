import { ApiProperty } from '@nestjs/swagger';

export class LocalizedTextDto {
  @ApiProperty() kk: string;
  @ApiProperty() ru: string;
  @ApiProperty() en: string;
}
