import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  IsArray,
  IsIn,
  IsInt,
  IsISO8601,
  IsOptional,
  IsString,
  IsUrl,
  IsUUID,
  Length,
  Matches,
  Max,
  MaxLength,
  Min,
  ValidateIf,
  ValidateNested,
} from 'class-validator';
import {
  PARTNER_DECISIONS,
  PARTNER_STATUSES,
  PartnerDecision,
  PartnerStatus,
  PROJECT_ACTIONS,
  PROJECT_CATEGORIES,
  PROJECT_ROLES,
  PROJECT_STATUSES,
  PROJECT_VISIBILITIES,
  ProjectAction,
  ProjectCategory,
  ProjectRole,
  ProjectStatus,
  ProjectVisibility,
} from '@dastarkhan/domain';
import { IsDecimal } from '../../common/decimal.decorator';
import { Trim } from '../../common/trim.decorator';
import { CountFigureDto, FigureDto } from '../../common/figure.dto';
import { CommunityRefDto } from '../../communities/dto/community.dto';
import { ContributionDto, LedgerTotalsDto } from './contribution.dto';
import { MilestoneDto } from './milestone.dto';

const DATE = /^\d{4}-\d{2}-\d{2}$/;

/** `YYYY-MM-DD`, a real calendar date. */
const IsCalendarDate = (): PropertyDecorator => (target, key) => {
  IsISO8601({ strict: true })(target, key);
  Matches(DATE, { message: `${String(key)} must be a date (YYYY-MM-DD)` })(target, key);
};

/** Partners the reader may not see and what they contributed: shown only in groups large enough (docs/domain.md, P9). */
export class UndisclosedContributionsDto {
  @ApiProperty({ type: FigureDto })
  partners: FigureDto;

  @ApiProperty({ type: FigureDto })
  volunteers: FigureDto;

  @ApiProperty({ type: FigureDto })
  hours: FigureDto;
}

export class ProgressDto {
  @ApiProperty({ minimum: 0 })
  done: number;

  @ApiProperty({ minimum: 0 })
  total: number;

  @ApiProperty({ minimum: 0, maximum: 100, description: 'Rounded down; 0 when the project has no milestones' })
  percent: number;
}

export class ProjectSummaryDto {
  @ApiProperty({ format: 'uuid' })
  id: string;

  @ApiProperty({ format: 'uuid' })
  clubId: string;

  @ApiProperty()
  clubName: string;

  @ApiProperty()
  title: string;

  @ApiProperty({ enum: PROJECT_CATEGORIES, enumName: 'ProjectCategory' })
  category: ProjectCategory;

  @ApiProperty({ enum: PROJECT_STATUSES, enumName: 'ProjectStatus' })
  status: ProjectStatus;

  @ApiProperty({ enum: PROJECT_VISIBILITIES, enumName: 'ProjectVisibility' })
  visibility: ProjectVisibility;

  @ApiProperty({ format: 'date' })
  startsOn: string;

  @ApiProperty({ type: String, format: 'date', nullable: true })
  endsOn: string | null;

  @ApiProperty({ type: CommunityRefDto, nullable: true, description: 'null when the caller may not see the lead community' })
  leadCommunity: CommunityRefDto | null;

  @ApiProperty({ type: CountFigureDto, description: 'Confirmed partners, the lead included, under the small-count rule for the reader' })
  partnerCount: CountFigureDto;

  @ApiProperty({ type: ProgressDto })
  progress: ProgressDto;

  @ApiProperty({ format: 'date-time' })
  updatedAt: string;
}

export class ProjectPartnerDto {
  @ApiProperty({ type: CommunityRefDto })
  community: CommunityRefDto;

  @ApiProperty({ enum: PROJECT_ROLES, enumName: 'ProjectRole' })
  role: ProjectRole;

  @ApiProperty({ enum: PARTNER_STATUSES, enumName: 'PartnerStatus' })
  status: PartnerStatus;

  @ApiProperty({ format: 'date-time' })
  joinedAt: string;
}

export class OutcomeFigureDto {
  @ApiProperty({ minLength: 1, maxLength: 100, example: 'Bags of litter' })
  @Trim()
  @IsString()
  @Length(1, 100)
  label: string;

