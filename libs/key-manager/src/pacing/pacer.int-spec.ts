import { randomUUID } from 'node:crypto';
import { setTimeout as sleep } from 'node:timers/promises';
import Redis from 'ioredis';
import { deleteKeysWithPrefix } from '@tiergate/redis';
import { TEST_REDIS_URL } from '@tiergate/testing';
import { MemoryPacer } from './memory-pacer';
import { MINUTE_WINDOW_MS, Pacer, SECOND_WINDOW_MS, TOKEN_WINDOW_SECONDS, type KeyLimits } from './pacer';
import { RedisPacer } from './redis-pacer';

interface Subject {
  pacer: Pacer;
  /** Another api instance's pacer: the same windows (embedded mode, one process: the same pacer). */
  sibling: Pacer;
  close(): Promise<void>;
}

function redisSubject(): Subject {
  const prefix = `tiergate-test:${randomUUID().slice(0, 8)}:`;
  const redis = new Redis(TEST_REDIS_URL);
  const other = new Redis(TEST_REDIS_URL);
  return {
    pacer: new RedisPacer(redis, prefix),
    sibling: new RedisPacer(other, prefix),
    close: async () => {
      redis.disconnect();
      other.disconnect();
      await deleteKeysWithPrefix(TEST_REDIS_URL, prefix);
    },
  };
}

function memorySubject(): Subject {
  const pacer = new MemoryPacer();
  return { pacer, sibling: pacer, close: () => Promise.resolve() };
}

const limits = (changes: Partial<KeyLimits>): KeyLimits => ({
  requestsPerSecond: null,
  requestsPerMinute: null,
  tokensPerMinute: null,
  ...changes,
});

