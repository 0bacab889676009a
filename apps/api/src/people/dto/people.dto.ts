import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsEmail, IsIn, IsISO8601, IsOptional, IsString, IsUUID, Length, Matches, MaxLength, ValidateIf } from 'class-validator';
import { Role, ROLES } from '@dastarkhan/domain';
import { LinkTokenDto } from '../../auth/dto/account.dto';
import { PASSWORD_MAX_LENGTH } from '../../auth/password-policy';
import { SearchText } from '../../common/search';
import { Trim } from '../../common/trim.decorator';
import { ClubCreatedCommunityDto } from './on-behalf.dto';

const DATE = /^\d{4}-\d{2}-\d{2}$/;
const REGION = /^[a-z][a-z0-9]*(?:-[a-z0-9]+)*$/;
export const INVITATION_STATUSES = ['pending', 'expired', 'accepted', 'revoked'] as const;
export type InvitationStatus = (typeof INVITATION_STATUSES)[number];

/** A role and its scope: a club for a coordinator, a community for a representative, a region (none: national) for an official. */
export class RoleScopeDto {
  @ApiProperty({ enum: ROLES, enumName: 'Role' })
  @IsIn(ROLES)
  role: Role;

  @ApiPropertyOptional({ format: 'uuid', description: 'The club of a coordinator' })
  @ValidateIf((dto: RoleScopeDto) => dto.clubId !== undefined)
  @IsUUID()
  clubId?: string;

  @ApiPropertyOptional({ format: 'uuid', description: 'The community of a representative' })
  @ValidateIf((dto: RoleScopeDto) => dto.communityId !== undefined)
  @IsUUID()
  communityId?: string;

  @ApiPropertyOptional({ pattern: REGION.source, maxLength: 64, description: "An official's region code (absent: national)" })
  @ValidateIf((dto: RoleScopeDto) => dto.region !== undefined)
  @IsString()
  @MaxLength(64)
  @Matches(REGION, { message: 'region must be a region code' })
  region?: string;
}

/** The administrator invites anyone to any role. */
export class InviteDto extends RoleScopeDto {
  @ApiProperty({ format: 'email', maxLength: 200 })
  @IsEmail()
  @MaxLength(200)
  email: string;
}

/** A club's coordinators invite a co-coordinator, or a representative of one of the club's communities. */
export class ClubInviteDto {
  @ApiProperty({ format: 'email', maxLength: 200 })
  @IsEmail()
  @MaxLength(200)
  email: string;

  @ApiProperty({ enum: ['coordinator', 'representative'] })
  @IsIn(['coordinator', 'representative'])
  role: 'coordinator' | 'representative';

  @ApiPropertyOptional({ format: 'uuid', description: 'For a representative: a community that applied to or takes part in the club, or was created through it' })
  @ValidateIf((dto: ClubInviteDto) => dto.role === 'representative' || dto.communityId !== undefined)
  @IsUUID()
  communityId?: string;
}

export class AddRoleDto extends RoleScopeDto {
  @ApiPropertyOptional({ format: 'date', description: 'The first day in force (default: today, Almaty)' })
  @ValidateIf((dto: AddRoleDto) => dto.startsOn !== undefined)
  @Matches(DATE, { message: 'startsOn must be a date (YYYY-MM-DD)' })
  @IsISO8601({ strict: true })
  startsOn?: string;

  @ApiProperty({ minLength: 1, maxLength: 500 })
  @Trim()
  @IsString()
  @Length(1, 500)
  reason: string;
}

export class EndRoleDto {
  @ApiPropertyOptional({ format: 'date', description: 'The first day it is no longer in force (default: today, Almaty: at once)' })
  @ValidateIf((dto: EndRoleDto) => dto.endsOn !== undefined)
  @Matches(DATE, { message: 'endsOn must be a date (YYYY-MM-DD)' })
  @IsISO8601({ strict: true })
  endsOn?: string;

  @ApiProperty({ minLength: 1, maxLength: 500 })
  @Trim()
  @IsString()
  @Length(1, 500)
  reason: string;
}

export class ReasonDto {
  @ApiProperty({ minLength: 1, maxLength: 500 })
  @Trim()
  @IsString()
  @Length(1, 500)
  reason: string;
}

export class InvitationAcceptanceDto extends LinkTokenDto {
  @ApiProperty({ minLength: 1, maxLength: PASSWORD_MAX_LENGTH, description: 'A new password (AUTH.WEAK_PASSWORD); for an address that has an account, its current password' })
  @IsString()
  @Length(1, PASSWORD_MAX_LENGTH)
  password: string;