  @ApiProperty({ minimum: 0, maximum: 1e9, example: 120 })
  @IsDecimal(2)
  @Min(0)
  @Max(1e9)
  value: number;
}

export class OutcomeReportDto {
  @ApiProperty()
  summary: string;

  @ApiProperty({ type: [OutcomeFigureDto] })
  figures: OutcomeFigureDto[];

  @ApiProperty({ type: [String], description: 'https links to photos' })
  photoLinks: string[];

  @ApiProperty({ format: 'date-time' })
  completedAt: string;
}

export class ProjectEventDto {
  @ApiProperty({ format: 'uuid' })
  id: string;

  @ApiProperty({ description: "'propose' or a ProjectAction" })
  action: string;

  @ApiProperty({ enum: PROJECT_STATUSES, enumName: 'ProjectStatus', nullable: true })
  fromStatus: ProjectStatus | null;

  @ApiProperty({ enum: PROJECT_STATUSES, enumName: 'ProjectStatus' })
  toStatus: ProjectStatus;

  @ApiProperty({ type: String, nullable: true })
  reason: string | null;

  @ApiProperty({ type: String, nullable: true, description: 'By the naming rule' })
  actorName: string | null;

  @ApiProperty({ format: 'date-time' })
  at: string;
}

export class ProjectDto extends ProjectSummaryDto {
  @ApiProperty()
  description: string;

  @ApiProperty({ type: String, nullable: true, description: 'Why it was declined or cancelled' })
  decisionReason: string | null;

  @ApiProperty({ description: 'Send it back with a change: a stale value is refused with 409' })
  version: number;

  @ApiProperty({ type: [ProjectPartnerDto], description: 'Only the communities the caller may see' })
  partners: ProjectPartnerDto[];

  @ApiProperty({
    type: () => UndisclosedContributionsDto,
    description: 'What confirmed partners left out of `partners` and `ledger` for privacy contributed, under the small-count rule',
  })
  undisclosed: UndisclosedContributionsDto;

  @ApiProperty({ type: () => [ContributionDto] })
  ledger: ContributionDto[];

  @ApiProperty({ type: () => LedgerTotalsDto, description: 'Confirmed contributions of the partners in `ledger` (the ones the caller may see)' })
  totals: LedgerTotalsDto;

  @ApiProperty({ type: () => [MilestoneDto] })
  milestones: MilestoneDto[];

  @ApiProperty({ type: OutcomeReportDto, nullable: true })
  outcome: OutcomeReportDto | null;

  @ApiProperty({ type: [ProjectEventDto], description: "Empty unless the caller is a coordinator or a partner's representative" })
  events: ProjectEventDto[];

  @ApiProperty({ enum: PROJECT_ACTIONS, enumName: 'ProjectAction', isArray: true })
  availableActions: ProjectAction[];

  @ApiProperty()
  viewerIsCoordinator: boolean;

  @ApiProperty({ type: [String], description: "The caller's communities confirmed in this project" })
  viewerCommunityIds: string[];

  @ApiProperty({ type: [String], description: "The caller's communities that may join now" })
  viewerCanJoinAs: string[];
}

export class ProposeProjectDto {
  @ApiProperty({ format: 'uuid', description: 'The proposing (lead) community, represented by the caller' })
  @IsUUID()
  communityId: string;

  @ApiProperty({ minLength: 3, maxLength: 200 })
  @Trim()
  @IsString()
  @Length(3, 200)
  title: string;

  @ApiProperty({ minLength: 10, maxLength: 5000 })
  @Trim()
  @IsString()
  @Length(10, 5000)
  description: string;

  @ApiProperty({ enum: PROJECT_CATEGORIES, enumName: 'ProjectCategory' })
  @IsIn(PROJECT_CATEGORIES)
  category: ProjectCategory;

  @ApiProperty({ format: 'date' })
  @IsCalendarDate()
  startsOn: string;

  @ApiPropertyOptional({ format: 'date', description: 'On or after startsOn' })
  @IsOptional()
  @IsCalendarDate()
  endsOn?: string;

