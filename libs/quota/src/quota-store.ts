import type Redis from 'ioredis';

/** The limits checked by one reservation; -1 means unlimited. */
export interface ReservationLimits {
  requestsPerDay: number;
  tokensPerDay: number;
  /** Audio, in milliseconds per day. */
  audioMsPerDay: number;
  requestsPerSecond: number;
  requestsPerMinute: number;
  tokensPerMinute: number;
  concurrentStreams: number;
}

/** Where one reservation's counters live (computed once, so settling hits the same windows). */
export interface ReservationKeys {
  userId: string;
  feature: string;
  day: string;
  second: number;
  minute: number;
  /** Seconds the day's counters are kept (until a little after midnight UTC). */
  dayTtlSeconds: number;
}

export interface ReservationAmounts {
  tokens: number;
  audioMs: number;
  stream: boolean;
  /** Count against the daily quota (false for requests on the caller's own key: rate limits only). */
  quota: boolean;
}

export type LimitName =
  | 'requests_per_day'
  | 'tokens_per_day'
  | 'minutes_per_day'
  | 'requests_per_second'
  | 'requests_per_minute'
  | 'tokens_per_minute'
  | 'concurrent_streams';

export type ReserveOutcome =
  | { ok: true; requestsUsed: number; tokensUsed: number; audioMsUsed: number }
  | { ok: false; limit: LimitName; limitValue: number };

export interface DayUsage {
  requests: number;
  tokens: number;
  audioMs: number;
}

/**
 * The counters behind quotas and rate limits. One reservation checks every limit and counts the
 * request in one atomic step, so concurrent requests, on any number of instances, can never get
 * past a limit together. Redis in production (one Lua script, keys hash-tagged per user); memory
 * in embedded mode, and as the per-instance fallback when Redis is down for tiers that fail open.
 */
export abstract class QuotaStore {
  abstract reserve(
    keys: ReservationKeys,
    limits: ReservationLimits,
    amounts: ReservationAmounts,
  ): Promise<ReserveOutcome>;
  /** Moves a reservation to the real usage (a negative delta refunds). */
  abstract settle(
    keys: ReservationKeys,
    amounts: ReservationAmounts,
    tokenDelta: number,
    audioMsDelta: number,
  ): Promise<void>;
  /** Gives everything back: the request, its tokens and minutes (a failed upstream call). */
  abstract refund(keys: ReservationKeys, amounts: ReservationAmounts): Promise<void>;
  abstract dayUsage(
    userId: string,
    day: string,
    features: readonly string[],
  ): Promise<Record<string, DayUsage>>;
}

const LIMIT_ORDER: LimitName[] = [
  'requests_per_second',
  'requests_per_minute',
  'tokens_per_minute',
  'concurrent_streams',
  'requests_per_day',
  'tokens_per_day',
  'minutes_per_day',
];

// KEYS: day hash, second counter, minute hash, streams counter.
// ARGV: limits (rps, rpm, tpm, streams, reqDay, tokDay, msDay), tokens, ms, stream, quota, dayTtl.
const RESERVE = `
local function n(v) return tonumber(v) or 0 end
local L = {}
for i = 1, 7 do L[i] = tonumber(ARGV[i]) end
local tokens, ms, stream, quota, dayTtl = tonumber(ARGV[8]), tonumber(ARGV[9]), ARGV[10] == '1', ARGV[11] == '1', tonumber(ARGV[12])
local day = redis.call('HMGET', KEYS[1], 'r', 't', 'm')
local minute = redis.call('HMGET', KEYS[3], 'r', 't')
local current = { n(redis.call('GET', KEYS[2])), n(minute[1]), n(minute[2]), n(redis.call('GET', KEYS[4])), n(day[1]), n(day[2]), n(day[3]) }
local wanted = { 1, 1, tokens, stream and 1 or 0, quota and 1 or 0, quota and tokens or 0, quota and ms or 0 }
for i = 1, 7 do
  if L[i] >= 0 and wanted[i] > 0 and current[i] + wanted[i] > L[i] then return { 0, i, L[i] } end
end
redis.call('INCR', KEYS[2]); redis.call('EXPIRE', KEYS[2], 2)
redis.call('HINCRBY', KEYS[3], 'r', 1); redis.call('HINCRBY', KEYS[3], 't', tokens); redis.call('EXPIRE', KEYS[3], 120)
if stream then redis.call('INCR', KEYS[4]); redis.call('EXPIRE', KEYS[4], 3600) end
if quota then
  redis.call('HINCRBY', KEYS[1], 'r', 1); redis.call('HINCRBY', KEYS[1], 't', tokens); redis.call('HINCRBY', KEYS[1], 'm', ms)
  redis.call('EXPIRE', KEYS[1], dayTtl)
end
return { 1, current[5] + (quota and 1 or 0), current[6] + (quota and tokens or 0), current[7] + (quota and ms or 0) }`;

