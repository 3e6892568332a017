import { randomUUID } from 'node:crypto';
import type { Cluster } from 'ioredis';
import { createRedisClient, deleteKeysWithPrefix, whenReady } from '@tiergate/redis';
import { startRedisCluster, type TestRedisCluster } from '@tiergate/testing';
import type { ReservationAmounts, ReservationKeys, ReservationLimits } from './quota-store';
import { RedisQuotaStore } from './redis-quota-store';

const DAY = '20990101';
/** No limit set: every limit unlimited. */
const UNLIMITED: ReservationLimits = {};
const TEXT: ReservationAmounts = { tokens: 100, audioMs: 0, stream: false, quota: true };

/**
 * The quota scripts on a three-master Redis Cluster, through the api's fail-fast counters client:
 * each script's five keys share the user's hash tag, so none is refused with CROSSSLOT, and users
 * land on every master.
 */
describe('RedisQuotaStore on a Redis Cluster', () => {
  let cluster: TestRedisCluster;
  let redis: Cluster;
  let store: RedisQuotaStore;
  // The cluster is this file's own: a fixed prefix keeps the spread of keys over masters the same.
  const prefix = 'tiergate-test:quota:';
  let second = 0;

  const keysFor = (userId: string, feature = 'text_generation'): ReservationKeys => ({
    userId,
    feature,
    day: DAY,
    second: ++second,
    minute: second,
    dayTtlSeconds: 3600,
  });

  beforeAll(async () => {
    cluster = await startRedisCluster();
    redis = (await whenReady(
      createRedisClient(cluster.url, 'counters', { failFast: true }),
      10_000,
    )) as Cluster;
    store = new RedisQuotaStore(redis, prefix);
  }, 60_000);
  afterAll(async () => {
    if (cluster) await deleteKeysWithPrefix(cluster.url, prefix);
    redis?.disconnect();
    await cluster?.stop();
  });

  it('reserves, settles and refunds for users on every master', async () => {
    const users = Array.from({ length: 12 }, (_, i) => `user-${i}`);
    const masters = new Set<number>();
    for (const user of users) {
      expect(
        await store.seed(user, DAY, { text_generation: { requests: 2, tokens: 50, audioMs: 0 } }, 3600),
      ).toBe(true);
      const keys = keysFor(user);
      const reserved = await store.reserve(
        keys,
        { ...UNLIMITED, requests_per_day: 10 },
        { ...TEXT, stream: true },
        true,
      );
      expect(reserved).toMatchObject({ ok: true, requestsUsed: 3, tokensUsed: 150 });
      if (!reserved.ok || !('seed' in reserved)) throw new Error('not admitted');
      await store.settle({ ...keys, seed: reserved.seed }, { ...TEXT, stream: true }, -60, 0);
      const failing = await store.reserve(keysFor(user), UNLIMITED, TEXT, true);
      if (!failing.ok) throw new Error('not admitted');
      await store.refund({ ...keysFor(user), seed: failing.seed }, TEXT);
      expect(await store.dayUsage(user, DAY, ['text_generation', 'audio_tts'])).toEqual({
        seeded: true,
        features: {
          text_generation: { requests: 3, tokens: 90, audioMs: 0 },
          audio_tts: { requests: 0, tokens: 0, audioMs: 0 },
        },
      });
      masters.add(await cluster.masterOf(`${prefix}q:{${user}}:d:${DAY}:text_generation`));
    }
    expect(masters.size).toBe(3);
  });

  it('200 racing reservations against 50 per day: exactly 50 succeed', async () => {
    const user = randomUUID();
    await store.seed(user, DAY, {}, 3600);
    const keys = keysFor(user);
    const outcomes = await Promise.all(
      Array.from({ length: 200 }, () =>
        store.reserve(keys, { ...UNLIMITED, requests_per_day: 50 }, TEXT, true),
      ),
    );
    expect(outcomes.filter((outcome) => outcome.ok)).toHaveLength(50);
    expect(outcomes.filter((outcome) => !outcome.ok && 'limit' in outcome)).toHaveLength(150);
    expect((await store.dayUsage(user, DAY, ['text_generation'])).features.text_generation.requests).toBe(50);
  });

  it('rate windows and concurrent streams hold across the cluster too', async () => {
    const user = randomUUID();
    await store.seed(user, DAY, {}, 3600);
    const keys = keysFor(user);
    const limits = { ...UNLIMITED, requests_per_second: 5, concurrent_streams: 2 };
    const outcomes = await Promise.all(
      Array.from({ length: 20 }, () => store.reserve(keys, limits, { ...TEXT, stream: true }, true)),
    );
    expect(outcomes.filter((outcome) => outcome.ok)).toHaveLength(2);
    expect(outcomes.find((outcome) => !outcome.ok)).toEqual({
      ok: false,
      limit: 'concurrent_streams',
      limitValue: 2,
    });
  });
});
