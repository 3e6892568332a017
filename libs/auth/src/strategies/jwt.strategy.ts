import { createSecretKey } from 'node:crypto';
import { ExtractJwt, Strategy } from 'passport-jwt';
import type { ApiConfig } from '@tiergate/config';
import type { JwtClaims } from '../auth.service';
import { principalOf, type Principal } from '../principal';
import type { PrincipalCache } from '../principal-cache';
import type { UsersRepository } from '../users.repository';

export const JWT_ALGORITHM = 'HS256';
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * Access tokens: HS256 only (pinned, so `alg: none` and key-confusion tokens fail). The subject
 * is resolved through the principal cache, which every instance drops when the user is
 * deactivated or changes tier or role, so such a change applies from the next request on.
 */
export function createJwtStrategy(
  config: ApiConfig,
  users: UsersRepository,
  principals: PrincipalCache,
): Strategy {
  return new Strategy(
    {
      jwtFromRequest: ExtractJwt.fromAuthHeaderAsBearerToken(),
      // A prebuilt KeyObject: with a string, jsonwebtoken re-parses the secret on every verify
      // (it tries it as a public key first), which was the api's largest per-request cost.
      secretOrKey: createSecretKey(Buffer.from(config.auth.jwtSecret)) as unknown as string,
      algorithms: [JWT_ALGORITHM],
      ignoreExpiration: false,
    },
    (claims: JwtClaims, done: (error: unknown, user: Principal | false) => void) => {
      if (typeof claims.sub !== 'string' || !UUID.test(claims.sub)) return done(null, false);
      const id = claims.sub;
      principals
        .resolve(`user:${id}`, async () => {
          const user = await users.findActiveById(id);
          return user && { principal: principalOf(user, 'jwt') };
        })
        .then(
          (found) => done(null, found?.principal ?? false),
          (error: unknown) => done(error, false),
        );
    },
  );
}
