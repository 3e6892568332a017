import { Body, Controller, Delete, Get, Headers, HttpCode, Post, Req, Res } from '@nestjs/common';
import { ApiCookieAuth, ApiNoContentResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { FastifyReply, FastifyRequest } from 'fastify';
import {
  AuthService,
  CurrentUser,
  Public,
  SESSION_COOKIE,
  SessionsService,
  type Principal,
} from '@tiergate/auth';
import { ApiErrors } from '../http/api-responses';
import { UserDto } from '../me/dto/user.dto';
import { LoginDto } from './dto/credentials.dto';
import { SessionDto } from './dto/session.dto';
import { clearSessionCookies, setSessionCookies } from './session-cookies';

/**
 * The dashboard's sign-in: an httpOnly, SameSite=Strict session cookie (never a token in
 * localStorage) and a CSRF token for state-changing requests. Bearer tokens and API keys are
 * unaffected.
 */
@ApiTags('auth')
@Controller('api/v1/auth/session')
export class SessionController {
  constructor(
    private readonly auth: AuthService,
    private readonly sessions: SessionsService,
  ) {}

  @Public()
  @Post()
  @HttpCode(200)
  @ApiOperation({ summary: 'Sign in to the dashboard: sets the session cookie' })
  @ApiOkResponse({ type: SessionDto })
  @ApiErrors(400, 401)
  async signIn(
    @Body() body: LoginDto,
    @Headers('user-agent') userAgent: string | undefined,
    @Req() request: FastifyRequest,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<SessionDto> {
    const user = await this.auth.verifyCredentials(body.email, body.password, request.ip);
    const started = await this.sessions.start(user.id, userAgent);
    setSessionCookies(request, reply, started);
    return {
      user: UserDto.from(user),
      expires_at: started.expiresAt.toISOString(),
      csrf_token: started.csrfToken,
    };
  }

  @Get()
  @ApiCookieAuth()
  @ApiOperation({ summary: 'The signed-in session (401 when there is none)' })
  @ApiOkResponse({ type: SessionDto })
  @ApiErrors(401)
  async current(@Req() request: FastifyRequest, @CurrentUser() user: Principal): Promise<SessionDto> {
    const active = await this.sessions.resolve(request.cookies[SESSION_COOKIE] ?? '');
    return {
      user: UserDto.from(user),
      expires_at: (active?.expiresAt ?? new Date()).toISOString(),
      csrf_token: active?.csrfToken ?? '',
    };
  }

  @Delete()
  @HttpCode(204)
  @ApiCookieAuth()
  @ApiOperation({ summary: 'Sign out: ends the session on every instance and clears the cookies' })
  @ApiNoContentResponse()
  async signOut(
    @Req() request: FastifyRequest,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<void> {
    const token = request.cookies[SESSION_COOKIE];
    if (token) await this.sessions.end(token);
    clearSessionCookies(reply);
  }
}
