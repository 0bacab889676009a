import { Body, Controller, Delete, Get, HttpCode, Param, Post, Req, Res } from '@nestjs/common';
import { ApiCreatedResponse, ApiNoContentResponse, ApiOkResponse, ApiOperation, ApiResponse, ApiTags } from '@nestjs/swagger';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { Access, RecentAuthentication } from '../access/access.decorator';
import { ErrorResponseDto } from '../common/errors/error-response.dto';
import { IdParam } from '../common/id-params';
import { AuthService } from './auth.service';
import { Cookies } from './cookies';
import { CurrentViewer } from './current-viewer.decorator';
import {
  ChangePasswordDto,
  EmailChangeDto,
  ReauthenticateDto,
  RecoveryCodesDto,
  SecondFactorCodeDto,
  SecondFactorEnrolmentDto,
  SecondFactorStatusDto,
  SessionInfoDto,
} from './dto/account.dto';
import { SessionsService } from './sessions.service';
import type { Viewer } from './viewer';

const error = (status: number, description: string) => ApiResponse({ status, type: ErrorResponseDto, description });

/** The caller's own account: re-authentication, password, email address, second factor, sessions. */
@ApiTags('account')
@Controller('auth')
export class AccountController {
  constructor(
    private readonly auth: AuthService,
    private readonly sessions: SessionsService,
    private readonly cookies: Cookies,
  ) {}

  @Access('account.write')
  @Post('reauthentication')
  @HttpCode(204)
  @ApiOperation({
    summary: 'Confirm it is still you before a consequential step',
    description: 'Password, and a code when the account has a second factor: consequential steps are open for 10 minutes.',
  })
  @ApiNoContentResponse({ description: 'Confirmed' })
  @error(401, 'AUTH.INVALID_CREDENTIALS; AUTH.INVALID_CODE (fields.code: required or wrong code)')
  @error(429, 'AUTH.TOO_MANY_ATTEMPTS')
  async reauthenticate(@CurrentViewer() viewer: Viewer, @Body() input: ReauthenticateDto, @Req() request: FastifyRequest): Promise<void> {
    await this.auth.reauthenticate(viewer, input.password, input.code, this.cookies.client(request));
  }

  @Access('account.write')
  @Post('password')
  @HttpCode(204)
  @ApiOperation({ summary: 'Change the password', description: 'Needs the current password; every other session of the account ends and the owner is emailed.' })
  @ApiNoContentResponse({ description: 'Changed' })
  @error(400, 'VALIDATION_FAILED; AUTH.WEAK_PASSWORD')
  @error(401, 'AUTH.INVALID_CREDENTIALS: the current password is wrong')
  @error(429, 'AUTH.TOO_MANY_ATTEMPTS')
  async changePassword(@CurrentViewer() viewer: Viewer, @Body() input: ChangePasswordDto, @Req() request: FastifyRequest): Promise<void> {
    await this.auth.changePassword(viewer, input.currentPassword, input.newPassword, this.cookies.client(request));
  }

  @Access('account.write')
  @RecentAuthentication()
  @Post('email-change')
  @HttpCode(202)
  @ApiOperation({ summary: 'Move the account to another email address', description: 'A link goes to the new address; answered alike whether or not it has an account.' })
  @ApiResponse({ status: 202, description: 'Check the new address' })
  async requestEmailChange(@CurrentViewer() viewer: Viewer, @Body() input: EmailChangeDto): Promise<void> {
    await this.auth.requestEmailChange(viewer, input.email);
  }

  @Access('account.read')
  @Get('second-factor')
  @ApiOperation({ summary: 'The state of the second factor' })
  @ApiOkResponse({ type: SecondFactorStatusDto })
  secondFactor(@CurrentViewer() viewer: Viewer): Promise<SecondFactorStatusDto> {
    return this.auth.secondFactorStatus(viewer);
  }

