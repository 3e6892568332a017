import { Injectable, Logger } from '@nestjs/common';
import { DomainError, ErrorCode, NotFoundError } from '@tiergate/common';
import { generateApiKey, hashApiKey } from './api-key.codec';
import { ApiKeysRepository } from './api-keys.repository';
import { ApiKeyEntity } from './entities/api-key.entity';
import { principalOf, type Principal } from './principal';
import { PrincipalCache } from './principal-cache';

/** How often `last_used_at` is written for a key that is used continuously. */
const TOUCH_INTERVAL_MS = 60_000;
const MAX_KEYS_PER_USER = 50;

export interface CreatedApiKey {
  key: ApiKeyEntity;
  /** Shown to the user once, never stored. */
  secret: string;
}

@Injectable()
export class ApiKeysService {
  private readonly logger = new Logger(ApiKeysService.name);
  private readonly lastTouched = new Map<string, number>();

  constructor(
    private readonly keys: ApiKeysRepository,
    private readonly principals: PrincipalCache,
  ) {}

  async create(userId: string, name: string): Promise<CreatedApiKey> {
    const existing = await this.keys.listForUser(userId);
    if (existing.filter((k) => !k.revokedAt).length >= MAX_KEYS_PER_USER) {
      throw new DomainError(
        ErrorCode.LimitReached,
        `You already have ${MAX_KEYS_PER_USER} active API keys; revoke one before creating another`,
      );
    }
    const generated = generateApiKey();
    const key = await this.keys.insert({ userId, name, prefix: generated.prefix, keyHash: generated.hash });
    return { key, secret: generated.secret };
  }

  list(userId: string): Promise<ApiKeyEntity[]> {
    return this.keys.listForUser(userId);
  }

  /** Revokes the key; it is refused on every instance within a second (the change bus). */
  async revoke(userId: string, id: string): Promise<void> {
    if (!(await this.keys.revoke(userId, id))) throw new NotFoundError('API key', 'id');
    await this.principals.announce({ kind: 'api_key', apiKeyId: id });
  }

  /**
   * The caller behind a secret that is a valid, unrevoked key of an active user, from the
   * principal cache (the database only on a miss). Records the key's use at most once a minute.
   */
  async authenticate(secret: string): Promise<Principal | null> {
    const keyHash = hashApiKey(secret);
    const found = await this.principals.resolve(`api_key:${keyHash}`, async () => {
      const row = await this.keys.findActiveByHash(keyHash);
      if (!row?.owner.active) return null;
      const { owner, key } = row;
      return { principal: principalOf(owner, 'api_key', { apiKeyId: key.id }) };
    });
    if (found) this.recordUse(found.principal.apiKeyId!);
    return found?.principal ?? null;
  }

  /** Fire and forget, off the request path; skipped while the database is known to be down. */
  private recordUse(id: string): void {
    if (this.principals.databaseDown) return;
    const now = Date.now();
    if (now - (this.lastTouched.get(id) ?? 0) < TOUCH_INTERVAL_MS) return;
    this.lastTouched.set(id, now);
    if (this.lastTouched.size > 10_000) this.lastTouched.clear();
    this.keys
      .touch(id)
      .catch((error: Error) => this.logger.warn(`could not record API key use: ${error.message}`));
  }
}
