import { ApiProperty } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsDefined, IsEmail, IsIn, IsObject, IsString, Length, MaxLength, ValidateNested } from 'class-validator';
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

  @ApiProperty({ minLength: 10, maxLength: 200 })
  @IsString()
  @Length(10, 200)
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
}

export class SessionDto {
  @ApiProperty({ type: MeDto })
  user: MeDto;

  @ApiProperty({ description: 'The same token as the session cookie, for API clients (Authorization: Bearer)' })
  accessToken: string;
}
