import { Access } from '../access/access.decorator';
import { Body, Controller, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import {
  ApiConflictResponse,
  ApiCreatedResponse,
  ApiForbiddenResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiTags, ApiOperation } from '@nestjs/swagger';
import { CurrentViewer } from '../auth/current-viewer.decorator';
import type { Viewer } from '../auth/viewer';
import { ErrorResponseDto } from '../common/errors/error-response.dto';
import { IdParam } from '../common/id-params';
import {
  CandidacyListQueryDto,
  CreateReviewDto,
  OfficialCandidaciesDto,
  ParticipationReviewsDto,
  ReviewDto,
  ReviewResponseDto,
  ReviewTextDto,
} from './dto/review.dto';
import { ReviewsService } from './reviews.service';

const NOT_VISIBLE = 'Not found, or not visible to the caller (existence is private)';

@ApiTags('reviews')
@Controller()
export class ReviewsController {
  constructor(private readonly reviews: ReviewsService) {}

  @Access('candidacies.read')
  @ApiOperation({ summary: "Candidacies in the official's scope" })
  @Get('official/candidacies')
  @ApiOkResponse({ type: OfficialCandidaciesDto })
  @ApiForbiddenResponse({ type: ErrorResponseDto, description: 'Officials only' })
  candidacies(@CurrentViewer() viewer: Viewer, @Query() query: CandidacyListQueryDto): Promise<OfficialCandidaciesDto> {
    return this.reviews.candidaciesForOfficial(viewer, query);
  }

  @Access('participation.read', { param: 'id' })
  @ApiOperation({ summary: 'Official reviews of a candidacy' })
  @Get('participations/:id/reviews')
  @ApiOkResponse({ type: ParticipationReviewsDto })
  @ApiNotFoundResponse({ type: ErrorResponseDto, description: NOT_VISIBLE })
  list(@CurrentViewer() viewer: Viewer, @Param() { id }: IdParam): Promise<ParticipationReviewsDto> {
    return this.reviews.list(viewer, id);
  }

  @Access('participation.review', { param: 'id' })
  @ApiOperation({ summary: 'Record a review note (no objection or concern) on a candidacy' })
  @Post('participations/:id/reviews')
  @ApiCreatedResponse({ type: ReviewDto })
  @ApiForbiddenResponse({ type: ErrorResponseDto, description: 'The caller sees the participation but is not an official who may review it' })
  @ApiNotFoundResponse({ type: ErrorResponseDto, description: NOT_VISIBLE })
  @ApiConflictResponse({ type: ErrorResponseDto, description: 'REVIEW.NOT_A_CANDIDACY' })
  review(@CurrentViewer() viewer: Viewer, @Param() { id }: IdParam, @Body() input: CreateReviewDto): Promise<ReviewDto> {
    return this.reviews.review(viewer, id, input);
  }

  @Access('review.respond', { param: 'id' })
  @ApiOperation({ summary: "Answer an official's review" })
  @Post('reviews/:id/responses')
  @ApiCreatedResponse({ type: ReviewResponseDto })
  @ApiForbiddenResponse({ type: ErrorResponseDto, description: "An official: only the club's coordinators and the community answer" })
  @ApiNotFoundResponse({ type: ErrorResponseDto, description: NOT_VISIBLE })
  respond(@CurrentViewer() viewer: Viewer, @Param() { id }: IdParam, @Body() input: ReviewTextDto): Promise<ReviewResponseDto> {
    return this.reviews.respond(viewer, id, input);
  }

  @Access('review.resolve', { param: 'id' })
  @ApiOperation({ summary: "Resolve an official's concern" })
  @Post('reviews/:id/resolution')
  @HttpCode(200)
  @ApiOkResponse({ type: ReviewDto, description: 'The resolved concern' })
  @ApiForbiddenResponse({ type: ErrorResponseDto, description: 'The caller sees the review but is not an official who may review it' })
  @ApiNotFoundResponse({ type: ErrorResponseDto, description: NOT_VISIBLE })
  @ApiConflictResponse({ type: ErrorResponseDto, description: 'REVIEW.ALREADY_RESOLVED: resolved already, or not a concern' })
  resolve(@CurrentViewer() viewer: Viewer, @Param() { id }: IdParam, @Body() input: ReviewTextDto): Promise<ReviewDto> {
    return this.reviews.resolve(viewer, id, input);
  }
}
