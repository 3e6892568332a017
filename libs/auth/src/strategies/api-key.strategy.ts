import { Strategy } from 'passport-http-bearer';
import { looksLikeApiKey } from '../api-key.codec';
import type { ApiKeysService } from '../api-keys.service';
import type { Principal } from '../principal';

/** Personal API keys, accepted as `Authorization: Bearer tg_...` wherever a JWT is. */
export function createApiKeyStrategy(apiKeys: ApiKeysService) {
  return new Strategy((token: string, done: (error: unknown, user: Principal | false) => void) => {
    if (!looksLikeApiKey(token)) return done(null, false);
    apiKeys.authenticate(token).then(
      (principal) => done(null, principal ?? false),
      (error: unknown) => done(error, false),
    );
  });
}
