import type { Cluster } from 'ioredis';
import { createRedisClient, deleteKeysWithPrefix, whenReady } from '@tiergate/redis';
import { startRedisCluster, type TestRedisCluster } from '@tiergate/testing';
import { RedisCircuitBreakerStore } from './redis-circuit-breaker.store';

/**
 * The breaker scripts on a three-master Redis Cluster, through the api's fail-fast counters
 * client: each script touches one key, the open index is one more key, and breakers of several
 * models (on different masters) are listed together.
 */
describe('RedisCircuitBreakerStore on a Redis Cluster', () => {
  // The cluster is this file's own: a fixed prefix keeps the spread of keys over masters the same.
  const prefix = 'tiergate-test:breaker:';
  const settings = { failureThreshold: 2, windowMs: 10_000, cooldownMs: 60_000, probeTimeoutMs: 1_000 };
  const models = Array.from({ length: 8 }, (_, i) => `together_ai:m/model-${i}`);
  let cluster: TestRedisCluster;
  let redis: Cluster;
  let first: RedisCircuitBreakerStore;
  let second: RedisCircuitBreakerStore;

  beforeAll(async () => {
    cluster = await startRedisCluster();
    redis = (await whenReady(
      createRedisClient(cluster.url, 'counters', { failFast: true }),
      10_000,
    )) as Cluster;
    // Two api instances sharing the cluster.
    first = new RedisCircuitBreakerStore(redis, prefix, settings);
    second = new RedisCircuitBreakerStore(redis, prefix, settings);
  }, 60_000);
  afterAll(async () => {
    if (cluster) await deleteKeysWithPrefix(cluster.url, prefix);
    redis?.disconnect();
    await cluster?.stop();
  });

  it('opens breakers on every master, agrees across instances, lists and closes them', async () => {
    for (const model of models) {
      expect(await first.acquire(model)).toBe('closed');
      expect(await first.recordFailure(model)).toBe(false);
      expect(await second.recordFailure(model)).toBe(true);
    }
    for (const model of models) expect(await second.acquire(model)).toBe('open');
    const listed = await second.listOpen();
    expect(listed.map((breaker) => breaker.key).sort()).toEqual([...models].sort());
    expect(listed.every((breaker) => breaker.state === 'open')).toBe(true);

    const masters = await Promise.all(models.map((model) => cluster.masterOf(`${prefix}breaker:${model}`)));
    expect(new Set(masters).size).toBeGreaterThan(1);

    for (const model of models) await first.recordSuccess(model);
    expect(await second.listOpen()).toEqual([]);
    for (const model of models) expect(await second.acquire(model)).toBe('closed');
  });
});
