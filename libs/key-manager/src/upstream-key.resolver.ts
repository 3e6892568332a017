import { Injectable, Logger, OnApplicationShutdown, OnModuleInit } from '@nestjs/common';
import { LRUCache } from 'lru-cache';
import { AuditService, SYSTEM_ACTOR } from '@tiergate/audit';
import { DomainError, ErrorCode } from '@tiergate/common';
import { FeatureGate } from '@tiergate/flags';
import { ChangeBus } from '@tiergate/redis';
import type { ProviderKeyEntity } from './entities/provider-key.entity';
import { PROVIDER_KEYS_CHANGED, systemKeysChanged, userKeysChanged } from './key-changes';
import { ProviderKeysRepository } from './provider-keys.repository';
import { KeyRetirement } from './key-retirement';
import type { KeyLimits } from './pacing/pacer';

export type KeySource = 'system' | 'user';

/** The key one upstream call is made with. */
export interface UpstreamCredential {
  apiKey: string;
  keyId: string;
  source: KeySource;
  keyHint: string;
  /** The key's owner, for a user's own key. */
  userId: string | null;
  /** A user's key only: whether the user agreed to fall back to the platform's key. */
  fallbackToSystem: boolean;
  /** A system key's account limits, which its calls are paced to (null: a user's key). */
  limits: KeyLimits | null;
}

interface UserKey extends UpstreamCredential {
  valid: boolean;
  reason: string | null;
}

interface SystemPool {
  active: UpstreamCredential[];
  retiring: Array<UpstreamCredential & { retireAt: number }>;
}

export class UserKeyRejectedError extends DomainError {
  constructor(keyHint: string, reason: string | null) {
    super(
      ErrorCode.UserKeyRejected,
      `Your own provider key (${keyHint}) was rejected${reason ? ` (${reason})` : ''}. Replace or re-verify it ` +
        'at /api/v1/me/provider-keys, delete it to use the platform key, or allow falling back to the platform key.',
    );
  }
}

export class NoSystemKeyError extends DomainError {
  constructor(providerName: string) {
    super(
      ErrorCode.NoSystemKey,
      `No usable ${providerName} system key: an administrator must add or rotate one (/api/v1/admin/provider-keys)`,
    );
  }
}

const REFRESH_INTERVAL_MS = 30_000;
const TOUCH_INTERVAL_MS = 60_000;

/**
 * Chooses the key for each upstream call, from memory: the caller's own valid key when users may
 * bring one, else the system keys in turn (keys in their rotation grace period only when no
 * active key is left). Keys are reloaded when the change bus says so, and every 30 s.
 */
@Injectable()
export class UpstreamKeyResolver implements OnModuleInit, OnApplicationShutdown {
  private readonly logger = new Logger(UpstreamKeyResolver.name);
  /** Undefined until the first load; afterwards always the last good load. */
  private pools?: Map<string, SystemPool>;
  private readonly turn = new Map<string, number>();
  private readonly userKeys = new LRUCache<string, Map<string, UserKey>>({ max: 50_000, ttl: 5 * 60_000 });
  private readonly loadingUserKeys = new Map<string, Promise<Map<string, UserKey>>>();
  private readonly lastTouched = new Map<string, number>();
  private firstLoad?: Promise<void>;
  private refreshTimer?: NodeJS.Timeout;

  constructor(
    private readonly keys: ProviderKeysRepository,
    private readonly bus: ChangeBus,
    private readonly gate: FeatureGate,
    private readonly audit: AuditService,
    private readonly retirement: KeyRetirement,
  ) {}

  onModuleInit(): void {
    this.bus.subscribe(PROVIDER_KEYS_CHANGED, (payload) => this.onChange(payload));
    this.bus.onReconnect(() => this.onChange(systemKeysChanged(), true));
    this.refreshTimer = setInterval(() => void this.reload(), REFRESH_INTERVAL_MS).unref();
  }

  onApplicationShutdown(): void {
    clearInterval(this.refreshTimer);
  }

  /** The key for the caller's request: their own when they have a usable one, else a system key. */
  async resolve(caller: { id: string }, provider: string, providerName: string): Promise<UpstreamCredential> {
    if (this.gate.userKeysAllowed) {
      const own = (await this.userKeysOf(caller.id)).get(provider);
      if (own?.valid) return own;
      if (own && !own.fallbackToSystem) throw new UserKeyRejectedError(own.keyHint, own.reason);
    }
    return this.systemKey(provider, providerName);
  }

  /** Whether the caller's request would go out with their own key (it then spares their quota). */
  async usesOwnKey(caller: { id: string }, provider: string): Promise<boolean> {
    if (!this.gate.userKeysAllowed) return false;
    return (await this.userKeysOf(caller.id)).get(provider)?.valid === true;
  }

  /** The next system key in turn, skipping those already tried for this request. */
  async systemKey(provider: string, providerName: string, tried: ReadonlySet<string> = new Set()) {
    if (!this.pools)
      await (this.firstLoad ??= this.loadSystemPools().finally(() => (this.firstLoad = undefined)));
    const pool = this.pools!.get(provider);
    const now = Date.now();
    let candidates = pool?.active.filter((key) => !tried.has(key.keyId)) ?? [];
    if (!candidates.length)
      candidates = pool?.retiring.filter((key) => key.retireAt > now && !tried.has(key.keyId)) ?? [];
    if (!candidates.length) throw new NoSystemKeyError(providerName);
    const turn = this.turn.get(provider) ?? 0;
    this.turn.set(provider, (turn + 1) % 1_000_000);
    return candidates[turn % candidates.length];
  }

