import { Inject, Injectable, Logger, OnApplicationShutdown, OnModuleInit } from '@nestjs/common';
import { Queue, Worker } from 'bullmq';
import {
  DEDICATED_QUEUE,
  DEDICATED_SWEEP_SCHEDULER,
  DedicatedFollower,
  type DedicatedSweepJob,
} from '@tiergate/dedicated';
import { bullmqPrefix, createRedisClient, type RedisConnection } from '@tiergate/redis';
import { boundedWait } from './bounded-wait';

/** Where the sweep runs: BullMQ on Redis (production), or a timer in this process (embedded mode). */
export interface DedicatedProcessorOptions {
  redis?: { url: string; keyPrefix: string };
  intervalMs: number;
}

export const DEDICATED_PROCESSOR_OPTIONS = Symbol('DEDICATED_PROCESSOR_OPTIONS');
const SHUTDOWN_WAIT_MS = 2_000;

/**
 * The endpoint and upload follower's driver, as for batches: a BullMQ job scheduler (one
 * repeatable sweep per period across every process) and a consumer; each sweep claims rows for a
 * lease and is idempotent. Embedded mode: the same sweep on a timer, never overlapping itself.
 */
@Injectable()
export class DedicatedProcessor implements OnModuleInit, OnApplicationShutdown {
  private readonly logger = new Logger(DedicatedProcessor.name);
  private worker?: Worker<DedicatedSweepJob>;
  private queue?: Queue<DedicatedSweepJob>;
  private connections: RedisConnection[] = [];
  private timer?: NodeJS.Timeout;
  private running?: Promise<number>;

  constructor(
    private readonly follower: DedicatedFollower,
    @Inject(DEDICATED_PROCESSOR_OPTIONS) private readonly options: DedicatedProcessorOptions,
  ) {}

  async onModuleInit(): Promise<void> {
    const { redis, intervalMs } = this.options;
    if (!redis) {
      this.timer = setInterval(() => void this.sweep(), intervalMs).unref();
      return;
    }
    const prefix = bullmqPrefix(redis.url, redis.keyPrefix);
    const queueConnection = createRedisClient(redis.url, 'dedicated-queue', {
      bullmq: { offlineQueue: true },
    });
    const workerConnection = createRedisClient(redis.url, 'dedicated-worker', {
      bullmq: { offlineQueue: true },
    });
    this.connections = [queueConnection, workerConnection];
    this.queue = new Queue<DedicatedSweepJob>(DEDICATED_QUEUE, { connection: queueConnection, prefix });
    this.queue.on('error', () => undefined);
    await this.queue.upsertJobScheduler(
      DEDICATED_SWEEP_SCHEDULER,
      { every: intervalMs },
      { name: 'sweep', data: {}, opts: { removeOnComplete: true, removeOnFail: 100 } },
    );
    this.worker = new Worker<DedicatedSweepJob>(DEDICATED_QUEUE, () => this.sweep(), {
      connection: workerConnection,
      prefix,
      concurrency: 1,
    });
    this.worker.on('failed', (job, error) =>
      this.logger.warn(`dedicated sweep ${job?.id} failed: ${error.message}`),
    );
    this.worker.on('error', (error) => this.logger.warn(`dedicated worker: ${error.message}`));
  }

  /** Shutdown never waits long: sweeps are leased and idempotent (see BatchProcessor). */
  async onApplicationShutdown(): Promise<void> {
    clearInterval(this.timer);
    await boundedWait(this.worker?.close(true), SHUTDOWN_WAIT_MS);
    await boundedWait(this.queue?.close(), SHUTDOWN_WAIT_MS);
    for (const connection of this.connections) connection.disconnect();
    await boundedWait(this.running, SHUTDOWN_WAIT_MS);
  }

  /** One sweep (never two at once in this process); answers how many rows were followed. */
  sweep(): Promise<number> {
    this.running ??= this.follower
      .sweep()
      .catch((error: Error) => {
        this.logger.warn(`dedicated sweep failed: ${error.message}`);
        return 0;
      })
      .finally(() => (this.running = undefined));
    return this.running;
  }
}
