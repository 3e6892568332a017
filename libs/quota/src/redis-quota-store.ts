import type { Cluster, Redis } from 'ioredis';
import { defineScript } from '@tiergate/redis';
import {
  LIMIT_ORDER,
  newSeedMark,
  QuotaStore,
  type DayCounters,
  type DayUsage,
  type ReservationAmounts,
  type ReservationKeys,
  type ReservationLimits,
  type ReserveOutcome,
} from './quota-store';

// KEYS: day hash, second counter, minute hash, streams counter, the day's seed mark, the
// reservation's trace. ARGV: limits (rps, rpm, tpm, streams, reqDay, tokDay, msDay), tokens, ms,
// stream, quota, dayTtl, requireSeed, traced. Returns {1, used requests, tokens, ms, seed},
// {0, limit index, limit} or {2} (unseeded).
/** A reservation's trace outlives any outage its reply could be lost in; settling removes it. */
const TRACE_TTL_SECONDS = 3600;

const RESERVE = `
local function n(v) return tonumber(v) or 0 end
local L = {}
for i = 1, 7 do L[i] = tonumber(ARGV[i]) end
local tokens, ms, stream, quota, dayTtl = tonumber(ARGV[8]), tonumber(ARGV[9]), ARGV[10] == '1', ARGV[11] == '1', tonumber(ARGV[12])
local seed = ''
if quota then
  seed = redis.call('GET', KEYS[5])
  if not seed then
    if ARGV[13] == '1' then return { 2 } end
    seed = ''
  end
end
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
if ARGV[14] == '1' then redis.call('SET', KEYS[6], '1', 'EX', ${TRACE_TTL_SECONDS}) end
return { 1, current[5] + (quota and 1 or 0), current[6] + (quota and tokens or 0), current[7] + (quota and ms or 0), seed }`;

// KEYS: the day's seed mark, then one day hash per feature. ARGV: mark, ttl, then r, t, m per
// feature. Each counter becomes the larger of its value and the ledger's; then the mark is set.
const SEED = `
if redis.call('EXISTS', KEYS[1]) == 1 then return 0 end
local ttl = tonumber(ARGV[2])
local fields = { 'r', 't', 'm' }
for i = 2, #KEYS do
  local j = 3 + (i - 2) * 3
  local want = { tonumber(ARGV[j]), tonumber(ARGV[j + 1]), tonumber(ARGV[j + 2]) }
  if want[1] > 0 or want[2] > 0 or want[3] > 0 then
    local have = redis.call('HMGET', KEYS[i], 'r', 't', 'm')
    for k = 1, 3 do
      if want[k] > (tonumber(have[k]) or 0) then redis.call('HSET', KEYS[i], fields[k], want[k]) end
    end
    redis.call('EXPIRE', KEYS[i], ttl)
  end
end
redis.call('SET', KEYS[1], ARGV[1], 'EX', ttl)
return 1`;

// KEYS: a day hash, the day's seed mark. ARGV: r, t, m, since (ms), ttl. Adds unless the mark was
// made at or after \`since\` (its first part is its time in base 36).
const CARRY_OVER = `
if ARGV[6] == '1' and not redis.call('SET', KEYS[3], '1', 'NX', 'EX', tonumber(ARGV[5])) then return 0 end
local mark = redis.call('GET', KEYS[2])
if mark then
  local made = tonumber(string.sub(mark, 1, (string.find(mark, '.', 1, true) or 0) - 1), 36)
  if made and made >= tonumber(ARGV[4]) then return 0 end
end
redis.call('HINCRBY', KEYS[1], 'r', ARGV[1]); redis.call('HINCRBY', KEYS[1], 't', ARGV[2])
redis.call('HINCRBY', KEYS[1], 'm', ARGV[3]); redis.call('EXPIRE', KEYS[1], tonumber(ARGV[5]))
return 1`;

