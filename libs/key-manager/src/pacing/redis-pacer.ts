import { randomBytes } from 'node:crypto';
import type { Cluster, Redis } from 'ioredis';
import { defineScript } from '@tiergate/redis';
import {
  MINUTE_WINDOW_MS,
  Pacer,
  SECOND_WINDOW_MS,
  TOKEN_WINDOW_SECONDS,
  type KeyLimits,
  type PaceLimitName,
  type PaceOutcome,
  type ReportedRoom,
} from './pacer';

const LIMIT_NAMES: PaceLimitName[] = [
  'requests_per_second',
  'requests_per_minute',
  'tokens_per_minute',
  'reported_requests',
  'reported_tokens',
];

// KEYS: request log (zset of ms times), token buckets (hash second → tokens), reported room (hash
// r, t; expires when the upstream's window resets). ARGV: rps, rpm, tpm (-1: unlimited), tokens,
// a unique member suffix, second window ms, minute window ms, token window s.
// Returns {1, second} or {0, limit index, ms until it frees}. The clock is Redis's own (TIME), so
// instances with skewed clocks still share one window.
const ACQUIRE = `
local t = redis.call('TIME')
local now = tonumber(t[1]) * 1000 + math.floor(tonumber(t[2]) / 1000)
local rps, rpm, tpm, tokens = tonumber(ARGV[1]), tonumber(ARGV[2]), tonumber(ARGV[3]), tonumber(ARGV[4])
local secondMs, minuteMs, tokenSeconds = tonumber(ARGV[6]), tonumber(ARGV[7]), tonumber(ARGV[8])
local room = redis.call('HMGET', KEYS[3], 'r', 't')
if room[1] or room[2] then
  local ttl = redis.call('PTTL', KEYS[3])
  if room[1] and tonumber(room[1]) < 1 then return { 0, 4, math.max(ttl, 1) } end
  if room[2] and tokens > 0 and tonumber(room[2]) < tokens then return { 0, 5, math.max(ttl, 1) } end
end
local keep = secondMs
if rpm >= 0 then keep = minuteMs end
if rps >= 0 or rpm >= 0 then
  redis.call('ZREMRANGEBYSCORE', KEYS[1], '-inf', now - keep)
  if rps >= 0 then
    local recent = redis.call('ZCOUNT', KEYS[1], '(' .. (now - secondMs), '+inf')
    if recent >= rps then
      local frees = redis.call('ZRANGEBYSCORE', KEYS[1], '(' .. (now - secondMs), '+inf', 'WITHSCORES', 'LIMIT', recent - rps, 1)
      return { 0, 1, math.max(tonumber(frees[2]) + secondMs - now, 1) }
    end
  end
  if rpm >= 0 then
    local count = redis.call('ZCARD', KEYS[1])
    if count >= rpm then
      local frees = redis.call('ZRANGE', KEYS[1], count - rpm, count - rpm, 'WITHSCORES')
      return { 0, 2, math.max(tonumber(frees[2]) + minuteMs - now, 1) }
    end
  end
end
local second = math.floor(now / 1000)
if tpm >= 0 and tokens > 0 then
  local buckets = redis.call('HGETALL', KEYS[2])
  local used, live = 0, {}
  for i = 1, #buckets, 2 do
    local bucket, amount = tonumber(buckets[i]), tonumber(buckets[i + 1])
    if bucket <= second - tokenSeconds then redis.call('HDEL', KEYS[2], buckets[i])
    else used = used + amount; live[#live + 1] = { bucket, amount } end
  end
  -- A request larger than the whole minute goes alone, when nothing else is counted.
  if used > 0 and used + tokens > tpm then
    table.sort(live, function(a, b) return a[1] < b[1] end)
    local free = tpm - used
    for _, entry in ipairs(live) do
      free = free + entry[2]
      if free >= tokens or free >= tpm then return { 0, 3, math.max((entry[1] + tokenSeconds) * 1000 - now, 1) } end
    end
    return { 0, 3, tokenSeconds * 1000 }
  end
end
if rps >= 0 or rpm >= 0 then
  redis.call('ZADD', KEYS[1], now, now .. ':' .. ARGV[5])
  redis.call('PEXPIRE', KEYS[1], keep)
end
if tpm >= 0 and tokens > 0 then
  redis.call('HINCRBY', KEYS[2], second, tokens)
  redis.call('EXPIRE', KEYS[2], tokenSeconds + 1)
end
if room[1] then redis.call('HINCRBY', KEYS[3], 'r', -1) end
if room[2] and tokens > 0 then redis.call('HINCRBY', KEYS[3], 't', -tokens) end
return { 1, second }`;

// KEYS: token buckets. ARGV: second, delta. Only a bucket still counted is corrected.
const CORRECT = `
if redis.call('HEXISTS', KEYS[1], ARGV[1]) == 1 then redis.call('HINCRBY', KEYS[1], ARGV[1], ARGV[2]) end
return 1`;

// KEYS: reported room. ARGV: requests ('' when not reported), tokens (same), ms until reset.
const REPORT = `
redis.call('DEL', KEYS[1])
if ARGV[1] ~= '' then redis.call('HSET', KEYS[1], 'r', ARGV[1]) end
if ARGV[2] ~= '' then redis.call('HSET', KEYS[1], 't', ARGV[2]) end
redis.call('PEXPIRE', KEYS[1], ARGV[3])
return 1`;

/** The pacing windows in Redis: every key of one upstream key shares the hash tag `{keyId}`. */
export class RedisPacer extends Pacer {
  private readonly acquireScript;
  private readonly correctScript;
  private readonly reportScript;

  constructor(
    private readonly redis: Redis | Cluster,
    private readonly prefix: string,
  ) {
    super();
    this.acquireScript = defineScript(redis, ACQUIRE, 3);
    this.correctScript = defineScript(redis, CORRECT, 1);
    this.reportScript = defineScript(redis, REPORT, 1);
  }

  async acquire(keyId: string, limits: KeyLimits, tokens: number): Promise<PaceOutcome> {
    const result = (await this.acquireScript(
      this.key(keyId, 'requests'),
      this.key(keyId, 'tokens'),
      this.key(keyId, 'room'),
      limits.requestsPerSecond ?? -1,
      limits.requestsPerMinute ?? -1,
      limits.tokensPerMinute ?? -1,
      Math.max(0, Math.ceil(tokens)),
      randomBytes(6).toString('base64url'),
      SECOND_WINDOW_MS,
      MINUTE_WINDOW_MS,
      TOKEN_WINDOW_SECONDS,
    )) as number[];
    if (result[0] === 1) return { ok: true, slot: result[1] };
    return { ok: false, limit: LIMIT_NAMES[result[1] - 1], retryAfterMs: result[2] };
  }

  async correctTokens(keyId: string, slot: number, delta: number): Promise<void> {
    if (delta === 0) return;
    await this.correctScript(this.key(keyId, 'tokens'), slot, Math.round(delta));
  }

  async report(keyId: string, room: ReportedRoom): Promise<void> {
    await this.reportScript(
      this.key(keyId, 'room'),
      room.requests ?? '',
      room.tokens ?? '',
      Math.max(1, Math.ceil(room.resetMs)),
    );
  }

  private key(keyId: string, name: string): string {
    return `${this.prefix}pace:{${keyId}}:${name}`;
  }
}
