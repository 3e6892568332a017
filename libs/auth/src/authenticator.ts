import { Injectable } from '@nestjs/common';
import { Passport } from 'passport';
import { ApiConfig } from '@tiergate/config';
import { ApiKeysService } from './api-keys.service';
import type { Principal } from './principal';
import { PrincipalCache } from './principal-cache';
import { createApiKeyStrategy } from './strategies/api-key.strategy';
import { createJwtStrategy } from './strategies/jwt.strategy';
import { SessionStrategy } from './strategies/session.strategy';
import { SessionsService } from './sessions.service';
import { UsersRepository } from './users.repository';

type PassportRequest = { headers: Record<string, unknown> };

const asError = (value: unknown): Error => (value instanceof Error ? value : new Error(String(value)));

/**
 * passport-jwt and passport-http-bearer on a Passport instance owned by this app (not passport's
 * global singleton), so several api instances can live in one process without sharing strategies.
 * API keys are tried first (they are recognisable by their prefix), then access tokens, then the
 * dashboard's session cookie.
 */
@Injectable()
export class Authenticator {
  private readonly passport = new Passport();

  constructor(
    config: ApiConfig,
    users: UsersRepository,
    apiKeys: ApiKeysService,
    sessions: SessionsService,
    principals: PrincipalCache,
  ) {
    this.passport.use('api-key', createApiKeyStrategy(apiKeys));
    this.passport.use('jwt', createJwtStrategy(config, users, principals));
    this.passport.use('session', new SessionStrategy(sessions));
  }

  authenticate(request: PassportRequest, response: unknown): Promise<Principal | false> {
    return new Promise((resolve, reject) => {
      const middleware = this.passport.authenticate(
        ['api-key', 'jwt', 'session'],
        { session: false },
        (error: unknown, user: Principal | false) =>
          error ? reject(asError(error)) : resolve(user || false),
      ) as (req: unknown, res: unknown, next: (error?: unknown) => void) => void;
      middleware(request, response, (error?: unknown) => reject(asError(error ?? 'passport called next()')));
    });
  }
}