// ARGV: tokenDelta, msDelta, requestDelta, stream, quota.
const ADJUST = `
local tokenDelta, msDelta, requestDelta = tonumber(ARGV[1]), tonumber(ARGV[2]), tonumber(ARGV[3])
if ARGV[5] == '1' and redis.call('EXISTS', KEYS[1]) == 1 then
  if requestDelta ~= 0 then redis.call('HINCRBY', KEYS[1], 'r', requestDelta) end
  if tokenDelta ~= 0 then redis.call('HINCRBY', KEYS[1], 't', tokenDelta) end
  if msDelta ~= 0 then redis.call('HINCRBY', KEYS[1], 'm', msDelta) end
end
if tokenDelta ~= 0 and redis.call('EXISTS', KEYS[3]) == 1 then redis.call('HINCRBY', KEYS[3], 't', tokenDelta) end
if ARGV[4] == '1' and tonumber(redis.call('GET', KEYS[4]) or '0') > 0 then redis.call('DECR', KEYS[4]) end
return 1`;

export class RedisQuotaStore extends QuotaStore {
  constructor(
    private readonly redis: Redis,
    private readonly prefix: string,
  ) {
    super();
  }

  async reserve(
    keys: ReservationKeys,
    limits: ReservationLimits,
    amounts: ReservationAmounts,
  ): Promise<ReserveOutcome> {
    const result = (await this.redis.eval(
      RESERVE,
      4,
      ...this.keyNames(keys),
      limits.requestsPerSecond,
      limits.requestsPerMinute,
      limits.tokensPerMinute,
      limits.concurrentStreams,
      limits.requestsPerDay,
      limits.tokensPerDay,
      limits.audioMsPerDay,
      amounts.tokens,
      amounts.audioMs,
      amounts.stream ? 1 : 0,
      amounts.quota ? 1 : 0,
      keys.dayTtlSeconds,
    )) as number[];
    if (result[0] === 1)
      return { ok: true, requestsUsed: result[1], tokensUsed: result[2], audioMsUsed: result[3] };
    return { ok: false, limit: LIMIT_ORDER[result[1] - 1], limitValue: result[2] };
  }

  async settle(
    keys: ReservationKeys,
    amounts: ReservationAmounts,
    tokenDelta: number,
    audioMsDelta: number,
  ): Promise<void> {
    await this.adjust(keys, amounts, tokenDelta, audioMsDelta, 0);
  }

  async refund(keys: ReservationKeys, amounts: ReservationAmounts): Promise<void> {
    await this.adjust(keys, amounts, -amounts.tokens, -amounts.audioMs, -1);
  }

  async dayUsage(
    userId: string,
    day: string,
    features: readonly string[],
  ): Promise<Record<string, DayUsage>> {
    const pipeline = this.redis.pipeline();
    for (const feature of features) pipeline.hmget(this.dayKey(userId, day, feature), 'r', 't', 'm');
    const results = (await pipeline.exec()) ?? [];
    return Object.fromEntries(
      features.map((feature, i) => {
        const [r, t, m] = (results[i]?.[1] as Array<string | null>) ?? [];
        return [feature, { requests: Number(r ?? 0), tokens: Number(t ?? 0), audioMs: Number(m ?? 0) }];
      }),
    );
  }

  private async adjust(
    keys: ReservationKeys,
    amounts: ReservationAmounts,
    tokens: number,
    ms: number,
    requests: number,
  ) {
    await this.redis.eval(
      ADJUST,
      4,
      ...this.keyNames(keys),
      tokens,
      ms,
      requests,
      amounts.stream ? 1 : 0,
      amounts.quota ? 1 : 0,
    );
  }

  /** Every key of a user shares the hash tag {userId}, so a Redis Cluster keeps them on one slot. */
  private keyNames(keys: ReservationKeys): string[] {
    const user = `${this.prefix}q:{${keys.userId}}`;
    return [
      this.dayKey(keys.userId, keys.day, keys.feature),
      `${user}:s:${keys.second}`,
      `${user}:m:${keys.minute}`,
      `${user}:streams`,
    ];
  }

  private dayKey(userId: string, day: string, feature: string): string {
    return `${this.prefix}q:{${userId}}:d:${day}:${feature}`;
  }
}

/** The same rules in one process: embedded mode, and the fail-open fallback when Redis is down. */
export class MemoryQuotaStore extends QuotaStore {
  private readonly counters = new Map<string, { value: number; expiresAt: number }>();

  constructor(private readonly now: () => number = Date.now) {
    super();
  }

