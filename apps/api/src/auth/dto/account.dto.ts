import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsEmail, IsOptional, IsString, Length, Matches, MaxLength } from 'class-validator';
import { PASSWORD_MAX_LENGTH, PASSWORD_MIN_LENGTH } from '../password-policy';

const NEW_PASSWORD = {
  minLength: PASSWORD_MIN_LENGTH,
  maxLength: PASSWORD_MAX_LENGTH,
  description: 'At least 12 characters and not easy to guess (AUTH.WEAK_PASSWORD)',
};

export class ReauthenticateDto {
  @ApiProperty({ minLength: 1, maxLength: 200 })
  @IsString()
  @Length(1, 200)
  password: string;

  @ApiPropertyOptional({ minLength: 6, maxLength: 20, description: 'Required when the user has a second factor: a code from the app, or a recovery code' })
  @IsOptional()
  @IsString()
  @Length(6, 20)
  code?: string;
}

export class ChangePasswordDto {
  @ApiProperty({ minLength: 1, maxLength: 200 })
  @IsString()
  @Length(1, 200)
  currentPassword: string;

  @ApiProperty(NEW_PASSWORD)
  @IsString()
  @Length(PASSWORD_MIN_LENGTH, PASSWORD_MAX_LENGTH)
  newPassword: string;
}

export class PasswordResetRequestDto {
  @ApiProperty({ format: 'email', maxLength: 200 })
  @IsEmail()
  @MaxLength(200)
  email: string;
}

/** The secret of an emailed link (the part after `#`). */
export class LinkTokenDto {
  @ApiProperty({ minLength: 20, maxLength: 100 })
  @IsString()
  @Length(20, 100)
  token: string;
}

export class PasswordResetDto extends LinkTokenDto {
  @ApiProperty(NEW_PASSWORD)
  @IsString()
  @Length(PASSWORD_MIN_LENGTH, PASSWORD_MAX_LENGTH)
  newPassword: string;
}

export class EmailChangeDto {
  @ApiProperty({ format: 'email', maxLength: 200 })
  @IsEmail()
  @MaxLength(200)
  email: string;
}

export class SessionInfoDto {
  @ApiProperty({ format: 'uuid' })
  id: string;

  @ApiProperty({ description: 'The session this request came with' })
  current: boolean;

  @ApiProperty({ type: String, nullable: true, description: 'The browser’s User-Agent at sign-in' })
  userAgent: string | null;

  @ApiProperty({ type: String, nullable: true, description: 'The client address of the last activity' })
  address: string | null;

  @ApiProperty({ format: 'date-time' })
  createdAt: string;

  @ApiProperty({ format: 'date-time', description: 'The last user activity (background polls do not count)' })
  lastActiveAt: string;

  @ApiProperty({ format: 'date-time', description: 'When it ends unless used again (idle timeout or absolute limit)' })
  expiresAt: string;
}

export class SecondFactorStatusDto {
  @ApiProperty()
  enabled: boolean;

  @ApiProperty({ description: 'Required by the user’s roles (administrators, officials): it cannot be turned off' })
  required: boolean;

  @ApiProperty({ description: 'Unused recovery codes' })
  recoveryCodesLeft: number;
}

export class SecondFactorEnrolmentDto {
  @ApiProperty({ description: 'The TOTP secret in Base32, to type into the app when the QR code cannot be scanned' })
  secret: string;

  @ApiProperty({ description: 'otpauth:// URI' })
  uri: string;

  @ApiProperty({ description: 'The URI as a QR code: a PNG data URL' })
  qrCode: string;
}

export class SecondFactorCodeDto {
  @ApiProperty({ minLength: 6, maxLength: 6, pattern: '^[0-9]{6}$', description: 'A code from the app' })
  @IsString()
  @Matches(/^[0-9]{6}$/, { message: 'code must be 6 digits' })
  code: string;
}

export class RecoveryCodesDto {
  @ApiProperty({ type: [String], description: 'Shown once: each signs in once in place of a code from the app' })
  recoveryCodes: string[];
}
