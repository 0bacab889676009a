import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform, Type } from 'class-transformer';
import { IsBoolean, IsDefined, IsInt, IsOptional, IsString, IsUUID, Length, Max, Min, ValidateNested } from 'class-validator';
import { PARTICIPATION_STATUSES, ParticipationStatus } from '@dastarkhan/domain';
import { CountFigureDto } from '../../common/figure.dto';
import { LocalizedLongTextInputDto } from '../../common/localized-text-input.dto';
import { LocalizedTextDto } from '../../common/localized-text.dto';
import { Trim } from '../../common/trim.decorator';
import { ExpectedVersion } from '../../common/version';
import { LocalizedTextInputDto } from '../../meetings/dto/topic.dto';
import { PageCursor } from '../../common/cursor';
import { SearchText } from '../../common/search';
import { CityDto } from '../../cities/dto/city.dto';
import { CommunityRefDto } from '../../communities/dto/community.dto';
import { ParticipationSummaryDto } from '../../participation/dto/participation.dto';

export class ClubListQuery {
  @ApiProperty({ required: false, format: 'uuid' })
  @IsOptional()
  @IsUUID()
  cityId?: string;

  @ApiProperty({ required: false, description: 'Only the clubs the caller coordinates' })
  @IsOptional()
  @Transform(({ value }) => (value === 'true' ? true : value === 'false' ? false : value))
  @IsBoolean()
  coordinatedByMe?: boolean;

  @ApiPropertyOptional({ minLength: 3, maxLength: 100, description: 'Words of the name in kk, ru or en, in any case and in Cyrillic or Latin spelling' })
  @IsOptional()
  @SearchText()
  search?: string;

  @ApiPropertyOptional({ type: 'integer', minimum: 1, maximum: 200, default: 50 })
  @IsOptional()
  @Transform(({ value }) => (typeof value === 'string' && /^-?\d+$/.test(value) ? Number(value) : value))
  @IsInt()
  @Min(1)
  @Max(200)
  limit?: number;

  @PageCursor()
  after?: string;
}

export class ClubSummaryDto {
  @ApiProperty({ format: 'uuid' })
  id: string;

  @ApiProperty({ description: 'The English name (`names` has all three)' })
  name: string;

  @ApiProperty({ description: 'The English public description (`descriptions` has all three)' })
  description: string;

  @ApiProperty({ type: LocalizedTextDto })
  names: LocalizedTextDto;

  @ApiProperty({ type: LocalizedTextDto, description: 'The public description in kk/ru/en' })
  descriptions: LocalizedTextDto;

  @ApiProperty({ description: 'Where the club usually meets (empty: not given)' })
  meetingPlace: string;

  @ApiProperty({ description: 'An archived club keeps its history and is read-only' })
  archived: boolean;

  @ApiProperty({ description: 'Pass back when saving (409 when it changed meanwhile)' })
  version: number;

  @ApiProperty({ format: 'uuid' })
  cityId: string;

  @ApiProperty({ type: CityDto })
  city: CityDto;

  @ApiProperty({ type: CountFigureDto, description: 'Member communities, under the small-count rule for the reader' })
  memberCount: CountFigureDto;

  @ApiProperty({ type: CountFigureDto, description: 'Observer communities, under the small-count rule for the reader' })
  observerCount: CountFigureDto;

  @ApiProperty({ type: Number, nullable: true, description: "Pending applications; only for the club's coordinators" })
  pendingApplications: number | null;

  @ApiProperty({ type: Number, nullable: true, description: "Candidacies awaiting a decision; only for the club's coordinators" })
  awaitingDecision: number | null;
}

export class ParticipantDto {
  @ApiProperty({ format: 'uuid' })
  participationId: string;

  @ApiProperty({ enum: PARTICIPATION_STATUSES, enumName: 'ParticipationStatus' })
  status: ParticipationStatus;

  @ApiProperty({ type: CommunityRefDto })
  community: CommunityRefDto;
}

export class ClubDto extends ClubSummaryDto {
  @ApiProperty({ type: [ParticipantDto], description: 'Only the communities the caller may see' })
  participants: ParticipantDto[];

  @ApiProperty()
  viewerIsCoordinator: boolean;

  @ApiProperty({ type: [ParticipationSummaryDto], description: "The caller's communities' participations in this club" })
  viewerParticipations: ParticipationSummaryDto[];
}

/** A club as the administrator opens or edits it: every field at once. */
export class SaveClubDto {
  @ApiProperty({ format: 'uuid' })
  @IsUUID()
  cityId: string;

  @ApiProperty({ type: LocalizedTextInputDto })
  @IsDefined()
  @ValidateNested()
  @Type(() => LocalizedTextInputDto)
  names: LocalizedTextInputDto;

  @ApiProperty({ type: LocalizedLongTextInputDto, description: 'The public description in kk/ru/en' })
  @IsDefined()
  @ValidateNested()
  @Type(() => LocalizedLongTextInputDto)
  descriptions: LocalizedLongTextInputDto;

  @ApiProperty({ maxLength: 300, description: 'Where the club usually meets: a public venue (may be empty)' })
  @Trim()
  @IsString()
  @Length(0, 300)
  meetingPlace: string;
}

export class UpdateClubDto extends SaveClubDto {
  @ExpectedVersion()
  version: number;
}

export class ArchiveClubDto {
  @ApiProperty({ minLength: 1, maxLength: 1000, description: 'Why the club closes (kept with its history)' })
  @Trim()
  @IsString()
  @Length(1, 1000)
  reason: string;

  @ExpectedVersion()
  version: number;
}

export class RestoreClubDto {
  @ExpectedVersion()
  version: number;
}

export class ClubPageDto {
  @ApiProperty({ type: [ClubSummaryDto], description: 'By English name' })
  items: ClubSummaryDto[];

  @ApiProperty({ type: String, nullable: true, description: 'The cursor of the next page (null: the last page)' })
  nextAfter: string | null;
}
