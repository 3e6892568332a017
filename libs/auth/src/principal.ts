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
