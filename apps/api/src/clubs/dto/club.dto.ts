import { ApiProperty } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsBoolean, IsOptional, IsUUID } from 'class-validator';
import { PARTICIPATION_STATUSES, ParticipationStatus } from '@dastarkhan/domain';
import { CountFigureDto } from '../../common/figure.dto';
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
}

export class ClubSummaryDto {
  @ApiProperty({ format: 'uuid' })
  id: string;

  @ApiProperty()
  name: string;

  @ApiProperty()
  description: string;

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
