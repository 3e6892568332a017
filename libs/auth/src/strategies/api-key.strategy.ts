import { Strategy } from 'passport-http-bearer';
import { looksLikeApiKey } from '../api-key.codec';
import type { ApiKeysService } from '../api-keys.service';
import type { Principal } from '../principal';

/** Personal API keys, accepted as `Authorization: Bearer tg_...` wherever a JWT is. */
export function createApiKeyStrategy(apiKeys: ApiKeysService) {
  return new Strategy((token: string, done: (error: unknown, user: Principal | false) => void) => {
    if (!looksLikeApiKey(token)) return done(null, false);
    apiKeys.authenticate(token).then(
      (found) =>
        done(
          null,
          found?.owner.active
            ? {
                id: found.owner.id,
                email: found.owner.email,
                role: found.owner.role,
                tier: found.owner.tier,
                via: 'api_key',
                apiKeyId: found.key.id,
              }
            : false,
        ),
      (error: unknown) => done(error, false),
    );
  });
}
