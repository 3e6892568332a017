import { createHash, createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { ApiConfig } from '@tiergate/config';
import { principalOf, type Principal } from './principal';
import { PrincipalCache } from './principal-cache';
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
 * Dashboard sessions: a random secret in an httpOnly cookie, looked up by its hash through the
 * principal cache; signing out (or a password change, or deactivation) ends it on every instance
 * at once (the change bus). The CSRF token is an HMAC of the session, so it needs no storage and
 * cannot be guessed from another session.
 */
@Injectable()
export class SessionsService {
  private readonly csrfKey: Buffer;

  constructor(
    private readonly sessions: SessionsRepository,
    private readonly config: ApiConfig,
    private readonly principals: PrincipalCache,
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
    const tokenHash = hashToken(token);
    const found = await this.principals.resolve(`session:${tokenHash}`, async () => {
      const live = await this.sessions.findLiveByHash(tokenHash);
      if (!live?.owner.active) return null;
      const { owner, session } = live;
      return {
        principal: principalOf(owner, 'session', { sessionId: session.id }),
        validUntil: session.expiresAt,
      };
    });
    if (!found) return null;
    return { principal: found.principal, expiresAt: found.validUntil!, csrfToken: this.csrfTokenFor(token) };
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

  /** Signs out: the session is refused on every instance from now on. */
  async end(token: string): Promise<void> {
    for (const sessionId of await this.sessions.revokeByHash(hashToken(token)))
      await this.principals.announce({ kind: 'session', sessionId });
  }

  /** Ends every session of a user but `exceptSessionId` (a password change), on every instance. */
  async endAllForUser(userId: string, exceptSessionId?: string): Promise<void> {
    await this.sessions.revokeAllForUser(userId, exceptSessionId);
    await this.principals.announce({ kind: 'sessions', userId });
  }
}
