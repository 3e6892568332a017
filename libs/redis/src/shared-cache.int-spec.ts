import { randomUUID } from 'node:crypto';
import Redis from 'ioredis';
import { ManualClock } from '@tiergate/common';
import { advanceRedisExpiries, TEST_REDIS_URL } from '@tiergate/testing';
import { deleteKeysWithPrefix } from './redis-client';
import { MemorySharedCache, RedisSharedCache, type SharedCache } from './shared-cache';

interface Subject {
  cache: SharedCache;
  /** Another api instance's cache: the same entries (in embedded mode there is one process, one cache). */
  sibling: SharedCache;
  /** A cache of another deployment (another key prefix; another process): none of these entries. */
  stranger: SharedCache;
  /** Lets time pass as far as entries' expiry goes. */
  advance(ms: number): Promise<void>;
  close(): Promise<void>;
}

function redisSubject(): Subject {
  const prefix = `tiergate-test:${randomUUID().slice(0, 8)}:`;
  const redis = new Redis(TEST_REDIS_URL);
  const other = new Redis(TEST_REDIS_URL);
  return {
    cache: new RedisSharedCache(redis, prefix),
    sibling: new RedisSharedCache(other, prefix),
    stranger: new RedisSharedCache(other, `${prefix}other:`),
    advance: (ms) => advanceRedisExpiries(redis, prefix, ms),
    close: async () => {
      await deleteKeysWithPrefix(TEST_REDIS_URL, prefix);
      redis.disconnect();
      other.disconnect();
    },
  };
}

function memorySubject(): Subject {
  const clock = new ManualClock();
  const cache = new MemorySharedCache(10_000, clock);
  return {
    cache,
    sibling: cache,
    stranger: new MemorySharedCache(10_000, clock),
    advance: (ms) => Promise.resolve(clock.advance(ms)),
    close: () => Promise.resolve(),
  };
}

/** The SharedCache contract, for the Redis cache and its in-process twin. */
describe.each([
  ['Redis', redisSubject],
  ['memory', memorySubject],
])('SharedCache (%s)', (_name, create: () => Subject) => {
  let subject: Subject;
  let cache: SharedCache;
  beforeEach(() => {
    subject = create();
    cache = subject.cache;
  });
  afterEach(() => subject.close());

  it('misses a key never set, returns what was set, and the last value written', async () => {
    expect(await cache.get('catalog')).toBeUndefined();
    await cache.set('catalog', '{"models":[]}', 60);
    expect(await cache.get('catalog')).toBe('{"models":[]}');
    await cache.set('catalog', '{"models":["m"]}', 60);
    expect(await cache.get('catalog')).toBe('{"models":["m"]}');
    await cache.set('empty', '', 60);
    expect(await cache.get('empty')).toBe('');
  });

  it('forgets an entry once its time to live is over, and a rewrite starts it again', async () => {
    await cache.set('short', 'a', 2);
    await cache.set('long', 'b', 10);
    await subject.advance(1_500);
    expect(await cache.get('short')).toBe('a');
    await subject.advance(600);
    expect(await cache.get('short')).toBeUndefined();
    expect(await cache.get('long')).toBe('b');
    await cache.set('long', 'c', 2);
    await subject.advance(2_100);
    expect(await cache.get('long')).toBeUndefined();
  });

  it('is shared by every instance of one deployment, and by no other', async () => {
    await cache.set('answer:1', 'from the first instance', 60);
    expect(await subject.sibling.get('answer:1')).toBe('from the first instance');
    expect(await subject.stranger.get('answer:1')).toBeUndefined();
    await subject.stranger.set('answer:1', 'another deployment', 60);
    expect(await cache.get('answer:1')).toBe('from the first instance');
  });

  it('keeps 200 entries written at once apart, and one of the racing values of a key', async () => {
    const keys = Array.from({ length: 200 }, (_, i) => `k:${i}`);
    await Promise.all(keys.map((key, i) => cache.set(key, `v${i}`, 60)));
    expect(await Promise.all(keys.map((key) => subject.sibling.get(key)))).toEqual(
      keys.map((_, i) => `v${i}`),
    );
    const racing = Array.from({ length: 50 }, (_, i) => `r${i}`);
    await Promise.all(racing.map((value, i) => (i % 2 ? subject.sibling : cache).set('raced', value, 60)));
    expect(racing).toContain(await cache.get('raced'));
  });
});

describe('MemorySharedCache', () => {
  it('holds at most its bound, dropping the entry written first', async () => {
    const cache = new MemorySharedCache(3);
    for (const key of ['a', 'b', 'c']) await cache.set(key, key, 60);
    await cache.set('a', 'again', 60); // rewritten: now the newest
    await cache.set('d', 'd', 60);
    expect(await Promise.all(['a', 'b', 'c', 'd'].map((key) => cache.get(key)))).toEqual([
      'again',
      undefined,
      'c',
      'd',
    ]);
  });
});