  @ApiPropertyOptional({ enum: PROJECT_VISIBILITIES, enumName: 'ProjectVisibility', default: 'public' })
  @IsOptional()
  @IsIn(PROJECT_VISIBILITIES)
  visibility?: ProjectVisibility;
}

export class UpdateProjectDto {
  @ApiPropertyOptional({ minLength: 3, maxLength: 200 })
  @IsOptional()
  @Trim()
  @IsString()
  @Length(3, 200)
  title?: string;

  @ApiPropertyOptional({ minLength: 10, maxLength: 5000 })
  @IsOptional()
  @Trim()
  @IsString()
  @Length(10, 5000)
  description?: string;

  @ApiPropertyOptional({ enum: PROJECT_CATEGORIES, enumName: 'ProjectCategory' })
  @IsOptional()
  @IsIn(PROJECT_CATEGORIES)
  category?: ProjectCategory;

  @ApiPropertyOptional({ format: 'date' })
  @IsOptional()
  @IsCalendarDate()
  startsOn?: string;

  @ApiPropertyOptional({ type: String, format: 'date', nullable: true, description: 'null removes the end date' })
  @ValidateIf((_o, value) => value !== null)
  @IsOptional()
  @IsCalendarDate()
  endsOn?: string | null;

  @ApiPropertyOptional({ enum: PROJECT_VISIBILITIES, enumName: 'ProjectVisibility' })
  @IsOptional()
  @IsIn(PROJECT_VISIBILITIES)
  visibility?: ProjectVisibility;

  @ApiProperty({ minimum: 1 })
  @IsInt()
  @Min(1)
  version: number;
}

const TRANSITION_ACTIONS = ['approve', 'decline', 'cancel'] as const;

export class ProjectTransitionDto {
  @ApiProperty({ enum: TRANSITION_ACTIONS, description: "'complete' has its own route (it needs an outcome report)" })
  @IsIn(TRANSITION_ACTIONS)
  action: Exclude<ProjectAction, 'complete'>;

  @ApiPropertyOptional({ maxLength: 2000, description: 'Required to decline or cancel' })
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

export class CompleteProjectDto {
  @ApiProperty({ minimum: 1 })
  @IsInt()
  @Min(1)
  version: number;

  @ApiProperty({ minLength: 10, maxLength: 5000, description: 'What was achieved' })
  @Trim()
  @IsString()
  @Length(10, 5000)
  summary: string;

  @ApiProperty({ type: [OutcomeFigureDto], maxItems: 30 })
  @IsArray()
  @ArrayMaxSize(30)
  @ValidateNested({ each: true })
  @Type(() => OutcomeFigureDto)
  figures: OutcomeFigureDto[];

  @ApiProperty({ type: [String], maxItems: 30, description: 'https URLs of photos hosted elsewhere' })
  @IsArray()
  @ArrayMaxSize(30)
  @IsUrl({ protocols: ['https'], require_protocol: true }, { each: true, message: 'each photo link must be an https URL' })
  @MaxLength(2000, { each: true })
  photoLinks: string[];
}

export class JoinProjectDto {
  @ApiProperty({ format: 'uuid' })
  @IsUUID()
  communityId: string;
}

export class ParticipantDecisionDto {
  @ApiProperty({ enum: PARTNER_DECISIONS, enumName: 'PartnerDecision' })
  @IsIn(PARTNER_DECISIONS)
  decision: PartnerDecision;

  @ApiPropertyOptional({ maxLength: 2000, description: 'Required to decline' })
  @IsOptional()
  @Trim()
  @IsString()
  @MaxLength(2000)
  reason?: string;
}

export class ProjectListQuery {
  @ApiPropertyOptional({ enum: PROJECT_STATUSES, enumName: 'ProjectStatus' })
  @IsOptional()
  @IsIn(PROJECT_STATUSES)
  status?: ProjectStatus;
}

export class ProjectPartnerParams {
  @ApiProperty({ format: 'uuid' })
  @IsUUID()
  id: string;

  @ApiProperty({ format: 'uuid' })
  @IsUUID()
  communityId: string;
}
