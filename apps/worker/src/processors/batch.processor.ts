import { Inject, Injectable, Logger, OnApplicationShutdown, OnModuleInit } from '@nestjs/common';
import { Queue, Worker } from 'bullmq';
import { BATCH_QUEUE, BATCH_SWEEP_SCHEDULER, BatchFollower, type BatchSweepJob } from '@tiergate/batch';
import { bullmqPrefix, createRedisClient, type RedisConnection } from '@tiergate/redis';
import { boundedWait } from './bounded-wait';

/** Where the sweep runs: BullMQ on Redis (production), or a timer in this process (embedded mode). */
export interface BatchProcessorOptions {
  redis?: { url: string; keyPrefix: string };
  intervalMs: number;
}

export const BATCH_PROCESSOR_OPTIONS = Symbol('BATCH_PROCESSOR_OPTIONS');
const SHUTDOWN_WAIT_MS = 2_000;

/**
 * The batch follower's driver. Production: a BullMQ job scheduler (one repeatable sweep per
 * period, however many processes upsert it) and a consumer that runs each sweep; a sweep is
 * idempotent and claims each job for a lease, so two consumers never follow one job at once and
 * a consumer that dies mid-way leaves nothing half-charged. Embedded mode: the same sweep on a
 * timer, never overlapping itself.
 */
@Injectable()
export class BatchProcessor implements OnModuleInit, OnApplicationShutdown {
  private readonly logger = new Logger(BatchProcessor.name);
  private worker?: Worker<BatchSweepJob>;
  private queue?: Queue<BatchSweepJob>;
  private connections: RedisConnection[] = [];
  private timer?: NodeJS.Timeout;
  private running?: Promise<number>;

  constructor(
    private readonly follower: BatchFollower,
    @Inject(BATCH_PROCESSOR_OPTIONS) private readonly options: BatchProcessorOptions,
  ) {}

  async onModuleInit(): Promise<void> {
    const { redis, intervalMs } = this.options;
    if (!redis) {
      this.timer = setInterval(() => void this.sweep(), intervalMs).unref();
      return;
    }
    const prefix = bullmqPrefix(redis.url, redis.keyPrefix);
    const queueConnection = createRedisClient(redis.url, 'batch-queue', { bullmq: { offlineQueue: true } });
    const workerConnection = createRedisClient(redis.url, 'batch-worker', { bullmq: { offlineQueue: true } });
    this.connections = [queueConnection, workerConnection];
    this.queue = new Queue<BatchSweepJob>(BATCH_QUEUE, { connection: queueConnection, prefix });
    // Connection problems are logged once by the client; without a listener BullMQ prints each one.
    this.queue.on('error', () => undefined);
    await this.queue.upsertJobScheduler(
      BATCH_SWEEP_SCHEDULER,
      { every: intervalMs },
      { name: 'sweep', data: {}, opts: { removeOnComplete: true, removeOnFail: 100 } },
    );
    this.worker = new Worker<BatchSweepJob>(BATCH_QUEUE, () => this.sweep(), {
      connection: workerConnection,
      prefix,
      concurrency: 1,
    });
    this.worker.on('failed', (job, error) =>
      this.logger.warn(`batch sweep ${job?.id} failed: ${error.message}`),
    );
    this.worker.on('error', (error) => this.logger.warn(`batch worker: ${error.message}`));
  }

  /**
   * A sweep is idempotent and leased, so shutdown does not wait for one to finish: the worker is
   * closed without waiting for its job, and no close waits longer than SHUTDOWN_WAIT_MS (after
   * Redis came back from an outage, BullMQ's close can wait on a blocking connection for good).
   */
  async onApplicationShutdown(): Promise<void> {
    clearInterval(this.timer);
    await boundedWait(this.worker?.close(true), SHUTDOWN_WAIT_MS);
    await boundedWait(this.queue?.close(), SHUTDOWN_WAIT_MS);
    for (const connection of this.connections) connection.disconnect();
    await boundedWait(this.running, SHUTDOWN_WAIT_MS);
  }

  /** One sweep (never two at once in this process); answers how many batches were followed. */
  sweep(): Promise<number> {
    this.running ??= this.follower
      .sweep()
      .catch((error: Error) => {
        this.logger.warn(`batch sweep failed: ${error.message}`);
        return 0;
      })
      .finally(() => (this.running = undefined));
    return this.running;
  }
}
