import { randomBytes } from 'node:crypto';
import { DynamicModule, INestApplicationContext, Logger, Module } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { getQueueToken } from '@nestjs/bullmq';
import { Queue } from 'bullmq';
import { ApiConfig, ConfigModule } from '@tiergate/config';
import { bullmqClientOf, bullmqPrefix, createRedisClient, deleteKeysWithPrefix } from '@tiergate/redis';
import { TcpProxy, TEST_REDIS_URL, usageEvent, waitFor } from '@tiergate/testing';
import { USAGE_QUEUE, type UsageEvent, type UsageJob } from './usage-event';
import { UsageQueueModule } from './usage.module';
import { QueueSink, UsageRecorder, UsageSink } from './usage-recorder';
import { UsageSpool } from './usage-spool';
import { UsageWriter } from './usage-writer';

const event = (): UsageEvent => usageEvent();

/** The recorder on the usage queue of UsageQueueModule, with a ledger writer and spool that only take note. */
@Module({})
class RecorderOnQueue {
  static register(url: string, keyPrefix: string, written: string[]): DynamicModule {
    const config = { redis: { url }, redisKeyPrefix: keyPrefix } as ApiConfig;
    const writer = {
      write: (events: UsageEvent[]) => Promise.resolve(written.push(...events.map((e) => e.requestId))),
    };
    const spool = { append: () => Promise.reject(new Error('nothing should be spooled')) };
    return {
      module: RecorderOnQueue,
      imports: [ConfigModule.forApi(config), UsageQueueModule.forApi()],
      providers: [
        { provide: UsageSink, useExisting: QueueSink },
        { provide: UsageWriter, useValue: writer },
        { provide: UsageSpool, useValue: spool },
        UsageRecorder,
      ],
    };
  }
}

describe('the usage queue through @nestjs/bullmq (Redis)', () => {
  const keyPrefix = `tiergate-test:${randomBytes(4).toString('hex')}:`;
  let peekConnection: ReturnType<typeof createRedisClient>;
  let peek: Queue<UsageJob>;

  beforeAll(() => {
    Logger.overrideLogger(false);
    peekConnection = createRedisClient(TEST_REDIS_URL, 'test-peek', { bullmq: { offlineQueue: true } });
    peek = new Queue<UsageJob>(USAGE_QUEUE, {
      connection: peekConnection,
      prefix: bullmqPrefix(TEST_REDIS_URL, keyPrefix),
    });
  });
  afterAll(async () => {
    Logger.overrideLogger(['log', 'error', 'warn', 'debug', 'verbose']);
    await peek.close();
    peekConnection.disconnect();
    await deleteKeysWithPrefix(TEST_REDIS_URL, keyPrefix);
  });

  const start = async (url: string, written: string[]) => {
    const app = await NestFactory.createApplicationContext(
      RecorderOnQueue.register(url, keyPrefix, written),
      {
        logger: false,
      },
    );
    await app.init();
    return app;
  };
  const connectionOf = (app: INestApplicationContext) =>
    bullmqClientOf(app.get<Queue<UsageJob>>(getQueueToken(USAGE_QUEUE), { strict: false }).opts)!;
  const queued = async () =>
    (await peek.getJobs(['waiting'])).flatMap((job) => job.data.events.map((e) => e.requestId));

  it('puts the events still buffered at shutdown on the queue, then closes its connection', async () => {
    const written: string[] = [];
    const app = await start(TEST_REDIS_URL, written);
    const connection = connectionOf(app);
    const recorder = app.get(UsageRecorder);
    expect((await recorder.queueStatus()).mode).toBe('queue');
    const events = [event(), event()];
    events.forEach((e) => recorder.record(e));

    await app.close();
    expect(await queued()).toEqual(expect.arrayContaining(events.map((e) => e.requestId)));
    expect(written).toEqual([]);
    await waitFor(() => (connection.status === 'end' ? true : undefined), 2_000, 'the connection to close');
  });

  it('refuses a batch at once while Redis is cut, so the recorder writes the ledger directly', async () => {
    const proxy = await TcpProxy.start({ host: '127.0.0.1', port: Number(new URL(TEST_REDIS_URL).port) });
    const written: string[] = [];
    const app = await start(proxy.url, written);
    try {
      const recorder = app.get(UsageRecorder);
      const before = event();
      recorder.record(before);
      await recorder.drain();
      expect(await queued()).toContain(before.requestId);

      await proxy.down();
      const connection = connectionOf(app);
      await waitFor(() => (connection.status !== 'ready' ? true : undefined), 2_000, 'the cut to be noticed');
      const during = event();
      const started = Date.now();
      recorder.record(during);
      await recorder.drain();
      // Far below the sink's 1 s timeout: the connection has no offline queue.
      expect(Date.now() - started).toBeLessThan(500);
      expect(written).toEqual([during.requestId]);
    } finally {
      await proxy.up();
      await app.close();
      await proxy.down();
    }
  });
});
