import { defineScript, type RedisConnection } from '@tiergate/redis';

/** What the breaker says about calling a model now. */
export type BreakerDecision = 'closed' | 'probe' | 'open';

export interface BreakerSettings {
  /** Failures within the window that open the breaker. */
  failureThreshold: number;
  windowMs: number;
  /** The first cool-down: how long an opened breaker skips the model before one probe is let through. */
  cooldownMs: number;
  /**
   * Each failed probe doubles the cool-down, up to this cap; a success starts again from
   * `cooldownMs`. Omitted (or below `cooldownMs`): the cool-down stays `cooldownMs`.
   */
  maxCooldownMs?: number;
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
 * A circuit breaker per provider and model, shared by every api instance. After repeated failures
 * the model is skipped for a short cool-down, then one request probes it (half-open): a success
 * closes the breaker, a failure opens it again for twice the last cool-down (up to a cap), so a
 * model that recovers is used again within seconds and one that stays down is probed ever more
 * gently. Redis holds each breaker in ONE hash (one Lua script per step, atomic and on Redis's
 * clock, and Cluster-safe: a script touches one key); the embedded mode keeps the same rules in
 * memory behind the same interface.
 */
export abstract class CircuitBreakerStore {
  /** The decision for a call about to be made; `probe` reserves the one probe for the caller. */
  abstract acquire(key: string): Promise<BreakerDecision>;
  /** What `acquire` would answer now, without reserving a probe (to decide whether to retry). */
  abstract peek(key: string): Promise<BreakerDecision>;
  abstract recordSuccess(key: string): Promise<void>;
  /** Returns true when this failure opened (or re-opened) the breaker. */
  abstract recordFailure(key: string): Promise<boolean>;
  /** A probe that ended without saying anything about the model (the caller left): the next call may probe. */
  abstract releaseProbe(key: string): Promise<void>;
  /** The breakers that are open or half-open now (for operators), soonest retry first. */
  abstract listOpen(): Promise<OpenBreaker[]>;
}

/** The cap of the growing cool-down (never below the first one). */
export function cooldownCap(settings: BreakerSettings): number {
  return Math.max(settings.cooldownMs, settings.maxCooldownMs ?? settings.cooldownMs);
}

/** The cool-down after a failed probe: twice the last one, capped. */
export function nextCooldown(last: number, settings: BreakerSettings): number {
  return Math.min(cooldownCap(settings), Math.max(last, settings.cooldownMs) * 2);
}

const byRetry = (a: OpenBreaker, b: OpenBreaker) => a.retryAt - b.retryAt || a.key.localeCompare(b.key);

const NOW_MS = `local t = redis.call('TIME'); local now = tonumber(t[1]) * 1000 + math.floor(tonumber(t[2]) / 1000)`;

/** ARGV[1]: 1 to reserve the probe (acquire), 0 to only look (peek); ARGV[2]: the probe timeout. */
const ACQUIRE = `${NOW_MS}
if redis.call('EXISTS', KEYS[1]) == 0 then return 'clean' end
local openUntil = tonumber(redis.call('HGET', KEYS[1], 'open_until') or '0')
if openUntil == 0 then return 'closed' end
if now < openUntil then return 'open' end
local probeUntil = tonumber(redis.call('HGET', KEYS[1], 'probe_until') or '0')
if probeUntil > now then return 'open' end
if ARGV[1] == '1' then redis.call('HSET', KEYS[1], 'probe_until', now + tonumber(ARGV[2])) end
return 'probe'`;

/** ARGV: window, threshold, first cool-down, cool-down cap. */
const FAILURE = `${NOW_MS}
local window, threshold, first, cap = tonumber(ARGV[1]), tonumber(ARGV[2]), tonumber(ARGV[3]), tonumber(ARGV[4])
local ttl = (window + cap) * 4 -- as stateTtl()
local openUntil = tonumber(redis.call('HGET', KEYS[1], 'open_until') or '0')
if openUntil > 0 then
  if now >= openUntil then
    local last = tonumber(redis.call('HGET', KEYS[1], 'cooldown') or '0')
    local cooldown = math.min(cap, math.max(last, first) * 2)
    redis.call('HSET', KEYS[1], 'open_until', now + cooldown, 'probe_until', 0, 'opened_at', now, 'cooldown', cooldown)
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
  redis.call('HSET', KEYS[1], 'open_until', now + first, 'probe_until', 0, 'failures', 0, 'opened_at', now, 'cooldown', first)
  return 1
end
return 0`;

const RELEASE = `if redis.call('EXISTS', KEYS[1]) == 1 then redis.call('HSET', KEYS[1], 'probe_until', 0) end
return 0`;

/**
 * Breakers that opened are also listed in one sorted set, so operators see them without a SCAN of
 * the keyspace; members whose breaker has closed or expired are dropped when the list is read.
 * Each command touches one key (Redis Cluster can place them apart).
 */
export class RedisCircuitBreakerStore extends CircuitBreakerStore {
  private readonly decideScript;
  private readonly failureScript;
  private readonly releaseScript;
  /** Breakers this instance last saw without any state (no failures, never opened). */
  private readonly clean = new Set<string>();

