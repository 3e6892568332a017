import type Redis from 'ioredis';

/** What the breaker says about calling a model now. */
export type BreakerDecision = 'closed' | 'probe' | 'open';

export interface BreakerSettings {
  /** Failures within the window that open the breaker. */
  failureThreshold: number;
  windowMs: number;
  /** How long an open breaker skips the model before one probe is let through. */
  cooldownMs: number;
  /** How long a probe may take before another caller may probe again. */
  probeTimeoutMs: number;
}

/** A breaker that is not closed. */
export interface OpenBreaker {
  key: string;
  /** `open`: the model is skipped; `half_open`: the cool-down is over, the next call probes it. */
  state: 'open' | 'half_open';
  /** When it (last) opened, ms since the epoch. */
  openedAt: number;
  /** When the cool-down ends and a probe may go through, ms since the epoch. */
  retryAt: number;
}

/**
 * A circuit breaker per provider and model, shared by every api instance: after repeated
 * failures the model is skipped for a cool-down, then one request probes it (half-open), and a
 * success closes it. Redis holds the state (one Lua script per step, so each is atomic and
 * uses Redis's clock); the embedded mode keeps it in memory behind the same interface. An
 * instance trusts a `closed` answer for 500 ms, so another instance's opening reaches it
 * within that time and healthy traffic makes no extra round trip.
 */
export abstract class CircuitBreakerStore {
  abstract acquire(key: string): Promise<BreakerDecision>;
  abstract recordSuccess(key: string): Promise<void>;
  /** Returns true when this failure opened (or re-opened) the breaker. */
  abstract recordFailure(key: string): Promise<boolean>;
  /** The breakers that are open or half-open now (for operators), soonest retry first. */
  abstract listOpen(): Promise<OpenBreaker[]>;
}

const byRetry = (a: OpenBreaker, b: OpenBreaker) => a.retryAt - b.retryAt || a.key.localeCompare(b.key);

const NOW_MS = `local t = redis.call('TIME'); local now = tonumber(t[1]) * 1000 + math.floor(tonumber(t[2]) / 1000)`;

const ACQUIRE = `${NOW_MS}
local openUntil = tonumber(redis.call('HGET', KEYS[1], 'open_until') or '0')
if openUntil == 0 then return 'closed' end
if now < openUntil then return 'open' end
local probeUntil = tonumber(redis.call('HGET', KEYS[1], 'probe_until') or '0')
if probeUntil > now then return 'open' end
redis.call('HSET', KEYS[1], 'probe_until', now + tonumber(ARGV[1]))
return 'probe'`;

const FAILURE = `${NOW_MS}
local window, threshold, cooldown = tonumber(ARGV[1]), tonumber(ARGV[2]), tonumber(ARGV[3])
local ttl = (window + cooldown) * 4
local openUntil = tonumber(redis.call('HGET', KEYS[1], 'open_until') or '0')
if openUntil > 0 then
  if now >= openUntil then
    redis.call('HSET', KEYS[1], 'open_until', now + cooldown, 'probe_until', 0, 'opened_at', now)
    redis.call('PEXPIRE', KEYS[1], ttl)
    return 1
  end
  return 0
end
local started = tonumber(redis.call('HGET', KEYS[1], 'window_start') or '0')
if now - started > window then redis.call('HSET', KEYS[1], 'window_start', now, 'failures', 0) end
local failures = redis.call('HINCRBY', KEYS[1], 'failures', 1)
redis.call('PEXPIRE', KEYS[1], ttl)
if failures >= threshold then
  redis.call('HSET', KEYS[1], 'open_until', now + cooldown, 'probe_until', 0, 'failures', 0, 'opened_at', now)
  return 1
end
return 0`;

/**
 * Breakers that opened are also listed in one sorted set, so operators see them without a SCAN of
 * the keyspace; members whose breaker has closed or expired are dropped when the list is read.
 * Each command touches one key (Redis Cluster can place them apart).
 */
export class RedisCircuitBreakerStore extends CircuitBreakerStore {
  constructor(
    private readonly redis: Redis,
    private readonly prefix: string,
    private readonly settings: BreakerSettings,
  ) {
    super();
  }

  async acquire(key: string): Promise<BreakerDecision> {
    return (await this.redis.eval(
      ACQUIRE,
      1,
      this.key(key),
      this.settings.probeTimeoutMs,
    )) as BreakerDecision;
  }

