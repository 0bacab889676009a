import { ApiProperty } from '@nestjs/swagger';
import { ArrayUnique, IsArray, IsBoolean, IsDefined, IsIn, IsInt, IsString, IsUUID, Length, Max, Min, ValidateIf } from 'class-validator';
import {
  MILESTONE_KEYS,
  NEXT_STEP_KEYS,
  PARTICIPATION_STATUSES,
  TRANSPARENCY_FIELDS,
  type MilestoneKey,
  type NextStepKey,
  type ParticipationStatus,
  type TransparencyField,
} from '@dastarkhan/domain';
import { DECISION_REASON_CODES, type DecisionReasonCode } from '@dastarkhan/domain';
import { Trim } from '../../common/trim.decorator';
import { CommunityRefDto } from '../../communities/dto/community.dto';

/** An optional minimum: an integer in range, or null to switch the milestone off (but always sent). */
const NullableMinimum = (max: number) => (target: object, key: string) => {
  IsDefined({ message: `${key} must be given (null switches it off)` })(target, key);
  ValidateIf((_: unknown, value: unknown) => value !== null)(target, key);
  IsInt()(target, key);
  Min(0)(target, key);
  Max(max)(target, key);
};

export class PathwayPolicyInputDto {
  @ApiProperty({ type: Number, nullable: true, minimum: 0, maximum: 120, description: 'Calendar months as observer; null: off' })
  @NullableMinimum(120)
  minMonthsAsObserver: number | null;

  @ApiProperty({ type: Number, nullable: true, minimum: 0, maximum: 500, description: 'Meetings attended since becoming observer; null: off' })
  @NullableMinimum(500)
  minMeetingsAttended: number | null;

  @ApiProperty({ type: Number, nullable: true, minimum: 0, maximum: 100, description: 'Percent; null: off' })
  @NullableMinimum(100)
  minAttendanceRate: number | null;

  @ApiProperty({ type: Number, nullable: true, minimum: 0, maximum: 100, description: 'Projects with a confirmed contribution; null: off' })
  @NullableMinimum(100)
  minJointProjects: number | null;

  @ApiProperty({ enum: TRANSPARENCY_FIELDS, enumName: 'TransparencyField', isArray: true, description: '[]: off' })
  @IsArray()
  @ArrayUnique()
  @IsIn(TRANSPARENCY_FIELDS, { each: true })
  transparencyFields: TransparencyField[];

  @ApiProperty({ type: Number, nullable: true, minimum: 0, maximum: 50, description: 'Member-community sponsors; null: off' })
  @NullableMinimum(50)
  minSponsors: number | null;

  @ApiProperty({ description: 'false: off' })
  @IsBoolean()
  noOpenConcern: boolean;
}

export class PathwayPolicyDto {
  @ApiProperty({ format: 'uuid' })
  id: string;

  @ApiProperty({ enum: ['national', 'club'] })
  scope: 'national' | 'club';

  @ApiProperty({ type: String, format: 'uuid', nullable: true })
  clubId: string | null;

  @ApiProperty({ description: '1, 2, … within its scope' })
  version: number;

  @ApiProperty({ type: Number, nullable: true })
  minMonthsAsObserver: number | null;

  @ApiProperty({ type: Number, nullable: true })
  minMeetingsAttended: number | null;

  @ApiProperty({ type: Number, nullable: true })
  minAttendanceRate: number | null;

  @ApiProperty({ type: Number, nullable: true })
  minJointProjects: number | null;

  @ApiProperty({ enum: TRANSPARENCY_FIELDS, enumName: 'TransparencyField', isArray: true })
  transparencyFields: TransparencyField[];

  @ApiProperty({ type: Number, nullable: true })
  minSponsors: number | null;

  @ApiProperty()
  noOpenConcern: boolean;

  @ApiProperty({ format: 'date-time' })
  createdAt: string;

  @ApiProperty({ type: String, nullable: true, description: 'null for the seeded national default' })
  createdByName: string | null;
}

export class ClubPathwayPolicyDto {
  @ApiProperty({ type: PathwayPolicyDto, description: "The club's latest override, else the national default" })
  inForce: PathwayPolicyDto;

  @ApiProperty({ type: PathwayPolicyDto, nullable: true })
  override: PathwayPolicyDto | null;
}

export class PathwayMilestoneFigureDto {
  @ApiProperty()
  current: number;

  @ApiProperty({ type: Number, nullable: true })
  required: number | null;

  @ApiProperty({ required: false })
  attended?: number;

  @ApiProperty({ required: false, description: 'Held meetings since becoming observer, excused ones left out' })
  counted?: number;

  @ApiProperty({ type: Number, nullable: true, required: false, description: 'Percent, rounded down' })
  rate?: number | null;

  @ApiProperty({ enum: TRANSPARENCY_FIELDS, enumName: 'TransparencyField', isArray: true, required: false })
  missing?: TransparencyField[];
}

export class PathwayMilestoneEvidenceDto {
  @ApiProperty({ enum: ['meeting', 'project', 'sponsorship', 'concern'] })
  kind: 'meeting' | 'project' | 'sponsorship' | 'concern';

  @ApiProperty({ format: 'uuid' })
  id: string;

