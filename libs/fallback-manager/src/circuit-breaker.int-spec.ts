import { randomUUID } from 'node:crypto';
import Redis from 'ioredis';
import { deleteKeysWithPrefix } from '@tiergate/redis';
import { TEST_REDIS_URL } from '@tiergate/testing';
import { RedisCircuitBreakerStore } from './circuit-breaker';

describe('RedisCircuitBreakerStore.listOpen (Redis)', () => {
  const prefix = `tiergate-test:${randomUUID().slice(0, 8)}:`;
  const settings = { failureThreshold: 2, windowMs: 10_000, cooldownMs: 300, probeTimeoutMs: 1_000 };
  let redis: Redis;
  let store: RedisCircuitBreakerStore;

  beforeAll(() => {
    redis = new Redis(TEST_REDIS_URL);
    store = new RedisCircuitBreakerStore(redis, prefix, settings);
  });
  afterAll(async () => {
    redis.disconnect();
    await deleteKeysWithPrefix(TEST_REDIS_URL, prefix);
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

    await new Promise((resolve) => setTimeout(resolve, 350));
    expect((await store.listOpen()).map((breaker) => breaker.state)).toEqual(['half_open']);
    expect(await store.acquire('together_ai:m/one')).toBe('probe');
    await store.recordSuccess('together_ai:m/one');
    expect(await store.listOpen()).toEqual([]);
    expect(await redis.zcard(`${prefix}breakers:open`)).toBe(0);
  });

  it('drops a listed breaker whose state expired', async () => {
    for (let i = 0; i < 2; i++) await store.recordFailure('together_ai:m/three');
    await redis.del(`${prefix}breaker:together_ai:m/three`);
    expect(await store.listOpen()).toEqual([]);
    expect(await redis.zcard(`${prefix}breakers:open`)).toBe(0);
  });
});
