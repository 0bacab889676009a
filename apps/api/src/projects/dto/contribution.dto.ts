import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsInt, IsOptional, IsString, IsUUID, Max, MaxLength, Min } from 'class-validator';
import {
  PROJECT_CATEGORIES,
  PROJECT_ROLES,
  PROJECT_STATUSES,
  ProjectCategory,
  ProjectRole,
  ProjectStatus,
  REVIEW_DECISIONS,
  REVISION_STATUSES,
  ReviewDecision,
  RevisionStatus,
} from '@dastarkhan/domain';
import { IsDecimal } from '../../common/decimal.decorator';
import { Trim } from '../../common/trim.decorator';
import { CommunityRefDto } from '../../communities/dto/community.dto';

export class ContributionRevisionDto {
  @ApiProperty({ format: 'uuid' })
  id: string;

  @ApiProperty({ minimum: 1 })
  revision: number;

  @ApiProperty({ enum: PROJECT_ROLES, enumName: 'ProjectRole' })
  role: ProjectRole;

  @ApiProperty({ minimum: 0 })
  volunteers: number;

  @ApiProperty({ minimum: 0 })
  hours: number;

  @ApiProperty({ type: String, nullable: true, description: 'In-kind resources' })
  inKind: string | null;

  @ApiProperty({ enum: REVISION_STATUSES, enumName: 'RevisionStatus' })
  status: RevisionStatus;

  @ApiProperty({ type: String, nullable: true })
  reviewReason: string | null;

  @ApiProperty({ type: String, nullable: true, description: 'By the naming rule: a protected community\'s representative appears as the community' })
  enteredByName: string | null;

  @ApiProperty({ format: 'date-time' })
  enteredAt: string;

  @ApiProperty({ type: String, nullable: true })
  reviewedByName: string | null;

  @ApiProperty({ type: String, format: 'date-time', nullable: true })
  reviewedAt: string | null;
}

export class ContributionDto {
  @ApiProperty({ format: 'uuid' })
  id: string;

  @ApiProperty({ format: 'uuid' })
  projectId: string;

  @ApiProperty({ type: CommunityRefDto })
  community: CommunityRefDto;

  @ApiProperty({ description: 'Send it back with a correction or review: a stale value is refused with 409' })
  version: number;

  @ApiProperty({ type: ContributionRevisionDto, nullable: true, description: 'The latest confirmed revision: what counts' })
  counted: ContributionRevisionDto | null;

  @ApiProperty({
    type: ContributionRevisionDto,
    nullable: true,
    description: "The newest revision; null for callers who see only confirmed figures",
  })
  latest: ContributionRevisionDto | null;

  @ApiProperty({ type: [ContributionRevisionDto], description: "Newest first; empty unless the caller is a coordinator or the community's representative" })
  revisions: ContributionRevisionDto[];

  @ApiProperty()
  viewerCanCorrect: boolean;

  @ApiProperty()
  viewerCanReview: boolean;
}

export class LedgerTotalsDto {
  @ApiProperty()
  volunteers: number;

  @ApiProperty()
  hours: number;

  @ApiProperty({ description: 'Ledger lines with a confirmed revision' })
  contributions: number;
}

export class ContributionFiguresDto {
  @ApiProperty({ enum: PROJECT_ROLES, enumName: 'ProjectRole', description: "'lead' only for the project's lead community" })
  @IsIn(PROJECT_ROLES)
  role: ProjectRole;

  @ApiProperty({ minimum: 0, maximum: 100000 })
  @IsInt()
  @Min(0)
  @Max(100000)
  volunteers: number;

  @ApiProperty({ minimum: 0, maximum: 1000000, description: 'Up to two decimals' })
  @IsDecimal(2)
  @Min(0)
  @Max(1000000)
  hours: number;

  @ApiPropertyOptional({ maxLength: 2000, description: 'In-kind resources, e.g. "200 bin bags, a truck"' })
  @IsOptional()
  @Trim()
  @IsString()
  @MaxLength(2000)
  inKind?: string;
}

export class ContributionInputDto extends ContributionFiguresDto {
  @ApiProperty({ format: 'uuid', description: 'The contributing community, represented by the caller' })
  @IsUUID()
  communityId: string;
}

export class CorrectContributionDto extends ContributionFiguresDto {
  @ApiProperty({ minimum: 1 })
  @IsInt()
  @Min(1)
  version: number;
}

export class ReviewContributionDto {
  @ApiProperty({ enum: REVIEW_DECISIONS, enumName: 'ReviewDecision' })
  @IsIn(REVIEW_DECISIONS)
  decision: ReviewDecision;

  @ApiPropertyOptional({ maxLength: 2000, description: 'Required to reject' })
  @IsOptional()
  @Trim()
  @IsString()
  @MaxLength(2000)
  reason?: string;

  @ApiProperty({ minimum: 1 })
  @IsInt()
  @Min(1)
  version: number;
}

export class ContributionParams {
  @ApiProperty({ format: 'uuid' })
  @IsUUID()
  id: string;

  @ApiProperty({ format: 'uuid' })
  @IsUUID()
  contributionId: string;
}

export class CivicRecordEntryDto {
  @ApiProperty({ format: 'uuid' })
  contributionId: string;

  @ApiProperty({ format: 'uuid' })
  projectId: string;

  @ApiProperty()
  projectTitle: string;

  @ApiProperty({ enum: PROJECT_CATEGORIES, enumName: 'ProjectCategory' })
  category: ProjectCategory;

  @ApiProperty({ enum: PROJECT_STATUSES, enumName: 'ProjectStatus' })
  projectStatus: ProjectStatus;

  @ApiProperty({ format: 'uuid' })
  clubId: string;

  @ApiProperty()
  clubName: string;

  @ApiProperty({ enum: PROJECT_ROLES, enumName: 'ProjectRole' })
  role: ProjectRole;

  @ApiProperty()
  volunteers: number;

  @ApiProperty()
  hours: number;

  @ApiProperty({ type: String, nullable: true })
  inKind: string | null;

  @ApiProperty({ format: 'date-time' })
  confirmedAt: string;
}

export class CivicRecordDto {
  @ApiProperty({ format: 'uuid' })
  communityId: string;

  @ApiProperty({ description: 'Distinct projects with at least one confirmed contribution: what the pathway reads' })
  projectCount: number;

  @ApiProperty()
  volunteers: number;

  @ApiProperty()
  hours: number;

  @ApiProperty({ type: [CivicRecordEntryDto] })
  entries: CivicRecordEntryDto[];
}

export class CivicRecordQuery {
  @ApiPropertyOptional({ format: 'uuid', description: "Only this club's projects" })
  @IsOptional()
  @IsUUID()
  clubId?: string;
}
