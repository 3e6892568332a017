import { join } from 'node:path';
import { DynamicModule, Inject, Injectable, Module, OnApplicationShutdown } from '@nestjs/common';
import { Queue } from 'bullmq';
import { AuditModule } from '@tiergate/audit';
import { KeyManagerModule } from '@tiergate/key-manager';
import { ProviderModule } from '@tiergate/provider';
import { ApiConfig } from '@tiergate/config';
import { bullmqPrefix, createRedisClient } from '@tiergate/redis';
import { BillingService } from './billing.service';
import { PriceBook } from './price-book';
import { USAGE_QUEUE, type UsageJob } from './usage-event';
import { UsageExport } from './usage-export';
import { UsageLog } from './usage-log';
import { DirectSink, QueueSink, UsageRecorder, UsageSink } from './usage-recorder';
import { UsageReports } from './usage-reports';
import { UsageSeries } from './usage-series';
import { UsageSpool } from './usage-spool';
import { UsageWriter } from './usage-writer';

const USAGE_QUEUE_HANDLE = Symbol('USAGE_QUEUE_HANDLE');

/** The BullMQ queue on its own connection, which fails at once while Redis is down (so events spool). */
export function createUsageQueue(url: string, keyPrefix: string): Queue<UsageJob> {
  // Problems are reported by the recorder when a batch is spooled.
  const connection = createRedisClient(url, 'usage', { bullmq: { offlineQueue: false }, quiet: true });
  const queue = new Queue<UsageJob>(USAGE_QUEUE, { connection, prefix: bullmqPrefix(url, keyPrefix) });
  // Without a listener BullMQ prints every connection error to stderr while Redis is down.
  queue.on('error', () => undefined);
  return queue;
}

/** Closes the queue and its connection (BullMQ leaves a connection it was given open). */
export async function closeUsageQueue(queue: Queue<UsageJob>): Promise<void> {
  const connection = await queue.client.catch(() => undefined);
  await queue.close().catch(() => undefined);
  connection?.disconnect();
}

@Injectable()
class UsageQueueLifecycle implements OnApplicationShutdown {
  constructor(@Inject(USAGE_QUEUE_HANDLE) private readonly queue: Queue<UsageJob> | null) {}

  async onApplicationShutdown(): Promise<void> {
    if (this.queue) await closeUsageQueue(this.queue);
  }
}

/**
 * The usage ledger for the api: the recorder (queue in production, in-process writer in embedded
 * mode, a spool file when Redis is down), prices, reports and exports.
 */
@Module({})
export class UsageModule {
  /** The worker's part: the ledger writer. */
  static forWorker(): DynamicModule {
    return { module: UsageModule, providers: [UsageWriter], exports: [UsageWriter] };
  }

  /** One module object for every importer (Nest tells dynamic modules apart by reference). */
  private static api?: DynamicModule;

  static forApi(): DynamicModule {
    return (UsageModule.api ??= {
      module: UsageModule,
      imports: [AuditModule, KeyManagerModule, ProviderModule],
      providers: [
        UsageWriter,
        PriceBook,
        UsageReports,
        UsageExport,
        UsageLog,
        UsageSeries,
        {
          provide: USAGE_QUEUE_HANDLE,
          inject: [ApiConfig],
          useFactory: (config: ApiConfig) =>
            config.redis.url ? createUsageQueue(config.redis.url, config.redisKeyPrefix) : null,
        },
        {
          provide: UsageSink,
          inject: [USAGE_QUEUE_HANDLE, UsageWriter],
          useFactory: (queue: Queue<UsageJob> | null, writer: UsageWriter) =>
            queue ? new QueueSink(queue) : new DirectSink(writer),
        },
        {
          provide: UsageSpool,
          inject: [ApiConfig],
          useFactory: (config: ApiConfig) => new UsageSpool(join(config.database.dataDir, 'spool')),
        },
        UsageRecorder,
        UsageQueueLifecycle,
        BillingService,
      ],
      exports: [
        UsageRecorder,
        PriceBook,
        UsageReports,
        UsageExport,
        UsageLog,
        UsageSeries,
        UsageWriter,
        BillingService,
      ],
    });
  }
}
