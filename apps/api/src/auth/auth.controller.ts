import { Body, Controller, Get, HttpCode, Post, Req, Res, UseGuards } from '@nestjs/common';
import {
  ApiAcceptedResponse,
  ApiBody,
  ApiNoContentResponse,
  ApiOkResponse,
  ApiOperation,
  ApiResponse,
  ApiTags,
} from '@nestjs/swagger';
import { requiresSecondFactor } from '@dastarkhan/domain';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { Access } from '../access/access.decorator';
import { ErrorResponseDto } from '../common/errors/error-response.dto';
import { AuthService, type SignInOutcome } from './auth.service';
import { Cookies } from './cookies';
import { CurrentViewer } from './current-viewer.decorator';
import { LinkTokenDto, PasswordResetDto, PasswordResetRequestDto } from './dto/account.dto';
import { LoginDto, MeDto, SecondFactorChallengeDto, SecondFactorStepDto, SessionDto, SignedInDto, SignupDto } from './dto/auth.dto';
import { LocalAuthGuard } from './local-auth.guard';
import { SessionsService } from './sessions.service';
import type { Viewer } from './viewer';

const tooMany = (description: string) => ApiResponse({ status: 429, type: ErrorResponseDto, description });

/** Signing in and out, signing up, and the emailed links that confirm an address or reset a password. */
@ApiTags('auth')
@Controller('auth')
export class AuthController {
  constructor(
    private readonly auth: AuthService,
    private readonly sessions: SessionsService,
    private readonly cookies: Cookies,
  ) {}

  @Access('account.sign-in')
  @UseGuards(LocalAuthGuard)
  @Post('login')
  @HttpCode(200)
  @ApiOperation({
    summary: 'Sign in with email and password',
    description:
      'The session is set as an httpOnly cookie (API clients keep it in a cookie jar); the body never carries it. ' +
      'When the account has a second factor the answer is 202 with a challenge for POST /api/auth/login/second-factor.',
  })
  @ApiBody({ type: LoginDto })
  @ApiOkResponse({ type: SignedInDto, description: 'Signed in' })
  @ApiAcceptedResponse({ type: SecondFactorChallengeDto, description: 'The password is right; a code from the authenticator app is needed' })
  @ApiResponse({ status: 401, type: ErrorResponseDto, description: 'AUTH.INVALID_CREDENTIALS (an unknown email answers the same)' })
  @ApiResponse({ status: 403, type: ErrorResponseDto, description: 'AUTH.EMAIL_NOT_CONFIRMED: the emailed link was not opened yet; CROSS_SITE' })
  @tooMany('AUTH.TOO_MANY_ATTEMPTS: too many failures from this browser, or for this account from unknown browsers, or from this address')
  async login(@Req() request: FastifyRequest & { user: SignInOutcome }, @Res({ passthrough: true }) reply: FastifyReply) {
    return this.answer(request.user, reply);
  }

  @Access('account.sign-in')
  @Post('login/second-factor')
  @HttpCode(200)
  @ApiOperation({ summary: 'Finish signing in with a code from the authenticator app or a recovery code' })
  @ApiOkResponse({ type: SignedInDto })
  @ApiResponse({ status: 401, type: ErrorResponseDto, description: 'AUTH.INVALID_CODE; AUTH.CHALLENGE_EXPIRED (start again from the password)' })
  @tooMany('AUTH.TOO_MANY_ATTEMPTS: too many wrong codes')
  async secondStep(@Body() input: SecondFactorStepDto, @Req() request: FastifyRequest, @Res({ passthrough: true }) reply: FastifyReply) {
    return this.answer(await this.auth.signInSecondStep(input.challenge, input.code, this.cookies.client(request)), reply);
  }

  @Access('account.sign-up')
  @Post('signup')
  @HttpCode(202)
  @ApiOperation({
    summary: 'Sign up a representative and its community',
    description:
      'Answered the same whether or not the address has an account: a new account is confirmed by an emailed link before it can sign in; ' +
      'the owner of an address that has one is told by email.',
  })
  @ApiResponse({ status: 202, description: 'Check your email' })
  @ApiResponse({ status: 400, type: ErrorResponseDto, description: 'VALIDATION_FAILED; AUTH.WEAK_PASSWORD' })
  @tooMany('AUTH.TOO_MANY_REQUESTS: too many sign-ups from this address in an hour')
  async signup(@Body() input: SignupDto, @Req() request: FastifyRequest): Promise<void> {
    await this.auth.signup(input, this.cookies.client(request));
  }

