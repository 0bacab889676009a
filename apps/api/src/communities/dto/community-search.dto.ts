import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsBoolean, IsInt, IsOptional, IsUUID, Max, Min } from 'class-validator';
import { PageCursor } from '../../common/cursor';
import { SearchText } from '../../common/search';
import { CommunityRefDto } from './community.dto';

const toInt = ({ value }: { value: unknown }) => (typeof value === 'string' && /^-?\d+$/.test(value) ? Number(value) : value);

/** A picker's search among the communities the caller may see. */
export class CommunitySearchQueryDto {
  @ApiPropertyOptional({
    minLength: 3,
    maxLength: 100,
    description: 'Words of the name, in any case and in Cyrillic or Latin spelling; at least one word of three letters',
  })
  @IsOptional()
  @SearchText()
  search?: string;

  @ApiPropertyOptional({ format: 'uuid', description: "Only the club's communities, as its page shows them to the caller" })
  @IsOptional()
  @IsUUID()
  clubId?: string;

  @ApiPropertyOptional({ description: "With clubId: only those taking part (observer, candidate, member, suspended) — an agenda's presenters" })
  @IsOptional()
  @Transform(({ value }) => (value === 'true' ? true : value === 'false' ? false : value))
  @IsBoolean()
  participating?: boolean;

  @ApiPropertyOptional({ type: 'integer', minimum: 1, maximum: 100, default: 20 })
  @IsOptional()
  @Transform(toInt)
  @IsInt()
  @Min(1)
  @Max(100)
  limit?: number;

  @PageCursor()
  after?: string;
}

export class CommunitySearchPageDto {
  @ApiProperty({ type: [CommunityRefDto], description: 'By name' })
  items: CommunityRefDto[];

  @ApiProperty({ type: String, nullable: true, description: 'The cursor of the next page (null: the last page)' })
  nextAfter: string | null;
}
