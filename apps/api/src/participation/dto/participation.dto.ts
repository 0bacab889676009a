import { ApiProperty } from '@nestjs/swagger';
import { IsBoolean, IsIn, IsInt, IsOptional, IsString, IsUUID, Length, MaxLength, Min } from 'class-validator';
import {
  PARTICIPATION_ACTIONS,
  PARTICIPATION_STATUSES,
  ParticipationAction,
  ParticipationStatus,
  TRANSITION_ACTIONS,
  type TransitionAction,
} from '@dastarkhan/domain';
import { Trim } from '../../common/trim.decorator';
import { CommunityRefDto } from '../../communities/dto/community.dto';

export class ParticipationSummaryDto {
  @ApiProperty({ format: 'uuid' })
  id: string;

  @ApiProperty({ enum: PARTICIPATION_STATUSES, enumName: 'ParticipationStatus' })
  status: ParticipationStatus;

  @ApiProperty({ format: 'uuid' })
  clubId: string;

  @ApiProperty()
  clubName: string;

  @ApiProperty({ type: CommunityRefDto })
  community: CommunityRefDto;

  @ApiProperty()
  statement: string;

  @ApiProperty({ format: 'date-time' })
  createdAt: string;

  @ApiProperty({ format: 'date-time' })
  updatedAt: string;

  @ApiProperty({ description: 'Send it back with a transition: a stale value is refused with 409' })
  version: number;
}

export class ParticipationEventDto {
  @ApiProperty({ format: 'uuid' })
  id: string;

  @ApiProperty({ description: "'apply' or a ParticipationAction ('overturn': an administrator upheld an appeal against the decision)" })
  action: string;

  @ApiProperty({ enum: PARTICIPATION_STATUSES, enumName: 'ParticipationStatus', nullable: true })
  fromStatus: ParticipationStatus | null;

  @ApiProperty({ enum: PARTICIPATION_STATUSES, enumName: 'ParticipationStatus' })
  toStatus: ParticipationStatus;

  @ApiProperty({ type: String, nullable: true })
  reason: string | null;

  @ApiProperty({
    type: String,
    nullable: true,
    description: "Who acted, by the naming rule: a protected community's representative appears as the community, or null (\"a community\")",
  })
  actorName: string | null;

  @ApiProperty({ format: 'date-time' })
  at: string;
}

export class ParticipationDto extends ParticipationSummaryDto {
  @ApiProperty({ enum: PARTICIPATION_ACTIONS, enumName: 'ParticipationAction', isArray: true })
  availableActions: ParticipationAction[];

  @ApiProperty({ type: [ParticipationEventDto] })
  events: ParticipationEventDto[];
}

export class ApplyDto {
  @ApiProperty({ format: 'uuid' })
  @IsUUID()
  communityId: string;

  @ApiProperty({ minLength: 10, maxLength: 2000, description: 'Statement of intent' })
  @Trim()
  @IsString()
  @Length(10, 2000)
  statement: string;
}

export class TransitionDto {
  @ApiProperty({
    enum: TRANSITION_ACTIONS,
    enumName: 'TransitionAction',
    description: 'Admit, defer and decline go through /decisions, a nomination request through /nomination-request',
  })
  @IsIn(TRANSITION_ACTIONS)
  action: TransitionAction;

  @ApiProperty({ required: false, maxLength: 2000 })
  @IsOptional()
  @Trim()
  @IsString()
  @MaxLength(2000)
  reason?: string;

  @ApiProperty({
    required: false,
    description: "Withdraw only: also erase the community's contact details and leaders' names (the aggregate history stays). Refused while the community takes part in another club.",
  })
  @IsOptional()
  @IsBoolean()
  eraseContactDetails?: boolean;

  @ApiProperty({ minimum: 1 })
  @IsInt()
  @Min(1)
  version: number;
}

export class ParticipationListQuery {
  @ApiProperty({ enum: PARTICIPATION_STATUSES, enumName: 'ParticipationStatus', required: false })
  @IsOptional()
  @IsIn(PARTICIPATION_STATUSES)
  status?: ParticipationStatus;
}
