import { Access } from '../access/access.decorator';
import { Body, Controller, Get, HttpCode, Post, Req, Res, UseGuards } from '@nestjs/common';
import { ApiBody, ApiCreatedResponse, ApiNoContentResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { AppConfig } from '../config/app-config';
import { AuthService } from './auth.service';
import { LoginDto, MeDto, SessionDto, SignupDto } from './dto/auth.dto';
import { LocalAuthGuard } from './local-auth.guard';
import { CurrentViewer } from './current-viewer.decorator';
import { OpenedSession, SessionsService } from './sessions.service';
import { SESSION_COOKIE } from './session-cookie';
import type { Viewer } from './viewer';

@ApiTags('auth')
@Controller('auth')
export class AuthController {
  constructor(
    private readonly auth: AuthService,
    private readonly sessions: SessionsService,
    private readonly config: AppConfig,
  ) {}

  @Access('account.sign-in')
  @UseGuards(LocalAuthGuard)
  @Post('login')
  @HttpCode(200)
  @ApiBody({ type: LoginDto })
  @ApiOkResponse({ type: SessionDto })
  async login(@Req() request: FastifyRequest & { user: { userId: string } }, @Res({ passthrough: true }) reply: FastifyReply) {
    return this.startSession(await this.sessions.open(request.user.userId), reply);
  }

  @Access('account.sign-up')
  @Post('signup')
  @ApiCreatedResponse({ type: SessionDto })
  async signup(@Body() input: SignupDto, @Res({ passthrough: true }) reply: FastifyReply) {
    return this.startSession(await this.auth.signup(input), reply);
  }

  @Access('account.write')
  @Post('logout')
  @HttpCode(204)
  @ApiNoContentResponse()
  async logout(@CurrentViewer() viewer: Viewer, @Res({ passthrough: true }) reply: FastifyReply): Promise<void> {
    await this.sessions.revoke(viewer.sessionId);
    reply.clearCookie(SESSION_COOKIE, { path: '/' });
  }

  @Access('account.read')
  @Get('me')
  @ApiOkResponse({ type: MeDto })
  me(@CurrentViewer() viewer: Viewer): MeDto {
    return toMe(viewer);
  }

  private async startSession({ sessionId, accessToken }: OpenedSession, reply: FastifyReply): Promise<SessionDto> {
    reply.setCookie(SESSION_COOKIE, accessToken, {
      httpOnly: true,
      sameSite: 'lax',
      secure: this.config.COOKIE_SECURE,
      path: '/',
      maxAge: this.config.SESSION_HOURS * 3600,
    });
    const viewer = await this.sessions.viewerForSession(sessionId);
    return { user: toMe(viewer as Viewer), accessToken };
  }
}

function toMe(viewer: Viewer): MeDto {
  return {
    id: viewer.userId,
    email: viewer.email,
    displayName: viewer.displayName,
    locale: viewer.locale,
    roles: [...viewer.roles],
  };
}
