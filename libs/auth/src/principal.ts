import type { Role, Tier } from '@tiergate/common';

/** Who is calling: attached to the request by the auth guard, read with @CurrentUser(). */
export interface Principal {
  id: string;
  email: string;
  role: Role;
  tier: Tier;
  /** How the caller authenticated; `apiKeyId` is set for personal API keys, `sessionId` for the dashboard. */
  via: 'jwt' | 'api_key' | 'session';
  apiKeyId?: string;
  /** Set for dashboard sessions (cookie). */
  sessionId?: string;
}

/** The principal of an active user, authenticated `via` a JWT, an API key or a dashboard session. */
export function principalOf(
  user: Pick<Principal, 'id' | 'email' | 'role' | 'tier'>,
  via: Principal['via'],
  credential: Pick<Principal, 'apiKeyId' | 'sessionId'> = {},
): Principal {
  return { id: user.id, email: user.email, role: user.role, tier: user.tier, via, ...credential };
}