  /**
   * The upstream refused the key (401): it is marked invalid at once, here and, through the change
   * bus, on every instance, and shown as such to admins (or to its owner).
   */
  async reportRejected(credential: UpstreamCredential): Promise<void> {
    const reason = `rejected by the provider (401) at ${new Date().toISOString()}`;
    this.forget(credential);
    const changed = await this.keys.markInvalid(credential.keyId, reason);
    if (changed && credential.source === 'system') {
      this.logger.error(
        `System key ${credential.keyHint} was rejected by the provider; it is now marked invalid`,
      );
      await this.audit.record(SYSTEM_ACTOR, {
        action: 'provider_key.invalidated',
        targetType: 'provider_key',
        targetId: credential.keyId,
        after: { status: 'invalid', statusReason: reason },
      });
    }
    const topic = credential.userId ? userKeysChanged(credential.userId) : systemKeysChanged();
    await this.bus.publish(PROVIDER_KEYS_CHANGED, topic).catch(() => undefined);
  }

  /** Records that a key served a request (written at most once a minute per key). */
  markUsed(credential: UpstreamCredential): void {
    const now = Date.now();
    if (now - (this.lastTouched.get(credential.keyId) ?? 0) < TOUCH_INTERVAL_MS) return;
    this.lastTouched.set(credential.keyId, now);
    if (this.lastTouched.size > 10_000) this.lastTouched.clear();
    this.keys
      .touch(credential.keyId)
      .catch((error: Error) => this.logger.warn(`could not record key use: ${error.message}`));
  }

  private forget(credential: UpstreamCredential): void {
    for (const pool of this.pools?.values() ?? []) {
      pool.active = pool.active.filter((key) => key.keyId !== credential.keyId);
      pool.retiring = pool.retiring.filter((key) => key.keyId !== credential.keyId);
    }
    for (const keys of this.userKeys.values()) {
      const own = [...keys.values()].find((key) => key.keyId === credential.keyId);
      if (own) Object.assign(own, { valid: false, reason: 'rejected by the provider (401)' });
    }
  }

  /** Drops what is cached for a user, after their keys changed. */
  forgetUser(userId: string): void {
    this.userKeys.delete(userId);
    this.loadingUserKeys.delete(userId);
  }

  private onChange(payload: string, everything = false): void {
    if (everything) {
      this.userKeys.clear();
      this.loadingUserKeys.clear();
    }
    if (payload.startsWith('user:')) this.forgetUser(payload.slice('user:'.length));
    else void this.reload();
  }

  /** Reloads the system keys (retiring those whose grace period is over); keeps the last known on failure. */
  async reload(): Promise<void> {
    try {
      await this.retirement.retireExpired();
      await this.loadSystemPools();
    } catch (error) {
      this.logger.warn(
        `could not reload provider keys (keeping the last known): ${(error as Error).message}`,
      );
    }
  }

  private async loadSystemPools(): Promise<void> {
    const rows = await this.keys.usableSystemKeys();
    const pools = new Map<string, SystemPool>();
    for (const row of rows) {
      const pool = pools.get(row.provider) ?? { active: [], retiring: [] };
      pools.set(row.provider, pool);
      const credential = this.credentialOf(row, 'system');
      if (row.status === 'active') pool.active.push(credential);
      else pool.retiring.push({ ...credential, retireAt: row.retireAt?.getTime() ?? 0 });
    }
    this.pools = pools;
  }

  /**
   * A user's own keys, from memory; read once however many of their requests arrive together (a
   * burst of a cold user's requests must not take one pooled connection each).
   */
  private userKeysOf(userId: string): Promise<Map<string, UserKey>> {
    const cached = this.userKeys.get(userId);
    if (cached) return Promise.resolve(cached);
    const pending = this.loadingUserKeys.get(userId);
    if (pending) return pending;
    // Kept only when the user's keys did not change while they were read (forgetUser).
    const settled = () => {
      const current = this.loadingUserKeys.get(userId) === loading;
      if (current) this.loadingUserKeys.delete(userId);
      return current;
    };
    const loading: Promise<Map<string, UserKey>> = this.readUserKeys(userId).then(
      (keys) => {
        if (settled()) this.userKeys.set(userId, keys);
        return keys;
      },
      (error: unknown) => {
        settled();
        throw error;
      },
    );
    this.loadingUserKeys.set(userId, loading);
    return loading;
  }

  private async readUserKeys(userId: string): Promise<Map<string, UserKey>> {
    const rows = await this.keys.listUserKeys(userId);
    const keys = new Map<string, UserKey>();
    for (const row of rows) {
      if (keys.has(row.provider) || row.status === 'retiring') continue;
      keys.set(row.provider, {
        ...this.credentialOf(row, 'user'),
        valid: row.status === 'active',
        reason: row.statusReason,
      });
    }
    return keys;
  }

  private credentialOf(row: ProviderKeyEntity, source: KeySource): UpstreamCredential {
    return {
      apiKey: this.keys.open(row),
      keyId: row.id,
      source,
      keyHint: `…${row.last4}`,
      userId: row.userId,
      fallbackToSystem: row.fallbackToSystem,
      limits:
        source === 'system'
          ? {
              requestsPerSecond: row.requestsPerSecond,
              requestsPerMinute: row.requestsPerMinute,
              tokensPerMinute: row.tokensPerMinute,
            }
          : null,
    };
  }
}