  constructor(
    private readonly redis: RedisConnection,
    private readonly prefix: string,
    private readonly settings: BreakerSettings,
  ) {
    super();
    this.decideScript = defineScript(redis, 'tiergateBreakerDecide', ACQUIRE, 1);
    this.failureScript = defineScript(redis, 'tiergateBreakerFailure', FAILURE, 1);
    this.releaseScript = defineScript(redis, 'tiergateBreakerRelease', RELEASE, 1);
  }

  acquire(key: string): Promise<BreakerDecision> {
    return this.decide(key, true);
  }

  peek(key: string): Promise<BreakerDecision> {
    return this.decide(key, false);
  }

  async recordSuccess(key: string): Promise<void> {
    // Nothing to reset when the last look found no state and no failure was recorded here since:
    // the healthy path makes one round trip for the breaker, not three.
    if (this.clean.has(key)) return;
    await Promise.all([this.redis.del(this.key(key)), this.redis.zrem(this.openIndex, key)]);
    this.clean.add(key);
  }

  async recordFailure(key: string): Promise<boolean> {
    this.clean.delete(key);
    const { windowMs, failureThreshold, cooldownMs } = this.settings;
    const cap = cooldownCap(this.settings);
    const opened =
      (await this.failureScript(this.key(key), windowMs, failureThreshold, cooldownMs, cap)) === 1;
    if (opened) await this.redis.zadd(this.openIndex, Date.now(), key).catch(() => undefined);
    return opened;
  }

  async releaseProbe(key: string): Promise<void> {
    await this.releaseScript(this.key(key));
  }

  async listOpen(): Promise<OpenBreaker[]> {
    const keys = await this.redis.zrange(this.openIndex, 0, -1);
    if (!keys.length) return [];
    const [[seconds, micros], states] = await Promise.all([
      this.redis.time(),
      Promise.all(keys.map((key) => this.redis.hmget(this.key(key), 'open_until', 'opened_at', 'cooldown'))),
    ]);
    const now = Number(seconds) * 1000 + Math.floor(Number(micros) / 1000);
    const open: OpenBreaker[] = [];
    const closed: string[] = [];
    keys.forEach((key, i) => {
      const [openUntil, openedAt, cooldown] = states[i];
      const retryAt = Number(openUntil ?? 0);
      if (retryAt > 0)
        open.push({
          key,
          state: now < retryAt ? 'open' : 'half_open',
          openedAt: Number(openedAt ?? retryAt - Number(cooldown ?? this.settings.cooldownMs)),
          retryAt,
        });
      else closed.push(key);
    });
    if (closed.length) await this.redis.zrem(this.openIndex, ...closed).catch(() => undefined);
    return open.sort(byRetry);
  }

