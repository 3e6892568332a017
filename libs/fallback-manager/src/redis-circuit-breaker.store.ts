import { systemClock, withTimeout, type Clock } from '@tiergate/common';
import { defineScript, type ChangeBus, type RedisConnection } from '@tiergate/redis';
import {
  CircuitBreakerStore,
  type BreakerDecision,
  type BreakerSettings,
  type OpenBreaker,
} from './circuit-breaker';
import { byRetry, cooldownCap } from './circuit-breaker.policy';

/**
 * ARGV[1]: 1 to reserve the probe (acquire), 0 to only look (peek); ARGV[2]: the probe timeout;
 * ARGV[3]: now (ms since the epoch, the instance's clock).
 */
const ACQUIRE = `local now = tonumber(ARGV[3])
if redis.call('EXISTS', KEYS[1]) == 0 then return 'clean' end
local openUntil = tonumber(redis.call('HGET', KEYS[1], 'open_until') or '0')
if openUntil == 0 then return 'closed' end
if now < openUntil then return 'open' end
local probeUntil = tonumber(redis.call('HGET', KEYS[1], 'probe_until') or '0')
if probeUntil > now then return 'open' end
if ARGV[1] == '1' then redis.call('HSET', KEYS[1], 'probe_until', now + tonumber(ARGV[2])) end
return 'probe'`;

/** ARGV: window, threshold, first cool-down, cool-down cap, now (the instance's clock). */
const FAILURE = `local now = tonumber(ARGV[5])
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

/** The change-bus topic on which an instance tells the others that a breaker opened (payload: its key). */
export const BREAKER_OPENED = 'breaker-opened';

/**
 * How long a breaker this instance last found without any state (no failure, never opened) is
 * taken to be so without asking Redis again. A breaker that opens on another instance is announced
 * over the change bus at once; this bounds how long a lost announcement can go unseen.
 */
export const CLEAN_FOR_MS = 1_000;

/** How long the failure that opened a breaker waits for its announcement to be taken. */
const ANNOUNCE_WAIT_MS = 100;

/**
 * Breakers that opened are also listed in one sorted set, so operators see them without a SCAN of
 * the keyspace; members whose breaker has closed or expired are dropped when the list is read.
 * Each command touches one key (Redis Cluster can place them apart).
 *
 * The time is the instance's clock (injected, and passed to each script as `now`), not Redis's:
 * every api instance must keep a synchronized clock (NTP, as servers do). An instance whose clock
 * is off by s ms sees a shared breaker's cool-down end s ms early or late.
 */
export class RedisCircuitBreakerStore extends CircuitBreakerStore {
  private readonly decideScript;
  private readonly failureScript;
  private readonly releaseScript;
  /**
   * Breakers this instance last found without any state (no failures, never opened), and when:
   * the healthy path asks Redis about a model at most once per CLEAN_FOR_MS, and a success resets
   * nothing. A failure recorded here, or a breaker opened anywhere (the change bus), ends it.
   */
  private readonly cleanSince = new Map<string, number>();

  constructor(
    private readonly redis: RedisConnection,
    private readonly prefix: string,
    private readonly settings: BreakerSettings,
    private readonly clock: Clock = systemClock,
    private readonly bus?: ChangeBus,
  ) {
    super();
    this.decideScript = defineScript(redis, ACQUIRE, 1);
    this.failureScript = defineScript(redis, FAILURE, 1);
    this.releaseScript = defineScript(redis, RELEASE, 1);
    bus?.subscribe(BREAKER_OPENED, (key) => this.cleanSince.delete(key));
    bus?.onReconnect(() => this.cleanSince.clear()); // announcements may have been missed
  }

  acquire(key: string): Promise<BreakerDecision> {
    return this.decide(key, true);
  }

  peek(key: string): Promise<BreakerDecision> {
    return this.decide(key, false);
  }

  async recordSuccess(key: string): Promise<void> {
    // Nothing to reset when the last look found no state and no failure was recorded here since.
    if (this.cleanSince.has(key)) return;
    await Promise.all([this.redis.del(this.key(key)), this.redis.zrem(this.openIndex, key)]);
    this.cleanSince.set(key, this.clock.now());
  }

  async recordFailure(key: string): Promise<boolean> {
    this.cleanSince.delete(key);
    const { windowMs, failureThreshold, cooldownMs } = this.settings;
    const cap = cooldownCap(this.settings);
    const now = this.clock.now();
    const opened =
      (await this.failureScript(this.key(key), windowMs, failureThreshold, cooldownMs, cap, now)) === 1;
    if (opened) {
      await this.redis.zadd(this.openIndex, now, key).catch(() => undefined);
      // Announced before the failure is reported, so the other instances know by the time the
      // caller hears of it (waited for briefly: a slow announcement does not hold up the fallback).
      if (this.bus)
        await withTimeout(this.bus.publish(BREAKER_OPENED, key), ANNOUNCE_WAIT_MS, 'slow').catch(
          () => undefined,
        );
    }
    return opened;
  }

  async releaseProbe(key: string): Promise<void> {
    await this.releaseScript(this.key(key));
  }

  async listOpen(): Promise<OpenBreaker[]> {
    const keys = await this.redis.zrange(this.openIndex, 0, -1);
    if (!keys.length) return [];
    const states = await Promise.all(
      keys.map((key) => this.redis.hmget(this.key(key), 'open_until', 'opened_at', 'cooldown')),
    );
    const now = this.clock.now();
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
    const now = this.clock.now();
    const cleanSince = this.cleanSince.get(key);
    if (cleanSince !== undefined && now - cleanSince < CLEAN_FOR_MS) return 'closed';
    const decision = (await this.decideScript(
      this.key(key),
      reserve ? 1 : 0,
      this.settings.probeTimeoutMs,
      now,
    )) as BreakerDecision | 'clean';
    if (decision !== 'clean') {
      this.cleanSince.delete(key);
      return decision;
    }
    this.cleanSince.set(key, now);
    return 'closed';
  }

  private key(key: string): string {
    return `${this.prefix}breaker:${key}`;
  }

  private get openIndex(): string {
    return `${this.prefix}breakers:open`;
  }
}
