import { CanActivate, ExecutionContext, Injectable } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { AuthGuard } from '@nestjs/passport';
import type { Role } from '@tiergate/common';
import { ForbiddenError, UnauthenticatedError } from './auth.errors';
import { IS_PUBLIC, REQUIRED_ROLES } from './decorators';
import type { Principal } from './principal';

/**
 * Global and secure by default: every route needs a valid access token or API key unless it is
 * marked @Public(). API keys are tried first (they are recognisable by their prefix).
 */
@Injectable()
export class AuthenticationGuard extends AuthGuard(['api-key', 'jwt']) {
  constructor(private readonly reflector: Reflector) {
    super();
  }

  override canActivate(context: ExecutionContext) {
    const isPublic = this.reflector.getAllAndOverride<boolean>(IS_PUBLIC, [context.getHandler(), context.getClass()]);
    return isPublic ? true : super.canActivate(context);
  }

  override handleRequest<T = Principal>(error: unknown, user: T | false, _info: unknown, context: ExecutionContext): T {
    if (error) throw error;
    if (user) return user;
    const header = context.switchToHttp().getRequest<{ headers: Record<string, string | undefined> }>().headers
      .authorization;
    throw header
      ? new UnauthenticatedError('Invalid, expired or revoked credentials')
      : new UnauthenticatedError();
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
