import { createHash, createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { ApiConfig } from '@tiergate/config';
import type { Principal } from './principal';
import { SessionsRepository } from './sessions.repository';

/** The cookie that carries the session (httpOnly, SameSite=Strict) and the one that carries its CSRF token (readable by the page). */
export const SESSION_COOKIE = 'tiergate_session';
export const CSRF_COOKIE = 'tiergate_csrf';
export const CSRF_HEADER = 'x-csrf-token';

export interface StartedSession {
  /** The cookie's secret: shown to the browser once, stored only as a hash. */
  token: string;
  csrfToken: string;
  expiresAt: Date;
}

export interface ActiveSession {
  principal: Principal;
  expiresAt: Date;
  csrfToken: string;
}

const hashToken = (token: string): string => createHash('sha256').update(token).digest('hex');

/**
 * Dashboard sessions: a random secret in an httpOnly cookie, looked up by its hash, so signing out
 * (or a password change, or deactivation) ends it at once on every instance. The CSRF token is an
 * HMAC of the session, so it needs no storage and cannot be guessed from another session.
 */
@Injectable()
export class SessionsService {
  private readonly csrfKey: Buffer;

  constructor(
    private readonly sessions: SessionsRepository,
    private readonly config: ApiConfig,
  ) {
    this.csrfKey = createHmac('sha256', config.auth.jwtSecret).update('tiergate-csrf').digest();
  }

  async start(userId: string, userAgent?: string): Promise<StartedSession> {
    const token = `ses_${randomBytes(32).toString('base64url')}`;
    const expiresAt = new Date(Date.now() + this.config.auth.sessionTtlSeconds * 1000);
    await this.sessions.insert({
      userId,
      tokenHash: hashToken(token),
      expiresAt,
      userAgent: userAgent?.slice(0, 256) ?? null,
    });
    return { token, csrfToken: this.csrfTokenFor(token), expiresAt };
  }

  /** The signed-in user behind a cookie, or null when it is unknown, expired, revoked or the user is inactive. */
  async resolve(token: string): Promise<ActiveSession | null> {
    if (!token.startsWith('ses_') || token.length > 100) return null;
    const found = await this.sessions.findLiveByHash(hashToken(token));
    if (!found?.owner.active) return null;
    const { owner, session } = found;
    return {
      principal: {
        id: owner.id,
        email: owner.email,
        role: owner.role,
        tier: owner.tier,
        via: 'session',
        sessionId: session.id,
      },
      expiresAt: session.expiresAt,
      csrfToken: this.csrfTokenFor(token),
    };
  }

  csrfTokenFor(token: string): string {
    return createHmac('sha256', this.csrfKey).update(hashToken(token)).digest('base64url');
  }

  /** Whether a request's CSRF header matches its session (constant time). */
  csrfMatches(token: string, presented: string | undefined): boolean {
    if (!presented) return false;
    const expected = Buffer.from(this.csrfTokenFor(token));
    const given = Buffer.from(presented);
    return expected.length === given.length && timingSafeEqual(expected, given);
  }

  end(token: string): Promise<void> {
    return this.sessions.revokeByHash(hashToken(token));
  }

  endAllForUser(userId: string, exceptSessionId?: string): Promise<void> {
    return this.sessions.revokeAllForUser(userId, exceptSessionId);
  }
}
