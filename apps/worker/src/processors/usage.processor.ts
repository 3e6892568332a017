import { BeforeApplicationShutdown, Logger, OnApplicationBootstrap } from '@nestjs/common';
import { OnWorkerEvent, Processor, WorkerHost } from '@nestjs/bullmq';
import type { Job } from 'bullmq';
import { WorkerConfig } from '@tiergate/config';
import { bullmqClientOf } from '@tiergate/redis';
import { USAGE_QUEUE, UsageWriter, type UsageEvent, type UsageJob } from '@tiergate/usage';
import { closeWorker } from './bounded-wait';

const DAY_MS = 86_400_000;
const SHUTDOWN_WAIT_MS = 10_000;

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
 *
 * @nestjs/bullmq makes the worker (not started: its concurrency comes from the configuration, and
 * the partitions come first) on the connection registered with the queue in WorkerModule.
 */
@Processor(USAGE_QUEUE, { autorun: false })
export class UsageProcessor extends WorkerHost implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly logger = new Logger(UsageProcessor.name);
  private partitionTimer?: NodeJS.Timeout;

  constructor(
    private readonly writer: UsageWriter,
    private readonly config: WorkerConfig,
  ) {
    super();
  }

  async onApplicationBootstrap(): Promise<void> {
    await this.writer.ensurePartitions();
    this.partitionTimer = setInterval(() => void this.writer.ensurePartitions(), DAY_MS).unref();
    this.worker.concurrency = this.config.usage.concurrency;
    this.worker.run().catch((error: Error) => this.logger.error(`usage worker stopped: ${error.message}`));
  }

  /**
   * Before @nestjs/bullmq's own close (onApplicationShutdown, which awaits the same close) and
   * before the database pool closes: the batches in hand finish (each is idempotent, so one cut
   * short is written again later), never forced, and the worker's connection is disconnected only
   * once the close has ended. BullMQ retries a command that failed with "Connection is closed" at
   * once while closing, so a connection cut under a job in flight would spin the event loop.
   */
  async beforeApplicationShutdown(): Promise<void> {
    clearInterval(this.partitionTimer);
    const connection = bullmqClientOf(this.worker.opts);
    await closeWorker(this.worker, connection ? [connection] : [], SHUTDOWN_WAIT_MS);
  }

  async process(job: Job<UsageJob>): Promise<{ inserted: number }> {
    const inserted = await this.writer.write(usageEventsOf(job.data));
    return { inserted };
  }

  @OnWorkerEvent('failed')
  onFailed(job: Job<UsageJob> | undefined, error: Error): void {
    this.logger.warn(`usage batch ${job?.id} failed (attempt ${job?.attemptsMade}): ${error.message}`);
  }

  @OnWorkerEvent('error')
  onError(error: Error): void {
    this.logger.warn(`usage worker: ${error.message}`);
  }
}
