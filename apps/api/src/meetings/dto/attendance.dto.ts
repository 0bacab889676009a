import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsInt, IsOptional, IsString, IsUUID, Length, Min } from 'class-validator';
import {
  ATTENDANCE_METHODS,
  ATTENDANCE_ROLES,
  ATTENDANCE_STATUSES,
  AttendanceMethod,
  AttendanceRole,
  AttendanceStatus,
} from '@dastarkhan/domain';
import { Trim } from '../../common/trim.decorator';
import { CommunityRefDto } from '../../communities/dto/community.dto';

/** One community's attendance at a meeting; `status` null = not recorded yet. */
export class AttendanceDto {
  @ApiProperty({ format: 'uuid' })
  communityId: string;

  @ApiProperty({ type: CommunityRefDto })
  community: CommunityRefDto;

  @ApiProperty({ enum: ATTENDANCE_STATUSES, enumName: 'AttendanceStatus', nullable: true })
  status: AttendanceStatus | null;

  @ApiProperty({ enum: ATTENDANCE_ROLES, enumName: 'AttendanceRole', description: 'As recorded; for an unrecorded row, as it would be recorded now' })
  role: AttendanceRole;

  @ApiProperty({ enum: ATTENDANCE_METHODS, enumName: 'AttendanceMethod', nullable: true })
  method: AttendanceMethod | null;

  @ApiProperty({ description: 'Send it back with a change: 0 while nothing is recorded; a stale value is refused with 409' })
  version: number;

  @ApiProperty({ type: String, format: 'date-time', nullable: true })
  updatedAt: string | null;

  @ApiProperty({ description: 'A coordinator could record this row now' })
  recordable: boolean;

  @ApiProperty({
    type: String,
    nullable: true,
    enum: ['MEETING.NOT_STARTED', 'MEETING.CANCELLED', 'ATTENDANCE.NOT_ON_ROSTER'],
    description: 'Why the row cannot be recorded now (null when it can)',
  })
  whyNot: string | null;
}

export class AttendanceInputDto {
  @ApiProperty({ enum: ATTENDANCE_STATUSES, enumName: 'AttendanceStatus' })
  @IsIn(ATTENDANCE_STATUSES)
  status: AttendanceStatus;

  @ApiPropertyOptional({ minimum: 0, description: 'The version last seen (0 or omitted for a first recording)' })
  @IsOptional()
  @IsInt()
  @Min(0)
  version?: number;
}

export class AttendanceEventDto {
  @ApiProperty({ format: 'uuid' })
  id: string;

  @ApiProperty({ format: 'uuid' })
  communityId: string;

  @ApiProperty({ type: String, nullable: true, description: 'By the naming rule (null: "a community")' })
  communityName: string | null;

  @ApiProperty({ enum: ATTENDANCE_STATUSES, enumName: 'AttendanceStatus', nullable: true })
  fromStatus: AttendanceStatus | null;

  @ApiProperty({ enum: ATTENDANCE_STATUSES, enumName: 'AttendanceStatus' })
  toStatus: AttendanceStatus;

  @ApiProperty({ enum: ATTENDANCE_ROLES, enumName: 'AttendanceRole' })
  role: AttendanceRole;

  @ApiProperty({ enum: ATTENDANCE_METHODS, enumName: 'AttendanceMethod' })
  method: AttendanceMethod;

  @ApiProperty({ type: String, nullable: true, description: 'By the naming rule' })
  actorName: string | null;

  @ApiProperty({ format: 'date-time' })
  at: string;
}

export class CheckInDto {
  @ApiProperty({ format: 'uuid', description: 'An invited community the caller represents' })
  @IsUUID()
  communityId: string;

  @ApiProperty({ minLength: 1, maxLength: 32, description: "The meeting's check-in code, as announced in the room" })
  @Trim()
  @IsString()
  @Length(1, 32)
  code: string;
}

export class AttendanceParams {
  @ApiProperty({ format: 'uuid' })
  @IsUUID()
  id: string;

  @ApiProperty({ format: 'uuid' })
  @IsUUID()
  communityId: string;
}
