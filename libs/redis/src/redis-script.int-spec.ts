import { createHash, randomUUID } from 'node:crypto';
import Redis from 'ioredis';
import { TEST_REDIS_URL } from '@tiergate/testing';
import { deleteKeysWithPrefix } from './redis-client';
import { defineScript } from './redis-script';

describe('defineScript (real Redis)', () => {
  const prefix = `tiergate-test:${randomUUID().slice(0, 8)}:`;
  let redis: Redis;
  let plain: Redis;

  beforeAll(() => {
    redis = new Redis(TEST_REDIS_URL, { keyPrefix: prefix });
    plain = new Redis(TEST_REDIS_URL);
  });
  afterAll(async () => {
    await deleteKeysWithPrefix(TEST_REDIS_URL, prefix);
    redis.disconnect();
    plain.disconnect();
  });

  /** A script body no server has seen yet (its own comment), so its first EVALSHA gets NOSCRIPT. */
  const fresh = (lua: string) => `-- ${randomUUID()}\n${lua}`;
  const sha = (lua: string) => createHash('sha1').update(lua).digest('hex');

  it('runs a script the server does not have, and leaves it there for the next EVALSHA', async () => {
    const lua = fresh(`return redis.call('INCRBY', KEYS[1], ARGV[1])`);
    const incrementBy = defineScript(redis, lua, 1);
    expect(await plain.script('EXISTS', sha(lua))).toEqual([0]);
    expect(await incrementBy('counter', 5)).toBe(5);
    expect(await plain.script('EXISTS', sha(lua))).toEqual([1]);
    expect(await incrementBy('counter', 2)).toBe(7);
    // The key got the client's prefix, like any command's.
    expect(await plain.get(`${prefix}counter`)).toBe('7');
  });

  it('takes the number of keys as the first argument when it is not fixed', async () => {
    const setAll = defineScript(
      redis,
      fresh(`for i, key in ipairs(KEYS) do redis.call('SET', key, ARGV[1]) end return #KEYS`),
    );
    expect(await setAll(2, 'a', 'b', 'x')).toBe(2);
    expect(await plain.mget(`${prefix}a`, `${prefix}b`)).toEqual(['x', 'x']);
  });

  it("passes on the script's own errors (NOSCRIPT only is answered by sending the body)", async () => {
    const failing = defineScript(redis, fresh(`return redis.error_reply('ERR not today')`), 0);
    await expect(failing()).rejects.toThrow('not today');
    await expect(failing()).rejects.toThrow('not today');
  });
});
