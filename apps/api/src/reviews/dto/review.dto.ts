import { ApiProperty } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsIn, IsInt, IsOptional, IsString, Length, Matches, Max, Min } from 'class-validator';
import { FigureDto } from '../../common/figure.dto';
import { PARTICIPATION_STATUSES, REVIEW_VERDICTS, type ParticipationStatus, type ReviewResponderRole, type ReviewVerdict } from '@dastarkhan/domain';
import { LocalizedTextDto } from '../../common/localized-text.dto';
import { Trim } from '../../common/trim.decorator';
import { CommunityRefDto } from '../../communities/dto/community.dto';

export class ReviewTextDto {
  @ApiProperty({ minLength: 10, maxLength: 2000 })
  @Trim()
  @IsString()
  @Length(10, 2000)
  text: string;
}

export class CreateReviewDto extends ReviewTextDto {
  @ApiProperty({ enum: REVIEW_VERDICTS, enumName: 'ReviewVerdict' })
  @IsIn(REVIEW_VERDICTS)
  verdict: ReviewVerdict;
}

export class ReviewResponseDto {
  @ApiProperty({ format: 'uuid' })
  id: string;

  @ApiProperty({ enum: ['coordinator', 'community'], enumName: 'ReviewResponderRole' })
  authorRole: ReviewResponderRole;

  @ApiProperty({
    type: String,
    nullable: true,
    description: "null when an official reads a non-registered community's answer: its representatives' identities stay private",
  })
  authorName: string | null;

  @ApiProperty()
  text: string;

  @ApiProperty({ format: 'date-time' })
  createdAt: string;
}

export class ReviewDto {
  @ApiProperty({ format: 'uuid' })
  id: string;

  @ApiProperty({ format: 'uuid' })
  participationId: string;

  @ApiProperty({ enum: REVIEW_VERDICTS, enumName: 'ReviewVerdict' })
  verdict: ReviewVerdict;

  @ApiProperty()
  text: string;

  @ApiProperty()
  officialName: string;

  @ApiProperty({ format: 'date-time' })
  createdAt: string;

  @ApiProperty({ description: 'A concern no official has resolved yet' })
  open: boolean;

  @ApiProperty({ type: String, format: 'date-time', nullable: true })
  resolvedAt: string | null;

  @ApiProperty({ type: String, nullable: true })
  resolvedByName: string | null;

  @ApiProperty({ type: String, nullable: true })
  resolution: string | null;

  @ApiProperty({ type: [ReviewResponseDto], description: 'Oldest first' })
  responses: ReviewResponseDto[];
}

export class ParticipationReviewsDto {
  @ApiProperty({ format: 'uuid' })
  participationId: string;

  @ApiProperty({ enum: PARTICIPATION_STATUSES, enumName: 'ParticipationStatus' })
  status: ParticipationStatus;

  @ApiProperty({ type: [ReviewDto], description: 'Newest first' })
  reviews: ReviewDto[];

  @ApiProperty({ description: 'The caller may answer a review (coordinator of the club or representative of the community)' })
  mayRespond: boolean;

  @ApiProperty({ description: 'The caller is an official who may record a review (the participation is a candidacy)' })
  mayReview: boolean;

  @ApiProperty({ description: 'The caller is an official who may resolve open concerns' })
  mayResolve: boolean;
}

export class ClubRefDto {
  @ApiProperty({ format: 'uuid' })
  id: string;

  @ApiProperty()
  name: string;

  @ApiProperty({ type: LocalizedTextDto })
  cityName: LocalizedTextDto;
}

export class NamedCandidacyDto {
  @ApiProperty({ format: 'uuid' })
  participationId: string;

  @ApiProperty({ type: CommunityRefDto })
  community: CommunityRefDto;

  @ApiProperty({ type: ClubRefDto })
  club: ClubRefDto;

  @ApiProperty({ type: String, format: 'date-time', nullable: true, description: 'When it became a candidate' })
  nominatedAt: string | null;

  @ApiProperty({ enum: REVIEW_VERDICTS, enumName: 'ReviewVerdict', nullable: true, description: "The caller's own latest verdict" })
  myLatestVerdict: ReviewVerdict | null;

  @ApiProperty({ description: 'Concerns (by any official) not resolved yet' })
  openConcerns: number;
}

export class AggregateCandidaciesDto {
  @ApiProperty({ type: ClubRefDto })
  club: ClubRefDto;

  @ApiProperty({
    type: FigureDto,
    description: 'Candidacies of communities that did not consent to officials seeing their record, under the small-count rule',
  })
  count: FigureDto;
}

const toInt = ({ value }: { value: unknown }) => (typeof value === 'string' && /^-?\d+$/.test(value) ? Number(value) : value);

/** `<nomination time with microseconds, or infinity when unknown>~<participation id>`. */
const CANDIDACY_CURSOR = /^(\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{6}Z|infinity)~[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

export class CandidacyListQueryDto {
  @ApiProperty({ required: false, type: 'integer', minimum: 1, maximum: 100, default: 50 })
  @IsOptional()
  @Transform(toInt)
  @IsInt()
  @Min(1)
  @Max(100)
  limit?: number;

  @ApiProperty({ required: false, pattern: CANDIDACY_CURSOR.source, description: "The previous page's `nextAfter`: continues with later nominations" })
  @IsOptional()
  @Matches(CANDIDACY_CURSOR, { message: 'after must be a nextAfter value from a previous page' })
  after?: string;

  @ApiProperty({
    required: false,
    minLength: 1,
    maxLength: 100,
    description: "Only candidacies whose community's name contains this (any case); only names the caller may see are searched",
  })
  @IsOptional()
  @Trim()
  @IsString()
  @Length(1, 100)
  search?: string;
}

export class OfficialCandidaciesDto {
  @ApiProperty({ type: [NamedCandidacyDto], description: 'Candidacies the caller may see and review, oldest nomination first: one page' })
  named: NamedCandidacyDto[];

  @ApiProperty({
    type: [AggregateCandidaciesDto],
    description:
      'Per club, the candidacies the caller may not see by name (no names, no ids); on the first page of a list without `search` only (they have no name to match), else empty',
  })
  aggregate: AggregateCandidaciesDto[];

  @ApiProperty({ type: String, nullable: true, description: 'Pass as `after` for the next page; null on the last page' })
  nextAfter: string | null;
}