describe.each([
  ['Redis', redisSubject],
  ['memory', memorySubject],
])('Pacer on %s', (_name, make) => {
  let subject: Subject;
  beforeEach(() => (subject = make()));
  afterEach(() => subject.close());
  const key = () => randomUUID();

  it('lets the per-second limit through, refuses the next with the time until the oldest leaves', async () => {
    const id = key();
    const rps = limits({ requestsPerSecond: 3 });
    for (let i = 0; i < 3; i++) expect(await subject.pacer.acquire(id, rps, 0)).toMatchObject({ ok: true });
    const refused = await subject.pacer.acquire(id, rps, 0);
    expect(refused).toMatchObject({ ok: false, limit: 'requests_per_second' });
    const wait = (refused as { retryAfterMs: number }).retryAfterMs;
    expect(wait).toBeGreaterThan(0);
    expect(wait).toBeLessThanOrEqual(SECOND_WINDOW_MS);
    await sleep(wait + 20);
    expect(await subject.pacer.acquire(id, rps, 0)).toMatchObject({ ok: true });
  });

  it('60 concurrent acquires from two instances against 10 per second: exactly 10 get a slot', async () => {
    const id = key();
    const rps = limits({ requestsPerSecond: 10 });
    const outcomes = await Promise.all(
      Array.from({ length: 60 }, (_, i) => (i % 2 ? subject.sibling : subject.pacer).acquire(id, rps, 0)),
    );
    expect(outcomes.filter((outcome) => outcome.ok)).toHaveLength(10);
  });

  it('the per-minute window counts separately, and frees a minute after the oldest', async () => {
    const id = key();
    const rpm = limits({ requestsPerMinute: 2 });
    await subject.pacer.acquire(id, rpm, 0);
    await subject.sibling.acquire(id, rpm, 0);
    const refused = await subject.pacer.acquire(id, rpm, 0);
    expect(refused).toMatchObject({ ok: false, limit: 'requests_per_minute' });
    const wait = (refused as { retryAfterMs: number }).retryAfterMs;
    expect(wait).toBeGreaterThan(MINUTE_WINDOW_MS - 10_000);
    expect(wait).toBeLessThanOrEqual(MINUTE_WINDOW_MS);
  });

  it('tokens per minute: counted up front, corrected afterwards', async () => {
    const id = key();
    const tpm = limits({ tokensPerMinute: 100 });
    const first = await subject.pacer.acquire(id, tpm, 60);
    expect(first).toMatchObject({ ok: true });
    const refused = await subject.pacer.acquire(id, tpm, 50);
    expect(refused).toMatchObject({ ok: false, limit: 'tokens_per_minute' });
    expect((refused as { retryAfterMs: number }).retryAfterMs).toBeLessThanOrEqual(
      TOKEN_WINDOW_SECONDS * 1000,
    );
    // The first call used 30 tokens, not 60: the 30 given back make room for 50.
    await subject.sibling.correctTokens(id, (first as { slot: number }).slot, -30);
    expect(await subject.pacer.acquire(id, tpm, 50)).toMatchObject({ ok: true });
    expect(await subject.pacer.acquire(id, tpm, 21)).toMatchObject({ ok: false, limit: 'tokens_per_minute' });
    // Calls without a token estimate are not held by the token window.
    expect(await subject.pacer.acquire(id, tpm, 0)).toMatchObject({ ok: true });
  });

  it('a call larger than the whole minute goes alone', async () => {
    const id = key();
    const tpm = limits({ tokensPerMinute: 100 });
    expect(await subject.pacer.acquire(id, tpm, 500)).toMatchObject({ ok: true });
    expect(await subject.pacer.acquire(id, tpm, 1)).toMatchObject({ ok: false, limit: 'tokens_per_minute' });
  });

  it('follows the room the upstream reported until it resets, on every instance', async () => {
    const id = key();
    const none = limits({});
    await subject.pacer.report(id, { requests: 1, tokens: null, resetMs: 600 });
    expect(await subject.sibling.acquire(id, none, 0)).toMatchObject({ ok: true });
    const refused = await subject.pacer.acquire(id, none, 0);
    expect(refused).toMatchObject({ ok: false, limit: 'reported_requests' });
    const wait = (refused as { retryAfterMs: number }).retryAfterMs;
    expect(wait).toBeGreaterThan(0);
    expect(wait).toBeLessThanOrEqual(600);
    await sleep(wait + 20);
    expect(await subject.pacer.acquire(id, none, 0)).toMatchObject({ ok: true });

    await subject.pacer.report(id, { requests: null, tokens: 20, resetMs: 5_000 });
    expect(await subject.pacer.acquire(id, none, 30)).toMatchObject({ ok: false, limit: 'reported_tokens' });
    expect(await subject.pacer.acquire(id, none, 15)).toMatchObject({ ok: true });
    expect(await subject.pacer.acquire(id, none, 15)).toMatchObject({ ok: false, limit: 'reported_tokens' });
  });

  it('keys are paced apart', async () => {
    const [a, b] = [key(), key()];
    const one = limits({ requestsPerSecond: 1 });
    expect(await subject.pacer.acquire(a, one, 0)).toMatchObject({ ok: true });
    expect(await subject.pacer.acquire(a, one, 0)).toMatchObject({ ok: false });
    expect(await subject.pacer.acquire(b, one, 0)).toMatchObject({ ok: true });
  });
});

describe('RedisPacer keys', () => {
  it('are hash-tagged by key id (one slot per key: runs unchanged on a Redis Cluster)', async () => {
    const prefix = `tiergate-test:${randomUUID().slice(0, 8)}:`;
    const redis = new Redis(TEST_REDIS_URL);
    try {
      const pacer = new RedisPacer(redis, prefix);
      const id = randomUUID();
      await pacer.acquire(id, limits({ requestsPerSecond: 5, tokensPerMinute: 100 }), 10);
      await pacer.report(id, { requests: 3, tokens: null, resetMs: 1_000 });
      const keys = (await redis.keys(`${prefix}*`)).sort();
      expect(keys).toEqual(['requests', 'room', 'tokens'].map((name) => `${prefix}pace:{${id}}:${name}`));
    } finally {
      redis.disconnect();
      await deleteKeysWithPrefix(TEST_REDIS_URL, prefix);
    }
  });
});
