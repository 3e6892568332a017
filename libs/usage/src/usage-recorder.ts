import { Injectable, Logger, OnApplicationShutdown, OnModuleInit } from '@nestjs/common';
import { InjectQueue } from '@nestjs/bullmq';
import type { Queue } from 'bullmq';
import { withTimeout } from '@tiergate/common';
import { USAGE_QUEUE, type UsageEvent, type UsageJob } from './usage-event';
import { closeUsageQueue } from './usage-queue';
import { UsageSpool } from './usage-spool';
import { UsageWriter } from './usage-writer';

/** Where batches of events go: the queue (production) or straight to the database (embedded). */
export abstract class UsageSink {
  /** `queue`: the worker writes (production); `in_process`: this process writes (embedded mode). */
  abstract readonly mode: 'queue' | 'in_process';
  abstract deliver(events: UsageEvent[]): Promise<void>;
  /** Batches waiting for the worker, by state; null when there is no queue. */
  abstract depth(): Promise<Record<string, number> | null>;

  /** Releases what the sink holds; the recorder calls it once everything buffered is delivered. */
  close(): Promise<void> {
    return Promise.resolve();
  }
}

/**
 * Production: a BullMQ job per batch on the usage queue (registered by UsageQueueModule); the
 * worker writes it. Retries are idempotent.
 */
@Injectable()
export class QueueSink extends UsageSink {
  readonly mode = 'queue';
  private readonly timeoutMs = 1_000;

  constructor(@InjectQueue(USAGE_QUEUE) private readonly queue: Queue<UsageJob>) {
    super();
    // Problems are reported by the recorder when a batch goes around the queue; without a listener
    // BullMQ prints each one to stderr.
    queue.on('error', () => undefined);
  }

  /** The queue, then its connection: after the recorder's last batches are on it. */
  override close(): Promise<void> {
    return closeUsageQueue(this.queue);
  }

  async depth(): Promise<Record<string, number> | null> {
    return this.queue.getJobCounts('waiting', 'active', 'delayed', 'failed');
  }

  async deliver(events: UsageEvent[]): Promise<void> {
    await withTimeout(
      this.queue.add(
        'batch',
        { events },
        {
          attempts: 20,
          backoff: { type: 'exponential', delay: 500 },
          removeOnComplete: true,
          removeOnFail: 10_000,
        },
      ),
      this.timeoutMs,
      'the usage queue did not accept the batch in time',
    );
  }
}

/** Embedded mode: the in-process batch writer. */
export class DirectSink extends UsageSink {
  readonly mode = 'in_process';

  constructor(private readonly writer: UsageWriter) {
    super();
  }

  async deliver(events: UsageEvent[]): Promise<void> {
    await this.writer.write(events);
  }

  depth(): Promise<Record<string, number> | null> {
    return Promise.resolve(null);
  }
}

const BATCH_SIZE = 200;
const BATCH_WAIT_MS = 20;
const REPLAY_INTERVAL_MS = 2_000;

/**
 * Records usage off the response path: events are batched for a few milliseconds and handed to
 * the sink. No event is dropped by an outage:
 * - Redis down (the queue refuses the batch): the batch is written straight to the ledger by this
 *   process (the same idempotent statement the worker runs);
 * - Redis and PostgreSQL down: it goes to the spool file (DATA_DIR/spool), replayed every 2 s;
 * - PostgreSQL down: the queue accepts it and the worker's job is retried with backoff.
 * A batch delivered twice (a timeout after all, a replay) is written once: the ledger ignores a
 * request id it has. On shutdown everything buffered is delivered (or spooled), then the sink closes.
 */
@Injectable()
export class UsageRecorder implements OnModuleInit, OnApplicationShutdown {
  private readonly logger = new Logger(UsageRecorder.name);
  private buffer: UsageEvent[] = [];
  private timer?: NodeJS.Timeout;
  private replayTimer?: NodeJS.Timeout;
  private readonly inFlight = new Set<Promise<void>>();
  private replaying = false;
  private queueDownReported = false;

  constructor(
    private readonly sink: UsageSink,
    private readonly spool: UsageSpool,
    private readonly writer: UsageWriter,
  ) {}

  onModuleInit(): void {
    this.replayTimer = setInterval(() => void this.replaySpool(), REPLAY_INTERVAL_MS).unref();
  }

  async onApplicationShutdown(): Promise<void> {
    clearInterval(this.replayTimer);
    await this.drain();
    await this.sink.close();
  }

  /** The usage queue's depth by state (null in embedded mode), for /metrics. */
  queueDepth(): Promise<Record<string, number> | null> {
    return this.sink.depth().catch(() => null);
  }

  /** Where events go, and the queue's depth by state (null in embedded mode, or when Redis does not answer). */
  async queueStatus(): Promise<{ mode: UsageSink['mode']; counts: Record<string, number> | null }> {
    return { mode: this.sink.mode, counts: await this.queueDepth() };
  }

  record(event: UsageEvent): void {
    this.buffer.push(event);
    if (this.buffer.length >= BATCH_SIZE) this.flush();
    else this.timer ??= setTimeout(() => this.flush(), BATCH_WAIT_MS);
  }

  /** Delivers what is buffered and waits for every delivery in flight (tests, shutdown). */
  async drain(): Promise<void> {
    this.flush();
    await Promise.all([...this.inFlight]);
  }

  /** Replays the spool now (also runs every 2 s on its own). */
  async replaySpool(): Promise<number> {
    if (this.replaying) return 0;
    this.replaying = true;
    try {
      const replayed = await this.spool.replay((events) => this.deliver(events));
      if (replayed) this.logger.log(`Replayed ${replayed} spooled usage events`);
      return replayed;
    } catch (error) {
      this.logger.debug(`spool replay postponed: ${(error as Error).message}`);
      return 0;
    } finally {
      this.replaying = false;
    }
  }

  /** To the sink; when the queue refuses (Redis down), straight to the ledger. */
  private async deliver(events: UsageEvent[]): Promise<void> {
    try {
      await this.sink.deliver(events);
      this.queueDownReported = false;
    } catch (error) {
      if (this.sink.mode === 'in_process') throw error;
      if (!this.queueDownReported)
        this.logger.warn(
          `usage queue unavailable (${(error as Error).message}); writing the ledger directly`,
        );
      this.queueDownReported = true;
      await this.writer.write(events);
    }
  }

  private flush(): void {
    clearTimeout(this.timer);
    this.timer = undefined;
    if (!this.buffer.length) return;
    const batch = this.buffer;
    this.buffer = [];
    const delivery = this.deliver(batch)
      .catch(async (error: Error) => {
        this.logger.warn(`usage ledger unreachable (${error.message}); spooling ${batch.length} events`);
        await this.spool
          .append(batch)
          .catch((spoolError: Error) =>
            this.logger.error(`could not spool ${batch.length} usage events: ${spoolError.message}`),
          );
      })
      .finally(() => this.inFlight.delete(delivery));
    this.inFlight.add(delivery);
  }
}
