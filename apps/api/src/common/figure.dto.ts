import { ApiProperty } from '@nestjs/swagger';

/** A published figure (docs/domain.md, P9): the value, or "fewer than N", or neither when withheld. */
export class FigureDto {
  @ApiProperty({ type: Number, nullable: true })
  value: number | null;

  @ApiProperty({ type: Number, nullable: true, description: 'Set instead of value when too few communities contribute' })
  fewerThan: number | null;
}

/** A count of communities as one reader sees it: those it can list by name, the others under the small-count rule. */
export class CountFigureDto {
  @ApiProperty({ description: 'Communities the reader may see by name' })
  listed: number;

  @ApiProperty({ type: FigureDto, description: 'Communities the reader may not see' })
  unlisted: FigureDto;

  @ApiProperty({ type: FigureDto })
  total: FigureDto;
}
