import { Queue } from 'bullmq';
import type { Cluster } from 'ioredis';
import { bullmqPrefix, createRedisClient, type RedisConnection, whenReady } from '@tiergate/redis';
import { startRedisCluster, type TestRedisCluster, waitFor } from '@tiergate/testing';
import { USAGE_QUEUE, type UsageJob } from '@tiergate/usage';
import { TestApi } from './support/test-api';

const CHAT = '/api/v1/together/chat/completions';
let asked = 0;
const ask = (extra: Record<string, unknown> = {}) => ({
  messages: [{ role: 'user', content: `cluster question ${++asked}` }],
  max_tokens: 8,
  ...extra,
});

/**
 * The api and the usage worker on a three-master Redis Cluster of this file's own: quota and rate
 * scripts, breakers, caches, the sign-in counter, the change bus and the BullMQ usage queue.
 */
describe('the api on a Redis Cluster (e2e)', () => {
  let cluster: TestRedisCluster;
  let api: TestApi;
  let second: TestApi;
  let admin: string;
  let redis: Cluster;
  let queue: Queue<UsageJob>;
  let queueConnection: RedisConnection;
  const workers: Array<{ close: () => Promise<void> }> = [];

  beforeAll(async () => {
    cluster = await startRedisCluster();
    api = await TestApi.start({ LOGIN_MAX_FAILURES: '3' }, { redisUrl: cluster.url });
    // A second instance on the same database, cluster and key prefix (behind one load balancer).
    second = await TestApi.start({ LOGIN_MAX_FAILURES: '3' }, { shareWith: api });
    admin = await api.adminToken();
    redis = (await whenReady(createRedisClient(cluster.url, 'test', { quiet: true }), 10_000)) as Cluster;
    // BullMQ leaves a connection it was given open: closed in afterAll.
    queueConnection = createRedisClient(cluster.url, 'test-queue', {
      bullmq: { offlineQueue: true },
      quiet: true,
    });
    queue = new Queue<UsageJob>(USAGE_QUEUE, {
      connection: queueConnection,
      prefix: bullmqPrefix(cluster.url, api.config.redisKeyPrefix),
    });
  }, 90_000);
  afterAll(async () => {
    await Promise.all(workers.map((worker) => worker.close()));
    await queue?.close();
    queueConnection?.disconnect();
    redis?.disconnect();
    await second?.close();
    await api?.close();
    await cluster?.stop();
  });

  /** Every key on the cluster's masters that matches a pattern. */
  const keysMatching = async (pattern: string) =>
    (await Promise.all(redis.nodes('master').map((node) => node.keys(pattern)))).flat();

  it('serves chat, streamed and not, and keeps its counters on the cluster', async () => {
    expect(api.config.redis.url).toBe(cluster.url);
    const user = await api.user();
    const plain = await api.post(CHAT, ask(), user.token);
    const streamed = await second.post(CHAT, ask({ stream: true }), user.token);
    expect([plain.status, streamed.status]).toEqual([200, 200]);
    expect(plain.body.message.content).toEqual(expect.any(String));
    expect(streamed.text).toContain('data: [DONE]');
    const quota = await second.get('/api/v1/together/quota', user.token);
    expect(quota.body.text_generation.requests_used).toBe(2);
    const ready = await api.get('/health/ready');
    expect(ready.status).toBe(200);
    expect(await keysMatching(`${api.config.redisKeyPrefix}q:{${user.id}}:*`)).not.toEqual([]);
  });

  it('200 racing requests on two instances against 50 per day: exactly 50 succeed, no CROSSSLOT', async () => {
    const user = await api.user();
    const responses = await Promise.all(
      Array.from({ length: 200 }, (_, i) =>
        (i % 2 ? second : api).post(CHAT, ask({ max_tokens: 4 }), user.token),
      ),
    );
    const statuses = responses.map((response) => response.status);
    expect(statuses.filter((status) => status === 200)).toHaveLength(50);
    expect(statuses.filter((status) => status === 429)).toHaveLength(150);
    const refused = responses.find((response) => response.status === 429)!;
    expect(refused.body.error).toMatchObject({ code: 'quota_exceeded', type: 'rate_limit_error' });
    expect(responses.map((response) => response.text).join('\n')).not.toContain('CROSSSLOT');
    expect((await api.get('/api/v1/together/quota', user.token)).body.text_generation.requests_used).toBe(50);
  });

  it('usage events travel through the BullMQ queue on the cluster to the ledger', async () => {
    const user = await api.user();
    const statuses = await Promise.all(
      Array.from({ length: 6 }, (_, i) => (i % 2 ? second : api).post(CHAT, ask(), user.token)),
    );
    expect(statuses.map((response) => response.status)).toEqual(Array(6).fill(200));
    // Queued, under the hash-tagged prefix, while no worker runs: nothing written around the queue.
    const queuedEvents = async () => {
      const jobs = await queue.getJobs(['waiting', 'active', 'completed', 'failed']);
      return jobs.flatMap((job) => job.data.events).filter((event) => event.userId === user.id).length;
    };
    await waitFor(async () => ((await queuedEvents()) === 6 ? true : undefined), 10_000, '6 queued events');
    expect(await api.usageRows(user.id)).toBe(0);
    expect(await keysMatching(`{${api.config.redisKeyPrefix}bull}:${USAGE_QUEUE}:*`)).not.toEqual([]);
    expect(await keysMatching(`${api.config.redisKeyPrefix}bull:*`)).toEqual([]);

    workers.push(await api.startWorker());
    await waitFor(
      async () => ((await api.usageRows(user.id)) === 6 ? true : undefined),
      20_000,
      '6 usage rows',
    );
    await waitFor(
      async () => ((await queue.getJobCounts('waiting', 'active')).waiting === 0 ? true : undefined),
      10_000,
      'an empty queue',
    );
    expect(await queue.getJobCounts('failed')).toEqual({ failed: 0 });
  });

  it('an answer cached on the cluster by one instance stands in on the other when every model fails', async () => {
    const user = await api.user();
    const question = ask();
    const fresh = await api.post(CHAT, question, user.token);
    expect(fresh.body.model_source_indicator.cached).toBe(false);
    await waitFor(
      async () =>
        (await keysMatching(`${api.config.redisKeyPrefix}answers:v1:*`)).length ? true : undefined,
      5_000,
      'a cached answer',
    );
    await api.fault({ kind: 'error', status: 500, count: 100 });
    try {
      const cached = await second.post(CHAT, question, user.token);
      expect(cached.status).toBe(200);
      expect(cached.body.message.content).toBe(fresh.body.message.content);
      expect(cached.body.model_source_indicator).toMatchObject({
        cached: true,
        fallback_strategy: 'CACHED_RESPONSE',
      });
    } finally {
      await api.clearFaults();
    }
  });

  it('counts failed sign-ins once for every instance', async () => {
    const user = await api.user();
    const wrong = { email: user.email, password: 'wrong-password-1' };
    const failures = [
      await api.post('/api/v1/auth/login', wrong),
      await second.post('/api/v1/auth/login', wrong),
      await api.post('/api/v1/auth/login', wrong),
    ];
    expect(failures.map((response) => response.status)).toEqual([401, 401, 401]);
    // The third failure was counted on the cluster, so the other instance refuses too.
    const refused = await second.post('/api/v1/auth/login', { email: user.email, password: user.password });
    expect(refused.status).toBe(429);
    expect(Number(refused.headers.get('retry-after'))).toBeGreaterThan(0);
    expect(await keysMatching(`${api.config.redisKeyPrefix}login-failures:account:*`)).toHaveLength(1);
  });

  it('a flag changed on one instance reaches the other over the change bus', async () => {
    const user = await api.user();
    expect((await second.post(CHAT, ask(), user.token)).status).toBe(200);
    try {
      expect(
        (await api.put('/api/v1/admin/flags', { flags: { together_ai_free_tier: false } }, admin)).status,
      ).toBe(200);
      // Well under the snapshots' 30 s refresh: only a message can have told the second instance.
      const refused = await waitFor(
        async () => {
          const response = await second.post(CHAT, ask(), user.token);
          return response.status === 403 ? response : undefined;
        },
        5_000,
        'the second instance to refuse free users',
      );
      expect(refused.body.error.code).toBe('free_tier_disabled');
    } finally {
      await api.put('/api/v1/admin/flags', { flags: { together_ai_free_tier: true } }, admin);
    }
  });
});