  @ApiPropertyOptional({ minLength: 2, maxLength: 120, description: 'Required for a new account' })
  @ValidateIf((dto: InvitationAcceptanceDto) => dto.displayName !== undefined)
  @Trim()
  @IsString()
  @Length(2, 120)
  displayName?: string;
}

export class InvitationListQuery {
  @ApiPropertyOptional({ enum: INVITATION_STATUSES })
  @IsOptional()
  @IsIn(INVITATION_STATUSES)
  status?: InvitationStatus;
}

export class PeopleQuery {
  @ApiPropertyOptional({
    minLength: 3,
    maxLength: 100,
    description: 'Words of a name or an email address, in any case and in Cyrillic or Latin spelling; at least one word of three letters',
  })
  @IsOptional()
  @SearchText()
  search?: string;
}

export class RoleGrantDto {
  @ApiProperty({ format: 'uuid' })
  id: string;

  @ApiProperty({ enum: ROLES, enumName: 'Role' })
  role: Role;

  @ApiProperty({ type: String, format: 'uuid', nullable: true })
  clubId: string | null;

  @ApiProperty({ type: String, nullable: true, description: "The club's English name" })
  clubName: string | null;

  @ApiProperty({ type: String, format: 'uuid', nullable: true })
  communityId: string | null;

  @ApiProperty({ type: String, nullable: true, description: 'Through the naming rule' })
  communityName: string | null;

  @ApiProperty({ type: String, nullable: true })
  region: string | null;

  @ApiProperty({ format: 'date' })
  startsOn: string;

  @ApiProperty({ type: String, format: 'date', nullable: true })
  endsOn: string | null;

  @ApiProperty({ type: String, nullable: true })
  reason: string | null;

  @ApiProperty({ type: String, nullable: true })
  endReason: string | null;

  @ApiProperty()
  inForce: boolean;
}

export class PersonDto {
  @ApiProperty({ format: 'uuid' })
  id: string;

  @ApiProperty()
  displayName: string;

  @ApiProperty()
  email: string;

  @ApiProperty({ type: String, format: 'date-time', nullable: true })
  deactivatedAt: string | null;

  @ApiProperty()
  secondFactorEnabled: boolean;

  @ApiProperty({ type: [RoleGrantDto], description: 'Every grant, ended ones included' })
  roles: RoleGrantDto[];
}

export class InvitationDto {
  @ApiProperty({ format: 'uuid' })
  id: string;

  @ApiProperty()
  email: string;

  @ApiProperty({ enum: ROLES, enumName: 'Role' })
  role: Role;

  @ApiProperty({ type: String, format: 'uuid', nullable: true })
  clubId: string | null;

  @ApiProperty({ type: String, nullable: true })
  clubName: string | null;

  @ApiProperty({ type: String, format: 'uuid', nullable: true })
  communityId: string | null;

  @ApiProperty({ type: String, nullable: true, description: 'Through the naming rule' })
  communityName: string | null;

  @ApiProperty({ type: String, nullable: true })
  region: string | null;

  @ApiProperty({ enum: INVITATION_STATUSES })
  status: InvitationStatus;

  @ApiProperty({ format: 'date-time' })
  sentAt: string;

  @ApiProperty({ format: 'date-time' })
  expiresAt: string;
}

/** What the invitation page shows before accepting. */
export class InvitationPreviewDto {
  @ApiProperty()
  email: string;

  @ApiProperty({ enum: ROLES, enumName: 'Role' })
  role: Role;

  @ApiProperty({ type: String, nullable: true })
  clubName: string | null;

  @ApiProperty({ type: String, nullable: true, description: 'The community the invitee will represent' })
  communityName: string | null;

  @ApiProperty({ type: String, nullable: true })
  region: string | null;

  @ApiProperty({ description: 'The address has an account: accepting asks for its password' })
  accountExists: boolean;

  @ApiProperty({ description: 'The role needs a second factor, set up at the first sign-in' })
  secondFactorRequired: boolean;

  @ApiProperty({ format: 'date-time' })
  expiresAt: string;
}

export class InvitationAcceptedDto {
  @ApiProperty({ format: 'email' })
  email: string;

  @ApiProperty({ description: 'Sign in next and set up the authenticator app' })
  secondFactorRequired: boolean;
}

export class ClubPeopleDto {
  @ApiProperty({ type: [PersonDto], description: "The club's coordinators, past ones included" })
  coordinators: PersonDto[];

  @ApiProperty({ type: [InvitationDto] })
  invitations: InvitationDto[];

  @ApiProperty({ type: [ClubCreatedCommunityDto], description: 'Communities created through the club on their behalf' })
  communities: ClubCreatedCommunityDto[];
}
