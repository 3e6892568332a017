import { Injectable } from '@nestjs/common';
import { PassportStrategy } from '@nestjs/passport';
import { ExtractJwt, Strategy } from 'passport-jwt';
import { ApiConfig } from '@tiergate/config';
import type { JwtClaims } from '../auth.service';
import type { Principal } from '../principal';
import { UsersRepository } from '../users.repository';

export const JWT_ALGORITHM = 'HS256';

/** Access tokens: HS256 only (pinned, so `alg: none` and key-confusion tokens fail). */
@Injectable()
export class JwtStrategy extends PassportStrategy(Strategy, 'jwt') {
  constructor(
    config: ApiConfig,
    private readonly users: UsersRepository,
  ) {
    super({
      jwtFromRequest: ExtractJwt.fromAuthHeaderAsBearerToken(),
      secretOrKey: config.auth.jwtSecret,
      algorithms: [JWT_ALGORITHM],
      ignoreExpiration: false,
    });
  }

  /** The user is read on every request, so a deactivated or deleted user is refused at once. */
  async validate(claims: JwtClaims): Promise<Principal | false> {
    if (typeof claims.sub !== 'string') return false;
    const user = await this.users.findById(claims.sub).catch(() => null);
    if (!user?.active) return false;
    return { id: user.id, email: user.email, role: user.role, tier: user.tier, via: 'jwt' };
  }
}
