import type Redis from 'ioredis';

/**
 * Lets `ms` pass for the expiry of every key under `prefix` (keys that would have expired are
 * deleted, the others' time to live is shortened), so a contract test can move a Redis store and
 * an in-process twin on a test clock through the same TTLs without sleeping. Only expiries move:
 * a script that reads Redis's TIME still sees the real time. One server, keys not written meanwhile.
 */
export async function advanceRedisExpiries(redis: Redis, prefix: string, ms: number): Promise<void> {
  for (const pattern of [`${prefix}*`, `{${prefix}*`]) {
    let cursor = '0';
    do {
      const [next, keys] = await redis.scan(cursor, 'MATCH', pattern, 'COUNT', 1000);
      cursor = next;
      for (const key of keys) {
        const left = await redis.pttl(key);
        if (left < 0) continue; // no expiry (-1), or already gone (-2)
        if (left <= ms) await redis.del(key);
        else await redis.pexpire(key, left - ms);
      }
    } while (cursor !== '0');
  }
}