  @Access('account.follow-link')
  @Post('email-confirmation')
  @HttpCode(204)
  @ApiOperation({ summary: 'Confirm an email address with the emailed link' })
  @ApiNoContentResponse({ description: 'Confirmed: the account may sign in' })
  @ApiResponse({ status: 400, type: ErrorResponseDto, description: 'AUTH.INVALID_LINK: used, expired or replaced' })
  async confirmEmail(@Body() input: LinkTokenDto, @Req() request: FastifyRequest): Promise<void> {
    await this.auth.confirmEmail(input.token, this.cookies.client(request));
  }

  @Access('account.follow-link')
  @Post('password-reset')
  @HttpCode(202)
  @ApiOperation({ summary: 'Ask for a password reset link', description: 'Answered the same for any address; an account gets a single-use link valid 30 minutes.' })
  @ApiResponse({ status: 202, description: 'Check your email' })
  @tooMany('AUTH.TOO_MANY_REQUESTS: too many requests from this address in an hour')
  async requestPasswordReset(@Body() input: PasswordResetRequestDto, @Req() request: FastifyRequest): Promise<void> {
    await this.auth.requestPasswordReset(input.email, this.cookies.client(request));
  }

  @Access('account.follow-link')
  @Post('password-reset/completion')
  @HttpCode(204)
  @ApiOperation({ summary: 'Choose a new password with the emailed link', description: 'Every session of the account ends.' })
  @ApiNoContentResponse({ description: 'The password is changed' })
  @ApiResponse({ status: 400, type: ErrorResponseDto, description: 'AUTH.INVALID_LINK; AUTH.WEAK_PASSWORD; VALIDATION_FAILED' })
  async resetPassword(@Body() input: PasswordResetDto, @Req() request: FastifyRequest): Promise<void> {
    await this.auth.resetPassword(input.token, input.newPassword, this.cookies.client(request));
  }

  @Access('account.follow-link')
  @Post('email-change/confirmation')
  @HttpCode(204)
  @ApiOperation({ summary: 'Move the account to a new address with the link sent there' })
  @ApiNoContentResponse({ description: 'The account uses the new address; the old one was told' })
  @ApiResponse({ status: 400, type: ErrorResponseDto, description: 'AUTH.INVALID_LINK' })
  @ApiResponse({ status: 409, type: ErrorResponseDto, description: 'AUTH.EMAIL_TAKEN: the address got an account meanwhile' })
  async confirmEmailChange(@Body() input: LinkTokenDto, @Req() request: FastifyRequest): Promise<void> {
    await this.auth.confirmEmailChange(input.token, this.cookies.client(request));
  }

  @Access('account.write')
  @Post('logout')
  @HttpCode(204)
  @ApiOperation({ summary: 'Sign out (this session)' })
  @ApiNoContentResponse({ description: 'Signed out; the cookie is cleared' })
  async logout(@CurrentViewer() viewer: Viewer, @Req() request: FastifyRequest, @Res({ passthrough: true }) reply: FastifyReply): Promise<void> {
    await this.auth.signOut(viewer, this.cookies.client(request));
    this.cookies.clearSession(reply);
  }

  @Access('account.read')
  @Get('me')
  @ApiOperation({ summary: 'The signed-in user' })
  @ApiOkResponse({ type: MeDto })
  me(@CurrentViewer() viewer: Viewer): MeDto {
    return toMe(viewer);
  }

  @Access('public.read')
  @Get('session')
  @ApiOperation({
    summary: 'Who is signed in, if anyone',
    description:
      'Signed out is an ordinary state: answered 200 with `user: null` (no session, or an ended one), so a page asking ' +
      'who reads it logs no error. GET /api/auth/me answers 401 instead, for clients that need a session.',
  })
  @ApiOkResponse({ type: SessionDto })
  session(@CurrentViewer() viewer: Viewer | null): SessionDto {
    return { user: viewer ? toMe(viewer) : null };
  }

  /** 200 with the user and the session cookie, or 202 with the second step to take. */
  private async answer(outcome: SignInOutcome, reply: FastifyReply): Promise<SignedInDto | SecondFactorChallengeDto> {
    if (outcome.kind === 'second-factor') {
      reply.status(202);
      return { challenge: outcome.challenge, expiresAt: outcome.expiresAt.toISOString() };
    }
    this.cookies.setSession(reply, outcome.session.token);
    this.cookies.setDevice(reply, outcome.deviceToken);
    const viewer = await this.sessions.viewerForSession(outcome.session.sessionId, null);
    return { user: toMe(viewer as Viewer) };
  }
}

export function toMe(viewer: Viewer): MeDto {
  return {
    id: viewer.userId,
    email: viewer.email,
    displayName: viewer.displayName,
    locale: viewer.locale,
    roles: [...viewer.roles],
    secondFactorEnabled: viewer.secondFactorEnabled,
    secondFactorRequired: requiresSecondFactor(viewer),
  };
}
