import { CanActivate, ExecutionContext, Injectable } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { RequestTimings, Role } from '@tiergate/common';
import { ForbiddenError, UnauthenticatedError } from './auth.errors';
import { Authenticator } from './authenticator';
import { IS_PUBLIC, REQUIRED_ROLES } from './decorators';
import type { Principal } from './principal';
import { SESSION_COOKIE } from './sessions.service';

type AuthRequest = {
  headers: Record<string, string | undefined>;
  cookies?: Record<string, string | undefined>;
  user?: Principal;
  /** Set by the HTTP edge: authentication adds its time (Server-Timing `auth`). */
  timings?: RequestTimings;
};

/** Global and secure by default: every route needs a valid access token or API key unless @Public(). */
@Injectable()
export class AuthenticationGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    private readonly authenticator: Authenticator,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    if (this.reflector.getAllAndOverride<boolean>(IS_PUBLIC, [context.getHandler(), context.getClass()]))
      return true;
    const http = context.switchToHttp();
    const request = http.getRequest<AuthRequest>();
    const started = performance.now();
    const user = await this.authenticator.authenticate(request, http.getResponse());
    if (request.timings) {
      request.timings.authStartedAt = started;
      request.timings.add('auth', started);
    }
    if (!user) {
      if (request.headers.authorization)
        throw new UnauthenticatedError('Invalid, expired or revoked credentials');
      if (request.cookies?.[SESSION_COOKIE])
        throw new UnauthenticatedError('Your session has expired or was ended: sign in again');
      throw new UnauthenticatedError();
    }
    request.user = user;
    return true;
  }
}

/** Checks @Roles() after authentication. */
@Injectable()
export class RolesGuard implements CanActivate {
  constructor(private readonly reflector: Reflector) {}

  canActivate(context: ExecutionContext): boolean {
    const roles = this.reflector.getAllAndOverride<Role[] | undefined>(REQUIRED_ROLES, [
      context.getHandler(),
      context.getClass(),
    ]);
    if (!roles?.length) return true;
    const user = context.switchToHttp().getRequest<{ user?: Principal }>().user;
    if (user && roles.includes(user.role)) return true;
    throw new ForbiddenError(`This route requires the ${roles.join(' or ')} role`);
  }
}
