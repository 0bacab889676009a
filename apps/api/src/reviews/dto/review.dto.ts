import { ApiProperty } from '@nestjs/swagger';
import { IsIn, IsString, Length } from 'class-validator';
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

export class OfficialCandidaciesDto {
  @ApiProperty({ type: [NamedCandidacyDto], description: 'Candidacies the caller may see and review, oldest nomination first' })
  named: NamedCandidacyDto[];

  @ApiProperty({ type: [AggregateCandidaciesDto], description: 'Per club, the candidacies the caller may not see by name (no names, no ids)' })
  aggregate: AggregateCandidaciesDto[];
}
