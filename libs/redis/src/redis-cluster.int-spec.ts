import { randomUUID } from 'node:crypto';
import { Cluster } from 'ioredis';
import { Queue } from 'bullmq';
import { startRedisCluster, type TestRedisCluster, waitFor } from '@tiergate/testing';
import { RedisAttemptCounter } from './attempt-counter';
import { RedisChangeBus } from './change-bus';
import {
  bullmqPrefix,
  createRedisClient,
  deleteKeysWithPrefix,
  isRedisCluster,
  whenReady,
  type RedisConnection,
} from './redis-client';
import { RedisSharedCache } from './shared-cache';

/** The Redis-backed parts of libs/redis on a three-master Redis Cluster of the test's own. */
describe('libs/redis on a Redis Cluster', () => {
  let cluster: TestRedisCluster;
  const clients: RedisConnection[] = [];
  // The cluster is this file's own: a fixed prefix keeps the spread of keys over masters the same.
  const prefix = 'tiergate-test:redis:';

  /** A client as the api makes it, once the cluster client is ready (fail-fast ones refuse before). */
  async function client(name: string, options: Parameters<typeof createRedisClient>[2] = {}) {
    const made = createRedisClient(cluster.url, name, options);
    clients.push(made);
    return whenReady(made, 10_000);
  }

  beforeAll(async () => {
    cluster = await startRedisCluster();
  }, 60_000);
  afterAll(async () => {
    clients.forEach((made) => made.disconnect());
    await cluster?.stop();
  });

  it('makes a Cluster client from a redis+cluster:// URL, with the fail-fast settings', async () => {
    const counters = await client('counters', { failFast: true });
    expect(isRedisCluster(counters)).toBe(true);
    const options = (counters as Cluster).options;
    expect(options.enableOfflineQueue).toBe(false);
    expect(options.scaleReads).toBe('master');
    expect(options.redisOptions).toMatchObject({
      commandTimeout: 500,
      maxRetriesPerRequest: 0,
      connectionName: 'tiergate-counters',
    });
    const queue = createRedisClient(cluster.url, 'usage', { bullmq: { offlineQueue: false }, quiet: true });
    clients.push(queue);
    expect((queue as Cluster).options.redisOptions?.maxRetriesPerRequest).toBeNull();
    expect((queue as Cluster).options.enableOfflineQueue).toBe(false);
    expect(bullmqPrefix(cluster.url, 'tiergate:')).toBe('{tiergate:bull}');
    expect(bullmqPrefix('redis://127.0.0.1:6379', 'tiergate:')).toBe('tiergate:bull');
  });

  it('spreads keys over the three masters, and the shared cache reads back what it wrote', async () => {
    const redis = await client('counters', { failFast: true });
    const cache = new RedisSharedCache(redis, prefix);
    const keys = Array.from({ length: 30 }, (_, i) => `principal:${i}`);
    await Promise.all(keys.map((key, i) => cache.set(key, `value-${i}`, 60)));
    expect(await Promise.all(keys.map((key) => cache.get(key)))).toEqual(keys.map((_, i) => `value-${i}`));
    expect(await cache.get('principal:absent')).toBeUndefined();
    const masters = new Set(await Promise.all(keys.map((key) => cluster.masterOf(prefix + key))));
    expect(masters.size).toBe(3);
  });

  it('counts sign-in attempts exactly (MULTI on one key), windows included', async () => {
    const counter = new RedisAttemptCounter(await client('counters', { failFast: true }), prefix);
    await Promise.all(Array.from({ length: 50 }, () => counter.increment('login:account:a', 60)));
    await Promise.all(Array.from({ length: 7 }, () => counter.increment('login:address:b', 60)));
    const account = await counter.peek('login:account:a');
    expect(account.count).toBe(50);
    expect(account.resetInSeconds).toBeGreaterThan(55);
    expect((await counter.peek('login:address:b')).count).toBe(7);
    await counter.reset('login:account:a');
    expect(await counter.peek('login:account:a')).toEqual({ count: 0, resetInSeconds: 0 });
  });

  it('carries change-bus messages between two instances, each with its own cluster connections', async () => {
    const first = new RedisChangeBus(
      await client('main'),
      await client('subscriber', { subscriber: true }),
      prefix,
    );
    const second = new RedisChangeBus(
      await client('main'),
      await client('subscriber', { subscriber: true }),
      prefix,
    );
    const seen: string[] = [];
    for (const [name, bus] of [
      ['first', first],
      ['second', second],
    ] as const)
      for (const topic of ['flags.changed', 'provider-keys.changed', 'principals.changed'])
        bus.subscribe(topic, (payload) => seen.push(`${name} ${topic} ${payload}`));
    // A subscription is in place once a message sent after it arrives.
    await waitFor(
      async () => {
        await first.publish('principals.changed', 'probe');
        return seen.filter((line) => line.endsWith('probe')).length >= 2 || undefined;
      },
      10_000,
      'both subscriptions',
    );
    await first.publish('flags.changed', 'one');
    await second.publish('provider-keys.changed', 'two');
    const delivered = () => seen.filter((line) => !line.endsWith('probe')).sort();
    await waitFor(() => (delivered().length >= 4 ? true : undefined), 5_000, 'four deliveries');
    expect(delivered()).toEqual([
      'first flags.changed one',
      'first provider-keys.changed two',
      'second flags.changed one',
      'second provider-keys.changed two',
    ]);
  });

  it('keeps every subscription made while the subscriber connection is still coming up', async () => {
    // Services subscribe one after another at start-up; some land while ioredis' cluster
    // subscriber connection is connected but not ready yet (it must not drop them). Several
    // instances, to make that moment likely.
    const topics = Array.from({ length: 30 }, (_, i) => `startup-${i}.changed`);
    const heard = new Set<string>();
    await Promise.all(
      Array.from({ length: 4 }, async (_, instance) => {
        const bus = new RedisChangeBus(
          await client('main'),
          await client('subscriber', { subscriber: true }),
          prefix,
        );
        for (const topic of topics) {
          bus.subscribe(topic, () => heard.add(`${instance} ${topic}`));
          await new Promise((resolve) => setImmediate(resolve));
        }
      }),
    );
    const publisher = new RedisChangeBus(await client('main'), await client('subscriber'), prefix);
    const expected = [0, 1, 2, 3].flatMap((instance) => topics.map((topic) => `${instance} ${topic}`));
    const missing = () => expected.filter((line) => !heard.has(line));
    await waitFor(
      async () => {
        await Promise.all(topics.map((topic) => publisher.publish(topic)));
        return missing().length ? undefined : true;
      },
      3_000,
      'every subscription',
    ).catch(() => undefined);
    expect(missing()).toEqual([]);
  });

  it('runs a BullMQ queue under the hash-tagged prefix without CROSSSLOT errors', async () => {
    const connection = createRedisClient(cluster.url, 'usage', {
      bullmq: { offlineQueue: true },
      quiet: true,
    });
    clients.push(connection);
    const queue = new Queue('cluster-check', { connection, prefix: bullmqPrefix(cluster.url, prefix) });
    try {
      await queue.addBulk(Array.from({ length: 5 }, (_, i) => ({ name: 'job', data: { i } })));
      expect((await queue.getJobCounts('waiting')).waiting).toBe(5);
    } finally {
      await queue.close();
    }
  });

  it('deletes a namespace on every master, hash-tagged BullMQ keys included', async () => {
    const redis = await client('main');
    const other = `tiergate-test:${randomUUID().slice(0, 8)}:`;
    await Promise.all(Array.from({ length: 30 }, (_, i) => redis.set(`${prefix}k:${i}`, '1')));
    await redis.set(`{${prefix}bull}:usage:meta`, '1');
    await redis.set(`${other}kept`, '1');
    await deleteKeysWithPrefix(cluster.url, prefix);
    const left = await Promise.all(
      (redis as Cluster).nodes('master').map((node) => node.keys(`*${prefix}*`)),
    );
    expect(left.flat()).toEqual([]);
    expect(await redis.get(`${other}kept`)).toBe('1');
  });
});
