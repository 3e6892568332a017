import { randomUUID } from 'node:crypto';
import { setTimeout as sleep } from 'node:timers/promises';
import Redis from 'ioredis';
import { deleteKeysWithPrefix } from '@tiergate/redis';
import { TEST_REDIS_URL } from '@tiergate/testing';
import { RedisCircuitBreakerStore } from './circuit-breaker';
import { BREAKER_CONTRACT, contractSettings, runScenario } from './circuit-breaker.contract';

/** Redis keeps time itself (the scripts read TIME), so here time passes for real: C is short. */
const C = 250;

describe('RedisCircuitBreakerStore (Redis)', () => {
  const prefix = `tiergate-test:${randomUUID().slice(0, 8)}:`;
  let redis: Redis;

  beforeAll(() => {
    redis = new Redis(TEST_REDIS_URL);
  });
  afterAll(async () => {
    redis.disconnect();
    await deleteKeysWithPrefix(TEST_REDIS_URL, prefix);
  });

  describe('the breaker contract (the same scenarios as the memory store)', () => {
    it.each(BREAKER_CONTRACT)('%s', async (_name, steps) => {
      const store = new RedisCircuitBreakerStore(redis, prefix, contractSettings(C));
      const key = `together_ai:contract/${randomUUID().slice(0, 8)}`;
      const { observed, expected } = await runScenario(store, key, steps, (cooldowns) =>
        sleep(Math.round(cooldowns * C)),
      );
      expect(observed).toEqual(expected);
      // One breaker is one Redis key (a script never touches two: Redis Cluster places them apart).
      const keys = await redis.keys(`${prefix}breaker:${key}*`);
      expect(keys.length).toBeLessThanOrEqual(1);
    });
  });

  it('keeps the whole state of a breaker in one hash, expiring after (window + cap) × 4', async () => {
    const store = new RedisCircuitBreakerStore(redis, prefix, contractSettings(C));
    for (let i = 0; i < 2; i++) await store.recordFailure('together_ai:one-key');
    const state = await redis.hgetall(`${prefix}breaker:together_ai:one-key`);
    expect(Object.keys(state).sort()).toEqual(
      ['cooldown', 'failures', 'open_until', 'opened_at', 'probe_until', 'window_start'].sort(),
    );
    expect(state.cooldown).toBe(String(C));
    const ttl = await redis.pttl(`${prefix}breaker:together_ai:one-key`);
    expect(ttl).toBeGreaterThan((4 * C + 4 * C) * 4 - 1_000);
    expect(ttl).toBeLessThanOrEqual((4 * C + 4 * C) * 4);
  });

  describe('listOpen', () => {
    const settings = { failureThreshold: 2, windowMs: 10_000, cooldownMs: 300, probeTimeoutMs: 1_000 };
    let store: RedisCircuitBreakerStore;
    beforeAll(() => {
      store = new RedisCircuitBreakerStore(redis, `${prefix}list:`, settings);
    });

    it('lists open breakers with Redis times, half-open after the cool-down, and forgets closed ones', async () => {
      expect(await store.listOpen()).toEqual([]);
      const before = Date.now();
      expect(await store.recordFailure('together_ai:m/one')).toBe(false);
      expect(await store.recordFailure('together_ai:m/one')).toBe(true);
      await store.recordFailure('together_ai:m/two'); // one failure: still closed
      const [open, ...rest] = await store.listOpen();
      expect(rest).toEqual([]);
      expect(open).toMatchObject({ key: 'together_ai:m/one', state: 'open' });
      expect(open.retryAt - open.openedAt).toBe(300);
      expect(Math.abs(open.openedAt - before)).toBeLessThan(1_000);

      await sleep(350);
      expect((await store.listOpen()).map((breaker) => breaker.state)).toEqual(['half_open']);
      expect(await store.acquire('together_ai:m/one')).toBe('probe');
      await store.recordSuccess('together_ai:m/one');
      expect(await store.listOpen()).toEqual([]);
      expect(await redis.zcard(`${prefix}list:breakers:open`)).toBe(0);
    });

    it('drops a listed breaker whose state expired', async () => {
      for (let i = 0; i < 2; i++) await store.recordFailure('together_ai:m/three');
      await redis.del(`${prefix}list:breaker:together_ai:m/three`);
      expect(await store.listOpen()).toEqual([]);
      expect(await redis.zcard(`${prefix}list:breakers:open`)).toBe(0);
    });
  });
});