// KEYS: as RESERVE. ARGV: tokenDelta, msDelta, requestDelta, stream, quota, seed, full tokens,
// full ms, dayTtl, traced. The day's counters move only under the seeding the reservation was
// counted in; re-seeded since then, a settled request is added in full (the ledger read lacked it).
// The reservation's trace goes: it is settled.
const ADJUST = `
local tokenDelta, msDelta, requestDelta = tonumber(ARGV[1]), tonumber(ARGV[2]), tonumber(ARGV[3])
if ARGV[5] == '1' then
  local mark = redis.call('GET', KEYS[5]) or ''
  if mark == ARGV[6] then
    if redis.call('EXISTS', KEYS[1]) == 1 then
      if requestDelta ~= 0 then redis.call('HINCRBY', KEYS[1], 'r', requestDelta) end
      if tokenDelta ~= 0 then redis.call('HINCRBY', KEYS[1], 't', tokenDelta) end
      if msDelta ~= 0 then redis.call('HINCRBY', KEYS[1], 'm', msDelta) end
    end
  elseif mark ~= '' and ARGV[6] ~= '' and requestDelta == 0 then
    redis.call('HINCRBY', KEYS[1], 'r', 1); redis.call('HINCRBY', KEYS[1], 't', tonumber(ARGV[7]))
    redis.call('HINCRBY', KEYS[1], 'm', tonumber(ARGV[8])); redis.call('EXPIRE', KEYS[1], tonumber(ARGV[9]))
  end
end
if tokenDelta ~= 0 and redis.call('EXISTS', KEYS[3]) == 1 then redis.call('HINCRBY', KEYS[3], 't', tokenDelta) end
if ARGV[4] == '1' and tonumber(redis.call('GET', KEYS[4]) or '0') > 0 then redis.call('DECR', KEYS[4]) end
if ARGV[10] == '1' then redis.call('DEL', KEYS[6]) end
return 1`;

// KEYS: as RESERVE. ARGV: tokens, ms, stream, quota. Takes back a reservation whose reply was lost,
// if Redis applied it (its trace is there): 1 when it did, 0 when there was nothing to take back.
const UNDO = `
if redis.call('DEL', KEYS[6]) == 0 then return 0 end
local tokens, ms = 0 - tonumber(ARGV[1]), 0 - tonumber(ARGV[2])
if ARGV[4] == '1' and redis.call('EXISTS', KEYS[1]) == 1 then
  redis.call('HINCRBY', KEYS[1], 'r', -1); redis.call('HINCRBY', KEYS[1], 't', tokens); redis.call('HINCRBY', KEYS[1], 'm', ms)
end
if redis.call('EXISTS', KEYS[3]) == 1 then redis.call('HINCRBY', KEYS[3], 't', tokens) end
if ARGV[3] == '1' and tonumber(redis.call('GET', KEYS[4]) or '0') > 0 then redis.call('DECR', KEYS[4]) end
return 1`;

/**
 * The counters in Redis. Every key of a user shares the hash tag `{userId}`, so each script
 * touches one hash slot and runs unchanged on a Redis Cluster.
 */
export class RedisQuotaStore extends QuotaStore {
  private readonly reserveScript;
  private readonly seedScript;
  private readonly adjustScript;
  private readonly carryOverScript;
  private readonly undoScript;

  constructor(
    private readonly redis: Redis | Cluster,
    private readonly prefix: string,
  ) {
    super();
    this.reserveScript = defineScript(redis, 'tiergateQuotaReserve', RESERVE, 6);
    this.seedScript = defineScript(redis, 'tiergateQuotaSeed', SEED);
    this.adjustScript = defineScript(redis, 'tiergateQuotaAdjust', ADJUST, 6);
    this.undoScript = defineScript(redis, 'tiergateQuotaUndo', UNDO, 6);
    this.carryOverScript = defineScript(redis, 'tiergateQuotaCarryOver', CARRY_OVER, 3);
  }

