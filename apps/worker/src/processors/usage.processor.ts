import { Injectable, Logger, OnApplicationShutdown, OnModuleInit } from '@nestjs/common';
import { Job, Worker } from 'bullmq';
import { WorkerConfig } from '@tiergate/config';
import { bullmqPrefix, createRedisClient, type RedisConnection } from '@tiergate/redis';
import { USAGE_QUEUE, UsageWriter, type UsageEvent, type UsageJob } from '@tiergate/usage';
import { closeWorker } from './bounded-wait';

const DAY_MS = 86_400_000;

/** A job's events, checked before they reach the database (a malformed job fails, and is kept). */
export function usageEventsOf(data: unknown): UsageEvent[] {
  const events = (data as { events?: unknown } | null)?.events;
  if (!Array.isArray(events)) throw new Error('a usage job must carry an events array');
  for (const event of events as Array<Record<string, unknown>>) {
    if (
      typeof event?.requestId !== 'string' ||
      typeof event.userId !== 'string' ||
      typeof event.occurredAt !== 'string'
    )
      throw new Error('every usage event needs requestId, userId and occurredAt');
    if (typeof event.status !== 'number' || typeof event.latencyMs !== 'number')
      throw new Error(`usage event ${event.requestId} needs a numeric status and latencyMs`);
  }
  return events as UsageEvent[];
}

/**
 * The usage ledger writer: takes batches from the queue and writes each with one multi-row
 * insert (and its rollups). A failed job is retried with backoff; a retry never duplicates,
 * because the ledger ignores request ids it already has. Keeps next months' partitions ready.
 */
@Injectable()
export class UsageProcessor implements OnModuleInit, OnApplicationShutdown {
  private readonly logger = new Logger(UsageProcessor.name);
  private worker?: Worker<UsageJob>;
  private connection?: RedisConnection;
  private partitionTimer?: NodeJS.Timeout;

  constructor(
    private readonly writer: UsageWriter,
    private readonly config: WorkerConfig,
  ) {}

  async onModuleInit(): Promise<void> {
    await this.writer.ensurePartitions();
    this.partitionTimer = setInterval(() => void this.writer.ensurePartitions(), DAY_MS).unref();
    this.connection = createRedisClient(this.config.redis.url, 'worker', { bullmq: { offlineQueue: true } });
    this.worker = new Worker<UsageJob>(USAGE_QUEUE, (job) => this.process(job), {
      connection: this.connection,
      prefix: bullmqPrefix(this.config.redis.url, this.config.redisKeyPrefix),
      concurrency: this.config.usage.concurrency,
    });
    this.worker.on('failed', (job, error) =>
      this.logger.warn(`usage batch ${job?.id} failed (attempt ${job?.attemptsMade}): ${error.message}`),
    );
    this.worker.on('error', (error) => this.logger.warn(`usage worker: ${error.message}`));
  }

  async onApplicationShutdown(): Promise<void> {
    clearInterval(this.partitionTimer);
    // Lets the batches in hand finish (each is idempotent, so one cut short is written again later).
    await closeWorker(this.worker, this.connection ? [this.connection] : [], 10_000);
  }

  async process(job: Job<UsageJob>): Promise<{ inserted: number }> {
    const inserted = await this.writer.write(usageEventsOf(job.data));
    return { inserted };
  }
}
