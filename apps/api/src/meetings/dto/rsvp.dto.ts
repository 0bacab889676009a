import { ApiProperty } from '@nestjs/swagger';
import { IsIn, IsInt, IsUUID, Max, Min } from 'class-validator';
import { RSVP_ANSWERS, RsvpAnswer } from '@dastarkhan/domain';
import { CommunityRefDto } from '../../communities/dto/community.dto';

export class RsvpInputDto {
  @ApiProperty({ format: 'uuid', description: 'An invited community the caller represents' })
  @IsUUID()
  communityId: string;

  @ApiProperty({ enum: RSVP_ANSWERS, enumName: 'RsvpAnswer' })
  @IsIn(RSVP_ANSWERS)
  answer: RsvpAnswer;

  @ApiProperty({ minimum: 0, maximum: 500, description: 'How many people the community expects to send' })
  @IsInt()
  @Min(0)
  @Max(500)
  attendees: number;
}

export class RsvpDto {
  @ApiProperty({ format: 'uuid' })
  communityId: string;

  @ApiProperty({ type: String, nullable: true, description: 'By the naming rule (null: "a community")' })
  communityName: string | null;

  @ApiProperty({ enum: RSVP_ANSWERS, enumName: 'RsvpAnswer' })
  answer: RsvpAnswer;

  @ApiProperty()
  attendees: number;

  @ApiProperty({ format: 'date-time' })
  updatedAt: string;
}

export class RsvpCountsDto {
  @ApiProperty()
  yes: number;

  @ApiProperty()
  no: number;

  @ApiProperty()
  maybe: number;

  @ApiProperty({ description: 'Invited communities that have not answered' })
  noAnswer: number;

  @ApiProperty({ description: 'People announced by the communities that answered yes' })
  expectedPeople: number;
}

export class RsvpSummaryDto {
  @ApiProperty({ type: RsvpCountsDto })
  counts: RsvpCountsDto;

  @ApiProperty({ type: [RsvpDto], description: "Coordinators: every answer; a representative: its own communities' only" })
  responses: RsvpDto[];

  @ApiProperty({ type: [CommunityRefDto], description: 'The invited communities; empty unless the caller coordinates the club' })
  invited: CommunityRefDto[];
}
