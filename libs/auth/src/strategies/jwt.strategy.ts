import { createSecretKey } from 'node:crypto';
import { ExtractJwt, Strategy } from 'passport-jwt';
import type { ApiConfig } from '@tiergate/config';
import type { JwtClaims } from '../auth.service';
import type { Principal } from '../principal';
import type { UsersRepository } from '../users.repository';

export const JWT_ALGORITHM = 'HS256';
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * Access tokens: HS256 only (pinned, so `alg: none` and key-confusion tokens fail). The user is
 * read on every request, so a deactivated or deleted user is refused at once.
 */
export function createJwtStrategy(config: ApiConfig, users: UsersRepository): Strategy {
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
      users.findActiveById(claims.sub).then(
        (user) =>
          done(
            null,
            user ? { id: user.id, email: user.email, role: user.role, tier: user.tier, via: 'jwt' } : false,
          ),
        (error: unknown) => done(error, false),
      );
    },
  );
}
