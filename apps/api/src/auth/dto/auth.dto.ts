import { ApiProperty } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsDefined, IsEmail, IsIn, IsObject, IsString, Length, MaxLength, ValidateNested } from 'class-validator';
import { PASSWORD_MAX_LENGTH, PASSWORD_MIN_LENGTH } from '../password-policy';
import { Trim } from '../../common/trim.decorator';
import { Locale, LOCALES, Role, ROLES } from '@dastarkhan/domain';
import { CommunityProfileDto } from '../../communities/dto/community-profile.dto';

export class LoginDto {
  @ApiProperty({ format: 'email' })
  @IsEmail()
  @MaxLength(200)
  email: string;

  @ApiProperty()
  @IsString()
  @Length(1, 200)
  password: string;
}

export class SignupDto {
  @ApiProperty({ format: 'email' })
  @IsEmail()
  @MaxLength(200)
  email: string;

  @ApiProperty({
    minLength: PASSWORD_MIN_LENGTH,
    maxLength: PASSWORD_MAX_LENGTH,
    description: 'At least 12 characters and not easy to guess (common passwords and words, keyboard patterns, the person’s own details are refused: AUTH.WEAK_PASSWORD)',
  })
  @IsString()
  @Length(PASSWORD_MIN_LENGTH, PASSWORD_MAX_LENGTH)
  password: string;

  @ApiProperty({ minLength: 2, maxLength: 120 })
  @Trim()
  @IsString()
  @Length(2, 120)
  displayName: string;

  @ApiProperty({ enum: LOCALES, enumName: 'Locale' })
  @IsIn(LOCALES)
  locale: Locale;

  @ApiProperty({ type: CommunityProfileDto })
  @IsDefined()
  @IsObject()
  @ValidateNested()
  @Type(() => CommunityProfileDto)
  community: CommunityProfileDto;
}

export class RoleAssignmentDto {
  @ApiProperty({ enum: ROLES, enumName: 'Role' })
  role: Role;

  @ApiProperty({ type: String, nullable: true, format: 'uuid' })
  clubId: string | null;

  @ApiProperty({ type: String, nullable: true, format: 'uuid' })
  communityId: string | null;

  @ApiProperty({ type: String, nullable: true, description: "An official's region code; null = national" })
  region: string | null;
}

export class MeDto {
  @ApiProperty({ format: 'uuid' })
  id: string;

  @ApiProperty()
  email: string;

  @ApiProperty()
  displayName: string;

  @ApiProperty({ enum: LOCALES, enumName: 'Locale' })
  locale: Locale;

  @ApiProperty({ type: [RoleAssignmentDto] })
  roles: RoleAssignmentDto[];

  @ApiProperty({ description: 'The user signs in with a code from an authenticator app' })
  secondFactorEnabled: boolean;

  @ApiProperty({ description: 'The user’s roles require a second factor (administrators, officials): until it is set up, only the own account is open' })
  secondFactorRequired: boolean;
}

/** Signed in: the session is in the httpOnly cookie, never in the body. */
export class SignedInDto {
  @ApiProperty({ type: MeDto })
  user: MeDto;
}

/** The session of whoever asks: a user, or nobody (signed out). */
export class SessionDto {
  @ApiProperty({ type: MeDto, nullable: true, description: 'null: signed out' })
  user: MeDto | null;
}

/** The password was right; the sign-in needs a code from the authenticator app (or a recovery code). */
export class SecondFactorChallengeDto {
  @ApiProperty({ description: 'Pass back with the code to POST /api/auth/login/second-factor; single use' })
  challenge: string;

  @ApiProperty({ format: 'date-time' })
  expiresAt: string;
}

export class SecondFactorStepDto {
  @ApiProperty({ minLength: 20, maxLength: 100 })
  @IsString()
  @Length(20, 100)
  challenge: string;

  @ApiProperty({ minLength: 6, maxLength: 20, description: 'The 6-digit code from the authenticator app, or a recovery code' })
  @IsString()
  @Length(6, 20)
  code: string;
}