  @ApiProperty({ description: 'For a sponsorship: the sponsor by the naming rule; empty where the reader may not see it ("a community")' })
  title: string;

  @ApiProperty({ required: false, format: 'uuid', description: 'The community the evidence names (a sponsor)' })
  communityId?: string;

  @ApiProperty({ type: String, format: 'date', nullable: true, description: 'Date in Asia/Almaty' })
  date: string | null;

  @ApiProperty({ required: false, description: 'For meetings: present, absent or excused' })
  detail?: string;
}

export class PathwayMilestoneDto {
  @ApiProperty({ enum: MILESTONE_KEYS, enumName: 'MilestoneKey' })
  key: MilestoneKey;

  @ApiProperty()
  enabled: boolean;

  @ApiProperty({ description: 'A switched-off milestone counts as met' })
  met: boolean;

  @ApiProperty({ type: PathwayMilestoneFigureDto })
  figure: PathwayMilestoneFigureDto;

  @ApiProperty({ type: [PathwayMilestoneEvidenceDto] })
  evidence: PathwayMilestoneEvidenceDto[];
}

export class NextStepDto {
  @ApiProperty({ enum: NEXT_STEP_KEYS, enumName: 'NextStepKey' })
  key: NextStepKey;

  @ApiProperty({ type: Number, nullable: true })
  count: number | null;

  @ApiProperty({ enum: TRANSPARENCY_FIELDS, enumName: 'TransparencyField', isArray: true, nullable: true })
  fields: TransparencyField[] | null;

  @ApiProperty({ type: String, format: 'date', nullable: true, description: 'Date in Asia/Almaty' })
  until: string | null;
}

export class DecisionReasonCodesDto {
  @ApiProperty({ enum: DECISION_REASON_CODES.admit, isArray: true })
  admit: DecisionReasonCode[];

  @ApiProperty({ enum: DECISION_REASON_CODES.defer, isArray: true })
  defer: DecisionReasonCode[];

  @ApiProperty({ enum: DECISION_REASON_CODES.decline, isArray: true })
  decline: DecisionReasonCode[];
}

export class PathwayProgressDto {
  @ApiProperty({ format: 'uuid' })
  participationId: string;

  @ApiProperty({ enum: PARTICIPATION_STATUSES, enumName: 'ParticipationStatus' })
  status: ParticipationStatus;

  @ApiProperty({ type: String, format: 'date-time', nullable: true, description: 'When it first became observer' })
  observerSince: string | null;

  @ApiProperty({ type: String, format: 'date-time', nullable: true, description: 'For a member: when it was admitted' })
  memberSince: string | null;

  @ApiProperty({ type: PathwayPolicyDto })
  policy: PathwayPolicyDto;

  @ApiProperty()
  allMet: boolean;

  @ApiProperty({ type: [PathwayMilestoneDto] })
  milestones: PathwayMilestoneDto[];

  @ApiProperty({ type: [NextStepDto], description: 'Empty for a member' })
  nextSteps: NextStepDto[];

  @ApiProperty({ type: DecisionReasonCodesDto, description: 'The reason codes true of a decision now, per outcome (the decision form offers only these)' })
  decisionReasonCodes: DecisionReasonCodesDto;
}


export class CreateSponsorshipDto {
  @ApiProperty({ format: 'uuid', description: 'The sponsoring (member) community; the caller represents it' })
  @IsUUID()
  communityId: string;

  @ApiProperty({ minLength: 10, maxLength: 1000 })
  @Trim()
  @IsString()
  @Length(10, 1000)
  statement: string;
}

export class SponsorshipDto {
  @ApiProperty({ format: 'uuid' })
  id: string;

  @ApiProperty({ format: 'uuid' })
  participationId: string;

  @ApiProperty({ type: CommunityRefDto })
  sponsorCommunity: CommunityRefDto;

  @ApiProperty()
  statement: string;

  @ApiProperty({ format: 'date-time' })
  createdAt: string;

  @ApiProperty({ type: String, nullable: true, description: 'By the naming rule' })
  createdByName: string | null;
}

/** A sponsorship seen from the sponsor's side: whom the community vouched for, where, and whether it still stands. */
export class GivenSponsorshipDto {
  @ApiProperty({ format: 'uuid' })
  id: string;

  @ApiProperty({ format: 'uuid' })
  participationId: string;

  @ApiProperty({ format: 'uuid' })
  clubId: string;

  @ApiProperty()
  clubName: string;

  @ApiProperty({ type: CommunityRefDto, nullable: true, description: 'The sponsored community; null once the sponsor may no longer see it' })
  observer: CommunityRefDto | null;

  @ApiProperty({ enum: PARTICIPATION_STATUSES, enumName: 'ParticipationStatus', description: "The sponsored community's status in the club now" })
  observerStatus: ParticipationStatus;

  @ApiProperty({ format: 'uuid', description: 'The sponsoring community (one of the caller\'s)' })
  sponsorCommunityId: string;

  @ApiProperty()
  statement: string;

  @ApiProperty({ format: 'date-time' })
  createdAt: string;

  @ApiProperty({ type: String, format: 'date-time', nullable: true })
  withdrawnAt: string | null;
}
