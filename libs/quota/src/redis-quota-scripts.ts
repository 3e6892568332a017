// The Lua scripts behind RedisQuotaStore: each step on a user's counters is one atomic script
// over that user's keys only (one hash slot, so they run unchanged on a Redis Cluster).

/** A reservation's trace outlives any outage its reply could be lost in; settling removes it. */
const TRACE_TTL_SECONDS = 3600;

// KEYS: day hash, second counter, minute hash, streams counter, the day's seed mark, the
// reservation's trace. ARGV: tokens, ms, stream, quota, dayTtl, requireSeed, traced, then the
// limits as name/value pairs (only those set, in the order they are checked). Returns {1, used
// requests, tokens, ms, seed}, {0, the name of the limit reached, its value} or {2} (unseeded).
export const RESERVE_SCRIPT = `
local function n(v) return tonumber(v) or 0 end
local tokens, ms, stream, quota, dayTtl = tonumber(ARGV[1]), tonumber(ARGV[2]), ARGV[3] == '1', ARGV[4] == '1', tonumber(ARGV[5])
local seed = ''
if quota then
  seed = redis.call('GET', KEYS[5])
  if not seed then
    if ARGV[6] == '1' then return { 2 } end
    seed = ''
  end
end
local day = redis.call('HMGET', KEYS[1], 'r', 't', 'm')
local minute = redis.call('HMGET', KEYS[3], 'r', 't')
-- Each limit's counter: what it holds, and what this request adds to it.
local counted = {
  requests_per_second = { n(redis.call('GET', KEYS[2])), 1 },
  requests_per_minute = { n(minute[1]), 1 },
  tokens_per_minute = { n(minute[2]), tokens },
  concurrent_streams = { n(redis.call('GET', KEYS[4])), stream and 1 or 0 },
  requests_per_day = { n(day[1]), quota and 1 or 0 },
  tokens_per_day = { n(day[2]), quota and tokens or 0 },
  minutes_per_day = { n(day[3]), quota and ms or 0 },
}
for i = 8, #ARGV, 2 do
  local c, limit = counted[ARGV[i]], tonumber(ARGV[i + 1])
  if c[2] > 0 and c[1] + c[2] > limit then return { 0, ARGV[i], limit } end
end
redis.call('INCR', KEYS[2]); redis.call('EXPIRE', KEYS[2], 2)
redis.call('HINCRBY', KEYS[3], 'r', 1); redis.call('HINCRBY', KEYS[3], 't', tokens); redis.call('EXPIRE', KEYS[3], 120)
if stream then redis.call('INCR', KEYS[4]); redis.call('EXPIRE', KEYS[4], 3600) end
if quota then
  redis.call('HINCRBY', KEYS[1], 'r', 1); redis.call('HINCRBY', KEYS[1], 't', tokens); redis.call('HINCRBY', KEYS[1], 'm', ms)
  redis.call('EXPIRE', KEYS[1], dayTtl)
end
if ARGV[7] == '1' then redis.call('SET', KEYS[6], '1', 'EX', ${TRACE_TTL_SECONDS}) end
return { 1, n(day[1]) + (quota and 1 or 0), n(day[2]) + (quota and tokens or 0), n(day[3]) + (quota and ms or 0), seed }`;

// KEYS: the day's seed mark, then one day hash per feature. ARGV: mark, ttl, then r, t, m per
// feature. Each counter becomes the larger of its value and the ledger's; then the mark is set.
export const SEED_SCRIPT = `
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
export const CARRY_OVER_SCRIPT = `
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
export const ADJUST_SCRIPT = `
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
export const UNDO_SCRIPT = `
if redis.call('DEL', KEYS[6]) == 0 then return 0 end
local tokens, ms = 0 - tonumber(ARGV[1]), 0 - tonumber(ARGV[2])
if ARGV[4] == '1' and redis.call('EXISTS', KEYS[1]) == 1 then
  redis.call('HINCRBY', KEYS[1], 'r', -1); redis.call('HINCRBY', KEYS[1], 't', tokens); redis.call('HINCRBY', KEYS[1], 'm', ms)
end
if redis.call('EXISTS', KEYS[3]) == 1 then redis.call('HINCRBY', KEYS[3], 't', tokens) end
if ARGV[3] == '1' and tonumber(redis.call('GET', KEYS[4]) or '0') > 0 then redis.call('DECR', KEYS[4]) end
return 1`;
