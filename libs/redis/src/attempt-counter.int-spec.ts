import { randomUUID } from 'node:crypto';
import Redis from 'ioredis';
import { TEST_REDIS_URL } from '@tiergate/testing';
import { AttemptCounter, MemoryAttemptCounter, RedisAttemptCounter } from './attempt-counter';
import { deleteKeysWithPrefix } from './redis-client';

/** The same contract for the Redis counter and the embedded mode's twin. */
describe.each([
  [
    'Redis',
    () => new RedisAttemptCounter(new Redis(TEST_REDIS_URL), `tiergate-test:${randomUUID().slice(0, 8)}:`),
  ],
  ['in-process', () => new MemoryAttemptCounter()],
])('AttemptCounter (%s)', (_name, create: () => AttemptCounter) => {
  let counter: AttemptCounter;

  beforeEach(() => {
    counter = create();
  });
  afterEach(async () => {
    if (counter instanceof RedisAttemptCounter) {
      const redis = (counter as unknown as { redis: Redis; prefix: string }).redis;
      await deleteKeysWithPrefix(TEST_REDIS_URL, (counter as unknown as { prefix: string }).prefix);
      redis.disconnect();
    }
  });

  it('counts in a window that starts with the first event', async () => {
    expect(await counter.peek('a')).toEqual({ count: 0, resetInSeconds: 0 });
    expect((await counter.increment('a', 60)).count).toBe(1);
    const second = await counter.increment('a', 60);
    expect(second.count).toBe(2);
    expect(second.resetInSeconds).toBeGreaterThan(55);
    expect(second.resetInSeconds).toBeLessThanOrEqual(60);
    expect((await counter.peek('a')).count).toBe(2);
    expect((await counter.peek('b')).count).toBe(0);
  });

  it('does not extend the window on later events, and resets', async () => {
    await counter.increment('k', 60);
    const later = await counter.increment('k', 3600);
    expect(later.resetInSeconds).toBeLessThanOrEqual(60);
    await counter.reset('k');
    expect((await counter.peek('k')).count).toBe(0);
  });

  it('counts concurrent events exactly', async () => {
    await Promise.all(Array.from({ length: 50 }, () => counter.increment('c', 60)));
    expect((await counter.peek('c')).count).toBe(50);
  });
});

describe('MemoryAttemptCounter', () => {
  it('ends a window when its time is up', async () => {
    let now = 1_000_000;
    const counter = new MemoryAttemptCounter(() => now);
    await counter.increment('x', 10);
    now += 9_000;
    expect(await counter.peek('x')).toEqual({ count: 1, resetInSeconds: 1 });
    now += 1_000;
    expect((await counter.peek('x')).count).toBe(0);
    expect((await counter.increment('x', 10)).count).toBe(1);
  });
});
