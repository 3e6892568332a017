import type { Role, Tier } from '@tiergate/common';

/** Who is calling: attached to the request by the auth guard, read with @CurrentUser(). */
export interface Principal {
  id: string;
  email: string;
  role: Role;
  tier: Tier;
  /** How the caller authenticated; `apiKeyId` is set for personal API keys. */
  via: 'jwt' | 'api_key';
  apiKeyId?: string;
}