  async reserve(
    keys: ReservationKeys,
    limits: ReservationLimits,
    amounts: ReservationAmounts,
    requireSeed: boolean,
  ): Promise<ReserveOutcome> {
    const result = (await this.reserveScript(
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
      requireSeed ? 1 : 0,
      keys.reservation === undefined ? 0 : 1,
    )) as [number, number, number, number, string];
    if (result[0] === 1)
      return {
        ok: true,
        requestsUsed: result[1],
        tokensUsed: result[2],
        audioMsUsed: result[3],
        seed: String(result[4]),
      };
    if (result[0] === 2) return { ok: false, unseeded: true };
    return { ok: false, limit: LIMIT_ORDER[result[1] - 1], limitValue: result[2] };
  }

  async seed(
    userId: string,
    day: string,
    totals: Readonly<Record<string, DayUsage>>,
    ttlSeconds: number,
  ): Promise<boolean> {
    const features = Object.keys(totals);
    const result = await this.seedScript(
      1 + features.length,
      this.seedKey(userId, day),
      ...features.map((feature) => this.dayKey(userId, day, feature)),
      newSeedMark(),
      ttlSeconds,
      ...features.flatMap((feature) => {
        const { requests, tokens, audioMs } = totals[feature];
        return [requests, tokens, audioMs];
      }),
    );
    return result === 1;
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

  async dayUsage(userId: string, day: string, features: readonly string[]): Promise<DayCounters> {
    const pipeline = this.redis.pipeline();
    for (const feature of features) pipeline.hmget(this.dayKey(userId, day, feature), 'r', 't', 'm');
    pipeline.exists(this.seedKey(userId, day));
    const results = (await pipeline.exec()) ?? [];
    const failed = results.find(([error]) => error)?.[0];
    if (failed) throw failed;
    return {
      seeded: results[features.length]?.[1] === 1,
      features: Object.fromEntries(
        features.map((feature, i) => {
          const [r, t, m] = (results[i]?.[1] as Array<string | null>) ?? [];
          return [feature, { requests: Number(r ?? 0), tokens: Number(t ?? 0), audioMs: Number(m ?? 0) }];
        }),
      ),
    };
  }

  private async adjust(
    keys: ReservationKeys,
    amounts: ReservationAmounts,
    tokens: number,
    ms: number,
    requests: number,
  ) {
    await this.adjustScript(
      ...this.keyNames(keys),
      tokens,
      ms,
      requests,
      amounts.stream ? 1 : 0,
      amounts.quota ? 1 : 0,
      keys.seed ?? '',
      amounts.tokens + tokens,
      amounts.audioMs + ms,
      keys.dayTtlSeconds,
      keys.reservation === undefined ? 0 : 1,
    );
  }

  async undoLost(keys: ReservationKeys, amounts: ReservationAmounts): Promise<boolean> {
    if (keys.reservation === undefined) return false;
    const undone = await this.undoScript(
      ...this.keyNames(keys),
      amounts.tokens,
      amounts.audioMs,
      amounts.stream ? 1 : 0,
      amounts.quota ? 1 : 0,
    );
    return undone === 1;
  }

  async carryOver(
    userId: string,
    day: string,
    feature: string,
    usage: DayUsage,
    since: number,
    ttlSeconds: number,
    once?: string,
  ): Promise<void> {
    await this.carryOverScript(
      this.dayKey(userId, day, feature),
      this.seedKey(userId, day),
      `${this.userKey(userId)}:once:${day}:${once ?? ''}`,
      usage.requests,
      usage.tokens,
      usage.audioMs,
      since,
      ttlSeconds,
      once === undefined ? 0 : 1,
    );
  }

  private keyNames(keys: ReservationKeys): string[] {
    const user = this.userKey(keys.userId);
    return [
      this.dayKey(keys.userId, keys.day, keys.feature),
      `${user}:s:${keys.second}`,
      `${user}:m:${keys.minute}`,
      `${user}:streams`,
      this.seedKey(keys.userId, keys.day),
      `${user}:res:${keys.reservation ?? ''}`,
    ];
  }

  private userKey(userId: string): string {
    return `${this.prefix}q:{${userId}}`;
  }

  private dayKey(userId: string, day: string, feature: string): string {
    return `${this.userKey(userId)}:d:${day}:${feature}`;
  }

  private seedKey(userId: string, day: string): string {
    return `${this.userKey(userId)}:seed:${day}`;
  }
}
