import type { FastifyReply, FastifyRequest } from 'fastify';
import { CSRF_COOKIE, SESSION_COOKIE, type StartedSession } from '@tiergate/auth';

/** Secure whenever the browser reached us over https (directly or through a proxy that says so). */
const isHttps = (request: FastifyRequest): boolean => request.protocol === 'https';

export function setSessionCookies(
  request: FastifyRequest,
  reply: FastifyReply,
  session: StartedSession,
): void {
  const common = {
    path: '/',
    sameSite: 'strict' as const,
    secure: isHttps(request),
    expires: session.expiresAt,
  };
  void reply.setCookie(SESSION_COOKIE, session.token, { ...common, httpOnly: true });
  // Readable by the dashboard's own scripts (same origin only), echoed in x-csrf-token.
  void reply.setCookie(CSRF_COOKIE, session.csrfToken, { ...common, httpOnly: false });
}

export function clearSessionCookies(reply: FastifyReply): void {
  void reply.clearCookie(SESSION_COOKIE, { path: '/' });
  void reply.clearCookie(CSRF_COOKIE, { path: '/' });
}
