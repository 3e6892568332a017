import { Strategy } from 'passport-strategy';
import { CsrfFailedError } from '../auth.errors';
import { CSRF_HEADER, SESSION_COOKIE, type SessionsService } from '../sessions.service';

type CookieRequest = {
  method?: string;
  headers: Record<string, unknown>;
  cookies?: Record<string, string | undefined>;
};

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/**
 * The dashboard's cookie session. Tried after the bearer strategies, so an Authorization header
 * always wins. A state-changing request must carry the session's CSRF token in `x-csrf-token`
 * (the cookie is SameSite=Strict as well: two independent defences).
 */
export class SessionStrategy extends Strategy {
  name = 'session';

  constructor(private readonly sessions: SessionsService) {
    super();
  }

  override authenticate(request: CookieRequest): void {
    const token = request.cookies?.[SESSION_COOKIE];
    if (!token) return this.fail(401);
    this.sessions.resolve(token).then(
      (active) => {
        if (!active) return this.fail(401);
        if (!SAFE_METHODS.has(request.method ?? 'GET')) {
          const presented = request.headers[CSRF_HEADER];
          if (!this.sessions.csrfMatches(token, typeof presented === 'string' ? presented : undefined))
            return this.error(new CsrfFailedError());
        }
        this.success(active.principal);
      },
      (error: unknown) => this.error(error instanceof Error ? error : new Error(String(error))),
    );
  }
}
