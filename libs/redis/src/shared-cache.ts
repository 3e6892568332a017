import { systemClock, type Clock } from '@tiergate/common';
import type { RedisConnection } from './redis-client';

/**
 * A small string cache shared by every api instance (Redis), or by one process (embedded mode).
 * Callers treat a failure to read as a miss and a failure to write as harmless.
 */
export abstract class SharedCache {
  abstract get(key: string): Promise<string | undefined>;
  abstract set(key: string, value: string, ttlSeconds: number): Promise<void>;
}

export class RedisSharedCache extends SharedCache {
  constructor(
    private readonly redis: RedisConnection,
    private readonly prefix = '',
  ) {
    super();
  }

  async get(key: string): Promise<string | undefined> {
    return (await this.redis.get(this.prefix + key)) ?? undefined;
  }

  async set(key: string, value: string, ttlSeconds: number): Promise<void> {
    await this.redis.set(this.prefix + key, value, 'EX', ttlSeconds);
  }
}

/** The embedded mode's stand-in: a Map with expiry, bounded in size. */
export class MemorySharedCache extends SharedCache {
  private readonly entries = new Map<string, { value: string; expiresAt: number }>();

  constructor(
    private readonly maxEntries = 10_000,
    private readonly clock: Clock = systemClock,
  ) {
    super();
  }

  get(key: string): Promise<string | undefined> {
    const entry = this.entries.get(key);
    if (!entry || entry.expiresAt > this.clock.now()) return Promise.resolve(entry?.value);
    this.entries.delete(key);
    return Promise.resolve(undefined);
  }

  set(key: string, value: string, ttlSeconds: number): Promise<void> {
    this.entries.delete(key);
    this.entries.set(key, { value, expiresAt: this.clock.now() + ttlSeconds * 1000 });
    if (this.entries.size > this.maxEntries) this.entries.delete(this.entries.keys().next().value!);
    return Promise.resolve();
  }
}
