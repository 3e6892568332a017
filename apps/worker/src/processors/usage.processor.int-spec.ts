import { randomUUID } from 'node:crypto';
import { Queue } from 'bullmq';
import { bullmqClientOf, bullmqPrefix, createRedisClient } from '@tiergate/redis';
import {
  createRedisNamespace,
  createTestDatabase,
  eventLoopTurns,
  usageEvent,
  waitFor,
  type TestDatabase,
} from '@tiergate/testing';
import { USAGE_QUEUE, UsageWriter, type UsageEvent, type UsageJob } from '@tiergate/usage';
import { startTestWorker } from '../../test/support/test-worker';
import { UsageProcessor } from './usage.processor';

const event = (userId: string): UsageEvent => usageEvent({ userId });

describe('UsageProcessor (@nestjs/bullmq worker on Redis and PostgreSQL)', () => {
  const namespace = createRedisNamespace();
  let db: TestDatabase;
  let producerConnection: ReturnType<typeof createRedisClient>;
  let queue: Queue<UsageJob>;

  beforeAll(async () => {
    db = await createTestDatabase();
    producerConnection = createRedisClient(namespace.url, 'test-producer', {
      bullmq: { offlineQueue: true },
      quiet: true,
    });
    queue = new Queue<UsageJob>(USAGE_QUEUE, {
      connection: producerConnection,
      prefix: bullmqPrefix(namespace.url, namespace.prefix),
    });
  });
  afterAll(async () => {
    await queue?.close();
    producerConnection?.disconnect();
    await namespace.clear();
    await db?.drop();
  });

  const start = () =>
    startTestWorker(
      { databaseUrl: db.url, redisUrl: namespace.url, redisKeyPrefix: namespace.prefix },
      { USAGE_WORKER_CONCURRENCY: '3' },
    );
  const rowsOf = async (userId: string) =>
    Number(
      (
        await db.query<{ n: string }>('SELECT count(*) AS n FROM usage_events WHERE user_id = $1', [userId])
      )[0].n,
    );

  it('writes queued batches, with the configured concurrency, and fails a malformed job', async () => {
    const app = await start();
    try {
      const worker = app.get(UsageProcessor).worker;
      expect(worker.concurrency).toBe(3);
      const userId = randomUUID();
      await queue.add('batch', { events: [event(userId), event(userId)] });
      const malformed = await queue.add('batch', { events: [{ requestId: 'x' }] } as unknown as UsageJob);
      await waitFor(async () => ((await rowsOf(userId)) === 2 ? true : undefined), 10_000, '2 rows');
      await waitFor(
        async () => ((await queue.getJobState(malformed.id!)) === 'failed' ? true : undefined),
        10_000,
        'the malformed job to fail',
      );
    } finally {
      await app.close();
    }
  });

  it('shuts down with a batch in hand: the batch is written, then the connection closes, and the event loop keeps turning', async () => {
    const app = await start();
    const processor = app.get(UsageProcessor);
    const connection = bullmqClientOf(processor.worker.opts)!;
    const writer = app.get(UsageWriter);
    const write = writer.write.bind(writer);
    let started = 0;
    jest.spyOn(writer, 'write').mockImplementation(async (events) => {
      started += 1;
      await new Promise((resolve) => setTimeout(resolve, 600));
      return write(events);
    });
    const userId = randomUUID();
    const job = await queue.add('batch', { events: [event(userId)] });
    await waitFor(() => (started === 1 ? true : undefined), 10_000, 'a batch in hand');

    await app.close();
    // A connection closed under BullMQ's job in flight made it retry without a pause, for good.
    expect(await eventLoopTurns()).toBe(true);
    expect(await rowsOf(userId)).toBe(1);
    expect(await queue.getJobState(job.id!)).toBe('completed');
    expect(connection.status).toBe('end');
  });
});
