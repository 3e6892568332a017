import type { RedisConnection } from './redis-client';

/** A count in a fixed window and the seconds until the window ends. */
export interface AttemptCount {
  count: number;
  resetInSeconds: number;
}

/**
 * Counts events per key in a fixed window, shared by every api instance (Redis) or by one
 * process (embedded mode): failed sign-ins per account and per address.
 */
export abstract class AttemptCounter {
  /** Adds one and returns the new count; the window starts with the first event. */
  abstract increment(key: string, windowSeconds: number): Promise<AttemptCount>;
  abstract peek(key: string): Promise<AttemptCount>;
  abstract reset(key: string): Promise<void>;
}

export class RedisAttemptCounter extends AttemptCounter {
  constructor(
    private readonly redis: RedisConnection,
    private readonly prefix = '',
  ) {
    super();
  }

  async increment(key: string, windowSeconds: number): Promise<AttemptCount> {
    const name = this.prefix + key;
    const results = await this.redis.multi().incr(name).expire(name, windowSeconds, 'NX').ttl(name).exec();
    const [[, count], , [, ttl]] = results as [[null, number], unknown, [null, number]];
    return { count, resetInSeconds: Math.max(ttl, 0) };
  }

  async peek(key: string): Promise<AttemptCount> {
    const name = this.prefix + key;
    const [[, count], [, ttl]] = (await this.redis.multi().get(name).ttl(name).exec()) as [
      [null, string | null],
      [null, number],
    ];
    return { count: Number(count ?? 0), resetInSeconds: Math.max(ttl, 0) };
  }

  async reset(key: string): Promise<void> {
    await this.redis.del(this.prefix + key);
  }
}

/** The embedded mode's stand-in: a Map of windows, bounded in size. */
export class MemoryAttemptCounter extends AttemptCounter {
  private readonly windows = new Map<string, { count: number; endsAt: number }>();

  constructor(
    private readonly now: () => number = Date.now,
    private readonly maxKeys = 100_000,
  ) {
    super();
  }

  increment(key: string, windowSeconds: number): Promise<AttemptCount> {
    let window = this.live(key);
    if (!window) {
      window = { count: 0, endsAt: this.now() + windowSeconds * 1000 };
      this.windows.set(key, window);
      if (this.windows.size > this.maxKeys) this.windows.delete(this.windows.keys().next().value!);
    }
    window.count += 1;
    return Promise.resolve(this.describe(window));
  }

  peek(key: string): Promise<AttemptCount> {
    const window = this.live(key);
    return Promise.resolve(window ? this.describe(window) : { count: 0, resetInSeconds: 0 });
  }

  reset(key: string): Promise<void> {
    this.windows.delete(key);
    return Promise.resolve();
  }

  private live(key: string) {
    const window = this.windows.get(key);
    if (window && window.endsAt <= this.now()) this.windows.delete(key);
    return window && window.endsAt > this.now() ? window : undefined;
  }

  private describe(window: { count: number; endsAt: number }): AttemptCount {
    return { count: window.count, resetInSeconds: Math.ceil((window.endsAt - this.now()) / 1000) };
  }
}
