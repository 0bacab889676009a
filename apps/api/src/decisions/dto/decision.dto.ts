import { ApiProperty } from '@nestjs/swagger';
import { IsIn, IsInt, IsISO8601, IsOptional, IsString, Length, Matches, Min } from 'class-validator';
import {
  ALL_DECISION_REASON_CODES,
  APPEAL_STATUSES,
  DECISION_OUTCOMES,
  PARTICIPATION_STATUSES,
  type AppealStatus,
  type DecisionOutcome,
  type DecisionReasonCode,
  type ParticipationStatus,
} from '@dastarkhan/domain';
import { Trim } from '../../common/trim.decorator';
import { CommunityRefDto } from '../../communities/dto/community.dto';
import { ParticipationDto } from '../../participation/dto/participation.dto';
import { PathwayProgressDto } from '../../pathway/dto/pathway.dto';

const RESOLUTIONS = ['upheld', 'overturned'] as const;

export class DecideDto {
  @ApiProperty({ enum: DECISION_OUTCOMES, enumName: 'DecisionOutcome' })
  @IsIn(DECISION_OUTCOMES)
  outcome: DecisionOutcome;

  @ApiProperty({ enum: ALL_DECISION_REASON_CODES, enumName: 'DecisionReasonCode', description: 'One of the codes of the outcome' })
  @IsIn(ALL_DECISION_REASON_CODES)
  reasonCode: string;

  @ApiProperty({ minLength: 10, maxLength: 2000 })
  @Trim()
  @IsString()
  @Length(10, 2000)
  reasonText: string;

  @ApiProperty({ required: false, maxLength: 2000, description: 'Required when admitting a candidate with an unmet milestone' })
  @IsOptional()
  @Trim()
  @IsString()
  @Length(10, 2000)
  overrideReason?: string;

  @ApiProperty({ required: false, format: 'date', description: 'Defer/decline: YYYY-MM-DD (Almaty), today … 24 months; defaults to 3 / 6 months' })
  @IsOptional()
  @IsISO8601({ strict: true })
  @Matches(/^\d{4}-\d{2}-\d{2}$/, { message: 'earliestReapplyOn must be a date (YYYY-MM-DD)' })
  earliestReapplyOn?: string;

  @ApiProperty({ minimum: 1, description: "The participation's version the coordinator saw" })
  @IsInt()
  @Min(1)
  version: number;
}

export class NominationRequestDto {
  @ApiProperty({ minimum: 1 })
  @IsInt()
  @Min(1)
  version: number;
}

export class AppealInputDto {
  @ApiProperty({ minLength: 10, maxLength: 2000 })
  @Trim()
  @IsString()
  @Length(10, 2000)
  text: string;
}

export class AppealResolutionInputDto {
  @ApiProperty({ enum: RESOLUTIONS })
  @IsIn(RESOLUTIONS)
  outcome: (typeof RESOLUTIONS)[number];

  @ApiProperty({ minLength: 10, maxLength: 2000 })
  @Trim()
  @IsString()
  @Length(10, 2000)
  text: string;
}

export class AppealListQuery {
  @ApiProperty({ enum: APPEAL_STATUSES, enumName: 'AppealStatus', required: false })
  @IsOptional()
  @IsIn(APPEAL_STATUSES)
  status?: AppealStatus;
}

export class AppealDto {
  @ApiProperty({ format: 'uuid' })
  id: string;

  @ApiProperty({ enum: APPEAL_STATUSES, enumName: 'AppealStatus' })
  status: AppealStatus;

  @ApiProperty()
  text: string;

  @ApiProperty({ type: String, nullable: true, description: 'By the naming rule: a protected community\'s representative appears as the community, or null ("a community")' })
  appellantName: string | null;

  @ApiProperty({ format: 'date-time' })
  createdAt: string;

  @ApiProperty({ type: String, nullable: true, description: "The administrator's explanation" })
  resolution: string | null;

  @ApiProperty({ type: String, format: 'date-time', nullable: true })
  resolvedAt: string | null;

  @ApiProperty({ type: String, nullable: true })
  resolvedByName: string | null;
}

export class DecisionRecordDto {
  @ApiProperty({ format: 'uuid' })
  id: string;

  @ApiProperty({ format: 'uuid' })
  participationId: string;

  @ApiProperty({ description: 'The participation event the decision caused' })
  eventSequence: number;

  @ApiProperty({ enum: DECISION_OUTCOMES, enumName: 'DecisionOutcome' })
  outcome: DecisionOutcome;

  @ApiProperty({ enum: PARTICIPATION_STATUSES, enumName: 'ParticipationStatus' })
  fromStatus: ParticipationStatus;

  @ApiProperty({ enum: ALL_DECISION_REASON_CODES, enumName: 'DecisionReasonCode' })
  reasonCode: DecisionReasonCode;

  @ApiProperty()
  reasonText: string;

  @ApiProperty({ type: String, nullable: true })
  overrideReason: string | null;

  @ApiProperty({ type: String, format: 'date', nullable: true })
  earliestReapplyOn: string | null;

  @ApiProperty({ type: PathwayProgressDto, description: 'The milestones as they stood at the decision' })
  milestoneSnapshot: PathwayProgressDto;

  @ApiProperty()
  deciderName: string;

  @ApiProperty({ format: 'date-time' })
  decidedAt: string;

  @ApiProperty({ type: String, format: 'date', nullable: true, description: 'Last day (Almaty) to appeal; null for an admission' })
  appealDeadline: string | null;

  @ApiProperty({ description: 'The viewer represents the community and may appeal now' })
  canAppeal: boolean;

  @ApiProperty({ type: AppealDto, nullable: true })
  appeal: AppealDto | null;
}

export class DecidedParticipationDto extends ParticipationDto {
  @ApiProperty({ type: DecisionRecordDto })
  decision: DecisionRecordDto;
}

export class AppealClubDto {
  @ApiProperty({ format: 'uuid' })
  id: string;

  @ApiProperty()
  name: string;
}

/** An appeal as the administrator reviews it: names, never contacts. */
export class AppealCaseDto extends AppealDto {
  @ApiProperty({ type: DecisionRecordDto })
  decision: DecisionRecordDto;

  @ApiProperty({ type: AppealClubDto })
  club: AppealClubDto;

  @ApiProperty({ type: CommunityRefDto, nullable: true, description: 'Null where the reader may not see the community' })
  community: CommunityRefDto | null;
}
