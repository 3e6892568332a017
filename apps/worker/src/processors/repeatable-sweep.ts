import { Logger, OnApplicationShutdown, OnModuleInit } from '@nestjs/common';
import { Queue, Worker } from 'bullmq';
import { bullmqPrefix, createRedisClient, type RedisConnection } from '@tiergate/redis';
import { boundedWait, closeWorker } from './bounded-wait';

/** Where a sweep runs: BullMQ on Redis (production), or a timer in this process (embedded mode). */
export interface SweepOptions {
  redis?: { url: string; keyPrefix: string };
  intervalMs: number;
}

const SHUTDOWN_WAIT_MS = 2_000;

/**
 * The driver of a follower's sweep. Production: a BullMQ job scheduler (one repeatable sweep per
 * period, however many processes upsert it) and a consumer that runs each sweep; a sweep is
 * idempotent and claims each row for a lease, so two consumers never follow one row at once and
 * a consumer that dies mid-way leaves nothing half-done. Embedded mode: the same sweep on a
 * timer, never overlapping itself.
 */
export abstract class RepeatableSweep implements OnModuleInit, OnApplicationShutdown {
  protected readonly logger: Logger;
  private worker?: Worker<Record<string, never>>;
  private queue?: Queue<Record<string, never>>;
  private connections: RedisConnection[] = [];
  private timer?: NodeJS.Timeout;
  private running?: Promise<number>;
  private stopping = false;
  private stopped!: () => void;
  private readonly stop = new Promise<void>((resolve) => (this.stopped = resolve));

  /** `name`: the sweep's name in logs and connection names; `queue` and `scheduler`: its BullMQ ids. */
  protected constructor(
    private readonly name: string,
    private readonly queueName: string,
    private readonly schedulerId: string,
    private readonly options: SweepOptions,
  ) {
    this.logger = new Logger(new.target.name);
  }

  /** One pass of the follower; answers how many rows it followed. */
  protected abstract follow(): Promise<number>;

  async onModuleInit(): Promise<void> {
    const { redis, intervalMs } = this.options;
    if (!redis) {
      this.timer = setInterval(() => void this.sweep(), intervalMs).unref();
      return;
    }
    const prefix = bullmqPrefix(redis.url, redis.keyPrefix);
    const bullmq = { bullmq: { offlineQueue: true } };
    const queueConnection = createRedisClient(redis.url, `${this.name}-queue`, bullmq);
    const workerConnection = createRedisClient(redis.url, `${this.name}-worker`, bullmq);
    this.connections = [queueConnection, workerConnection];
    this.queue = new Queue(this.queueName, { connection: queueConnection, prefix });
    // Connection problems are logged once by the client; without a listener BullMQ prints each one.
    this.queue.on('error', () => undefined);
    await this.queue.upsertJobScheduler(
      this.schedulerId,
      { every: intervalMs },
      { name: 'sweep', data: {}, opts: { removeOnComplete: true, removeOnFail: 100 } },
    );
    this.worker = new Worker(this.queueName, () => this.runJob(), {
      connection: workerConnection,
      prefix,
      concurrency: 1,
    });
    this.worker.on('failed', (job, error) =>
      this.logger.warn(`${this.name} sweep ${job?.id} failed: ${error.message}`),
    );
    this.worker.on('error', (error) => this.logger.warn(`${this.name} worker: ${error.message}`));
    // Its connections ready before anything can close them (one closed while it connects is an error
    // that BullMQ raises where nothing listens).
    await this.worker.waitUntilReady();
  }

  /**
   * A sweep is idempotent and leased, so shutdown does not wait for one to finish: the job in hand
   * is answered at once (the sweep goes on in the background, awaited last), which lets BullMQ's
   * own close end its loop before its connections close; no step waits longer than SHUTDOWN_WAIT_MS.
   */
  async onApplicationShutdown(): Promise<void> {
    clearInterval(this.timer);
    this.stopping = true;
    this.stopped();
    const [queueConnection, workerConnection] = this.connections;
    await closeWorker(this.worker, workerConnection ? [workerConnection] : [], SHUTDOWN_WAIT_MS);
    await boundedWait(this.queue?.close(), SHUTDOWN_WAIT_MS);
    queueConnection?.disconnect();
    await boundedWait(this.running, SHUTDOWN_WAIT_MS);
  }

  /** The worker's job: a sweep, or nothing once shutdown began (then it ends at once). */
  private runJob(): Promise<number> {
    if (this.stopping) return Promise.resolve(0);
    return Promise.race([this.sweep(), this.stop.then(() => 0)]);
  }

  /** One sweep (never two at once in this process); answers how many rows were followed. */
  sweep(): Promise<number> {
    this.running ??= this.follow()
      .catch((error: Error) => {
        this.logger.warn(`${this.name} sweep failed: ${error.message}`);
        return 0;
      })
      .finally(() => (this.running = undefined));
    return this.running;
  }
}