  reserve(
    keys: ReservationKeys,
    limits: ReservationLimits,
    amounts: ReservationAmounts,
  ): Promise<ReserveOutcome> {
    const k = this.keyNames(keys);
    const current = [
      this.get(k.second),
      this.get(`${k.minute}:r`),
      this.get(`${k.minute}:t`),
      this.get(k.streams),
      this.get(`${k.day}:r`),
      this.get(`${k.day}:t`),
      this.get(`${k.day}:m`),
    ];
    const q = amounts.quota;
    const wanted = [
      1,
      1,
      amounts.tokens,
      amounts.stream ? 1 : 0,
      q ? 1 : 0,
      q ? amounts.tokens : 0,
      q ? amounts.audioMs : 0,
    ];
    const values = [
      limits.requestsPerSecond,
      limits.requestsPerMinute,
      limits.tokensPerMinute,
      limits.concurrentStreams,
      limits.requestsPerDay,
      limits.tokensPerDay,
      limits.audioMsPerDay,
    ];
    for (let i = 0; i < 7; i++)
      if (values[i] >= 0 && wanted[i] > 0 && current[i] + wanted[i] > values[i])
        return Promise.resolve({ ok: false, limit: LIMIT_ORDER[i], limitValue: values[i] });
    this.add(k.second, 1, 2);
    this.add(`${k.minute}:r`, 1, 120);
    this.add(`${k.minute}:t`, amounts.tokens, 120);
    if (amounts.stream) this.add(k.streams, 1, 3600);
    if (q) {
      this.add(`${k.day}:r`, 1, keys.dayTtlSeconds);
      this.add(`${k.day}:t`, amounts.tokens, keys.dayTtlSeconds);
      this.add(`${k.day}:m`, amounts.audioMs, keys.dayTtlSeconds);
    }
    return Promise.resolve({
      ok: true,
      requestsUsed: this.get(`${k.day}:r`),
      tokensUsed: this.get(`${k.day}:t`),
      audioMsUsed: this.get(`${k.day}:m`),
    });
  }

  settle(
    keys: ReservationKeys,
    amounts: ReservationAmounts,
    tokenDelta: number,
    audioMsDelta: number,
  ): Promise<void> {
    this.adjust(keys, amounts, tokenDelta, audioMsDelta, 0);
    return Promise.resolve();
  }

  refund(keys: ReservationKeys, amounts: ReservationAmounts): Promise<void> {
    this.adjust(keys, amounts, -amounts.tokens, -amounts.audioMs, -1);
    return Promise.resolve();
  }

  dayUsage(userId: string, day: string, features: readonly string[]): Promise<Record<string, DayUsage>> {
    return Promise.resolve(
      Object.fromEntries(
        features.map((feature) => {
          const key = `${userId}:d:${day}:${feature}`;
          return [
            feature,
            { requests: this.get(`${key}:r`), tokens: this.get(`${key}:t`), audioMs: this.get(`${key}:m`) },
          ];
        }),
      ),
    );
  }

  private adjust(
    keys: ReservationKeys,
    amounts: ReservationAmounts,
    tokens: number,
    ms: number,
    requests: number,
  ) {
    const k = this.keyNames(keys);
    if (amounts.quota && this.counters.has(`${k.day}:r`)) {
      this.add(`${k.day}:r`, requests, keys.dayTtlSeconds);
      this.add(`${k.day}:t`, tokens, keys.dayTtlSeconds);
      this.add(`${k.day}:m`, ms, keys.dayTtlSeconds);
    }
    if (this.counters.has(`${k.minute}:t`)) this.add(`${k.minute}:t`, tokens, 120);
    if (amounts.stream && this.get(k.streams) > 0) this.add(k.streams, -1, 3600);
  }

  private keyNames(keys: ReservationKeys) {
    const user = keys.userId;
    return {
      day: `${user}:d:${keys.day}:${keys.feature}`,
      second: `${user}:s:${keys.second}`,
      minute: `${user}:m:${keys.minute}`,
      streams: `${user}:streams`,
    };
  }

  private get(key: string): number {
    const entry = this.counters.get(key);
    if (!entry) return 0;
    if (entry.expiresAt <= this.now()) {
      this.counters.delete(key);
      return 0;
    }
    return entry.value;
  }

  private add(key: string, amount: number, ttlSeconds: number): void {
    this.counters.set(key, { value: this.get(key) + amount, expiresAt: this.now() + ttlSeconds * 1000 });
    if (this.counters.size > 200_000) this.sweep();
  }

  private sweep(): void {
    const now = this.now();
    for (const [key, entry] of this.counters) if (entry.expiresAt <= now) this.counters.delete(key);
  }
}
