import { Injectable } from '@nestjs/common';
import { PassportStrategy } from '@nestjs/passport';
import { Strategy } from 'passport-http-bearer';
import { looksLikeApiKey } from '../api-key.codec';
import { ApiKeysService } from '../api-keys.service';
import type { Principal } from '../principal';

/** Personal API keys, accepted as `Authorization: Bearer tg_...` wherever a JWT is. */
@Injectable()
export class ApiKeyStrategy extends PassportStrategy(Strategy, 'api-key') {
  constructor(private readonly apiKeys: ApiKeysService) {
    super();
  }

  async validate(token: string): Promise<Principal | false> {
    if (!looksLikeApiKey(token)) return false;
    const found = await this.apiKeys.authenticate(token);
    if (!found?.owner.active) return false;
    const { owner, key } = found;
    return { id: owner.id, email: owner.email, role: owner.role, tier: owner.tier, via: 'api_key', apiKeyId: key.id };
  }
}