  @Access('account.write')
  @RecentAuthentication()
  @Post('second-factor/enrolment')
  @ApiOperation({ summary: 'Start setting up an authenticator app', description: 'A new secret and its QR code; in force once a code from it is confirmed.' })
  @ApiCreatedResponse({ type: SecondFactorEnrolmentDto })
  startEnrolment(@CurrentViewer() viewer: Viewer): Promise<SecondFactorEnrolmentDto> {
    return this.auth.startSecondFactorEnrolment(viewer);
  }

  @Access('account.write')
  @RecentAuthentication()
  @Post('second-factor/enrolment/confirmation')
  @HttpCode(200)
  @ApiOperation({ summary: 'Confirm the authenticator app with its first code', description: 'Puts the second factor in force and returns the recovery codes, shown once.' })
  @ApiOkResponse({ type: RecoveryCodesDto })
  @error(401, 'AUTH.INVALID_CODE')
  @error(409, 'AUTH.NO_ENROLMENT: no set-up was started')
  async confirmEnrolment(@CurrentViewer() viewer: Viewer, @Body() input: SecondFactorCodeDto, @Req() request: FastifyRequest): Promise<RecoveryCodesDto> {
    return { recoveryCodes: await this.auth.confirmSecondFactor(viewer, input.code, this.cookies.client(request)) };
  }

  @Access('account.write')
  @RecentAuthentication()
  @Post('second-factor/recovery-codes')
  @ApiOperation({ summary: 'Make new recovery codes', description: 'The old ones stop working.' })
  @ApiCreatedResponse({ type: RecoveryCodesDto })
  @error(409, 'AUTH.NO_ENROLMENT: no second factor')
  async renewRecoveryCodes(@CurrentViewer() viewer: Viewer, @Req() request: FastifyRequest): Promise<RecoveryCodesDto> {
    return { recoveryCodes: await this.auth.renewRecoveryCodes(viewer, this.cookies.client(request)) };
  }

  @Access('account.write')
  @RecentAuthentication()
  @Delete('second-factor')
  @HttpCode(204)
  @ApiOperation({ summary: 'Turn the second factor off', description: 'Refused to administrators and officials (AUTH.SECOND_FACTOR_REQUIRED_FOR_ROLE).' })
  @ApiNoContentResponse({ description: 'Off' })
  async disableSecondFactor(@CurrentViewer() viewer: Viewer, @Req() request: FastifyRequest): Promise<void> {
    await this.auth.disableSecondFactor(viewer, this.cookies.client(request));
  }

  @Access('account.read')
  @Get('sessions')
  @ApiOperation({ summary: 'My live sessions', description: 'Device, address and last activity of each, most recent first.' })
  @ApiOkResponse({ type: [SessionInfoDto] })
  listSessions(@CurrentViewer() viewer: Viewer): Promise<SessionInfoDto[]> {
    return this.sessions.list(viewer);
  }

  @Access('account.write')
  @Delete('sessions/:id')
  @HttpCode(204)
  @ApiOperation({ summary: 'Sign out one of my sessions' })
  @ApiNoContentResponse({ description: 'Ended' })
  @error(404, 'NOT_FOUND: not a live session of the caller')
  async endSession(
    @CurrentViewer() viewer: Viewer,
    @Param() { id }: IdParam,
    @Req() request: FastifyRequest,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<void> {
    await this.auth.endSession(viewer, id, this.cookies.client(request));
    if (id === viewer.sessionId) this.cookies.clearSession(reply);
  }

  @Access('account.write')
  @Delete('sessions')
  @HttpCode(204)
  @ApiOperation({ summary: 'Sign out everywhere', description: 'Every session of the caller ends, this one included.' })
  @ApiNoContentResponse({ description: 'Ended' })
  async endAllSessions(@CurrentViewer() viewer: Viewer, @Req() request: FastifyRequest, @Res({ passthrough: true }) reply: FastifyReply): Promise<void> {
    await this.auth.endAllSessions(viewer, this.cookies.client(request));
    this.cookies.clearSession(reply);
  }
}
