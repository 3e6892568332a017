import { Injectable, Logger } from '@nestjs/common';
import { DomainError, ErrorCode, NotFoundError } from '@tiergate/common';
import { generateApiKey, hashApiKey } from './api-key.codec';
import { ApiKeysRepository, ApiKeyWithOwner } from './api-keys.repository';
import { ApiKeyEntity } from './entities/api-key.entity';

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

  constructor(private readonly keys: ApiKeysRepository) {}

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

  async revoke(userId: string, id: string): Promise<void> {
    if (!(await this.keys.revoke(userId, id))) throw new NotFoundError('API key', 'id');
  }

  /** The key's owner when the secret is a valid, unrevoked key. Records its use at most once a minute. */
  async authenticate(secret: string): Promise<ApiKeyWithOwner | null> {
    const found = await this.keys.findActiveByHash(hashApiKey(secret));
    if (found) this.recordUse(found.key.id);
    return found;
  }

  private recordUse(id: string): void {
    const now = Date.now();
    if (now - (this.lastTouched.get(id) ?? 0) < TOUCH_INTERVAL_MS) return;
    this.lastTouched.set(id, now);
    if (this.lastTouched.size > 10_000) this.lastTouched.clear();
    this.keys
      .touch(id)
      .catch((error: Error) => this.logger.warn(`could not record API key use: ${error.message}`));
  }
}