  private async decide(key: string, reserve: boolean): Promise<BreakerDecision> {
    const decision = (await this.decideScript(
      this.key(key),
      reserve ? 1 : 0,
      this.settings.probeTimeoutMs,
    )) as BreakerDecision | 'clean';
    if (decision !== 'clean') {
      this.clean.delete(key);
      return decision;
    }
    this.clean.add(key);
    return 'closed';
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
  /** The cool-down of the current opening (doubles on each re-opening). */
  cooldown: number;
  /** Forgotten after this (the Redis key's expiry: a breaker left alone long enough starts afresh). */
  expiresAt: number;
}

/** How long a breaker's state outlives its last failure (as the Redis key's PEXPIRE). */
function stateTtl(settings: BreakerSettings): number {
  return (settings.windowMs + cooldownCap(settings)) * 4;
}

/** The embedded mode's breaker: the same rules, in one process, on an injectable clock. */
export class MemoryCircuitBreakerStore extends CircuitBreakerStore {
  private readonly breakers = new Map<string, MemoryBreaker>();

  constructor(
    private readonly settings: BreakerSettings,
    private readonly now: () => number = Date.now,
  ) {
    super();
  }

  acquire(key: string): Promise<BreakerDecision> {
    const decision = this.decision(key);
    if (decision === 'probe') this.breakers.get(key)!.probeUntil = this.now() + this.settings.probeTimeoutMs;
    return Promise.resolve(decision);
  }

  peek(key: string): Promise<BreakerDecision> {
    return Promise.resolve(this.decision(key));
  }

  recordSuccess(key: string): Promise<void> {
    this.breakers.delete(key);
    return Promise.resolve();
  }

  recordFailure(key: string): Promise<boolean> {
    const now = this.now();
    const { windowMs, failureThreshold, cooldownMs } = this.settings;
    const breaker = this.current(key, now) ?? {
      openUntil: 0,
      openedAt: 0,
      probeUntil: 0,
      windowStart: now,
      failures: 0,
      cooldown: 0,
      expiresAt: 0,
    };
    this.breakers.set(key, breaker);
    if (breaker.openUntil > 0) {
      if (now < breaker.openUntil) return Promise.resolve(false);
      const cooldown = nextCooldown(breaker.cooldown, this.settings);
      Object.assign(breaker, { openUntil: now + cooldown, openedAt: now, probeUntil: 0, cooldown });
      breaker.expiresAt = now + stateTtl(this.settings);
      return Promise.resolve(true);
    }
    breaker.expiresAt = now + stateTtl(this.settings);
    if (now - breaker.windowStart > windowMs) Object.assign(breaker, { windowStart: now, failures: 0 });
    breaker.failures += 1;
    if (breaker.failures < failureThreshold) return Promise.resolve(false);
    Object.assign(breaker, {
      openUntil: now + cooldownMs,
      openedAt: now,
      probeUntil: 0,
      failures: 0,
      cooldown: cooldownMs,
    });
    return Promise.resolve(true);
  }

  releaseProbe(key: string): Promise<void> {
    const breaker = this.current(key, this.now());
    if (breaker) breaker.probeUntil = 0;
    return Promise.resolve();
  }

  listOpen(): Promise<OpenBreaker[]> {
    const now = this.now();
    const open = [...this.breakers.keys()]
      .flatMap((key) => {
        const breaker = this.current(key, now);
        return breaker ? [[key, breaker] as const] : [];
      })
      .filter(([, breaker]) => breaker.openUntil > 0)
      .map(([key, breaker]): OpenBreaker => ({
        key,
        state: now < breaker.openUntil ? 'open' : 'half_open',
        openedAt: breaker.openedAt,
        retryAt: breaker.openUntil,
      }));
    return Promise.resolve(open.sort(byRetry));
  }

  private decision(key: string): BreakerDecision {
    const now = this.now();
    const breaker = this.current(key, now);
    if (!breaker || breaker.openUntil === 0) return 'closed';
    if (now < breaker.openUntil || breaker.probeUntil > now) return 'open';
    return 'probe';
  }

  /** The breaker's state, unless it has expired. */
  private current(key: string, now: number): MemoryBreaker | undefined {
    const breaker = this.breakers.get(key);
    if (breaker && now >= breaker.expiresAt) {
      this.breakers.delete(key);
      return undefined;
    }
    return breaker;
  }
}