  async recordSuccess(key: string): Promise<void> {
    await Promise.all([this.redis.del(this.key(key)), this.redis.zrem(this.openIndex, key)]);
  }

  async recordFailure(key: string): Promise<boolean> {
    const { windowMs, failureThreshold, cooldownMs } = this.settings;
    const opened =
      (await this.redis.eval(FAILURE, 1, this.key(key), windowMs, failureThreshold, cooldownMs)) === 1;
    if (opened) await this.redis.zadd(this.openIndex, Date.now(), key).catch(() => undefined);
    return opened;
  }

  async listOpen(): Promise<OpenBreaker[]> {
    const keys = await this.redis.zrange(this.openIndex, 0, -1);
    if (!keys.length) return [];
    const [[seconds, micros], states] = await Promise.all([
      this.redis.time(),
      Promise.all(keys.map((key) => this.redis.hmget(this.key(key), 'open_until', 'opened_at'))),
    ]);
    const now = Number(seconds) * 1000 + Math.floor(Number(micros) / 1000);
    const open: OpenBreaker[] = [];
    const closed: string[] = [];
    keys.forEach((key, i) => {
      const [openUntil, openedAt] = states[i];
      const retryAt = Number(openUntil ?? 0);
      if (retryAt > 0)
        open.push({
          key,
          state: now < retryAt ? 'open' : 'half_open',
          openedAt: Number(openedAt ?? retryAt - this.settings.cooldownMs),
          retryAt,
        });
      else closed.push(key);
    });
    if (closed.length) await this.redis.zrem(this.openIndex, ...closed).catch(() => undefined);
    return open.sort(byRetry);
  }

  private key(key: string): string {
    return `${this.prefix}breaker:${key}`;
  }

  private get openIndex(): string {
    return `${this.prefix}breakers:open`;
  }
}

interface MemoryBreaker {
  openUntil: number;
  openedAt: number;
  probeUntil: number;
  windowStart: number;
  failures: number;
}

/** The embedded mode's breaker: the same rules, in one process. */
export class MemoryCircuitBreakerStore extends CircuitBreakerStore {
  private readonly breakers = new Map<string, MemoryBreaker>();

  constructor(
    private readonly settings: BreakerSettings,
    private readonly now: () => number = Date.now,
  ) {
    super();
  }

  acquire(key: string): Promise<BreakerDecision> {
    const breaker = this.breakers.get(key);
    const now = this.now();
    if (!breaker || breaker.openUntil === 0) return Promise.resolve('closed');
    if (now < breaker.openUntil || breaker.probeUntil > now) return Promise.resolve('open');
    breaker.probeUntil = now + this.settings.probeTimeoutMs;
    return Promise.resolve('probe');
  }

  recordSuccess(key: string): Promise<void> {
    this.breakers.delete(key);
    return Promise.resolve();
  }

  recordFailure(key: string): Promise<boolean> {
    const now = this.now();
    const { windowMs, failureThreshold, cooldownMs } = this.settings;
    const breaker = this.breakers.get(key) ?? {
      openUntil: 0,
      openedAt: 0,
      probeUntil: 0,
      windowStart: now,
      failures: 0,
    };
    this.breakers.set(key, breaker);
    if (breaker.openUntil > 0) {
      if (now < breaker.openUntil) return Promise.resolve(false);
      Object.assign(breaker, { openUntil: now + cooldownMs, openedAt: now, probeUntil: 0 });
      return Promise.resolve(true);
    }
    if (now - breaker.windowStart > windowMs) Object.assign(breaker, { windowStart: now, failures: 0 });
    breaker.failures += 1;
    if (breaker.failures < failureThreshold) return Promise.resolve(false);
    Object.assign(breaker, { openUntil: now + cooldownMs, openedAt: now, probeUntil: 0, failures: 0 });
    return Promise.resolve(true);
  }

  listOpen(): Promise<OpenBreaker[]> {
    const now = this.now();
    const open = [...this.breakers.entries()]
      .filter(([, breaker]) => breaker.openUntil > 0)
      .map(([key, breaker]): OpenBreaker => ({
        key,
        state: now < breaker.openUntil ? 'open' : 'half_open',
        openedAt: breaker.openedAt,
        retryAt: breaker.openUntil,
      }));
    return Promise.resolve(open.sort(byRetry));
  }
}
