import { join } from 'node:path';
import { DynamicModule, Global, Module } from '@nestjs/common';
import { BullModule } from '@nestjs/bullmq';
import { AuditModule } from '@tiergate/audit';
import { ApiConfig } from '@tiergate/config';
import { CatalogModule } from '@tiergate/catalog';
import { BillingService } from './billing.service';
import { PriceBook } from './price-book';
import { USAGE_QUEUE } from './usage-event';
import { UsageExport } from './usage-export';
import { UsageLog } from './usage-log';
import { usageQueueOptions } from './usage-queue';
import { DirectSink, QueueSink, UsageRecorder, UsageSink } from './usage-recorder';
import { UsageLedger } from './usage-ledger';
import { UsageReports } from './usage-reports';
import { UsageSeries } from './usage-series';
import { UsageSpool } from './usage-spool';
import { UsageWriter } from './usage-writer';

/**
 * The usage queue on Redis, for the api: imported by the composition root when REDIS_URL is set,
 * and global so that UsageModule's recorder finds its sink. Embedded mode leaves it out: the
 * module graph then needs no Redis, and the recorder writes in-process (DirectSink).
 */
@Global()
@Module({})
export class UsageQueueModule {
  static forApi(): DynamicModule {
    return {
      module: UsageQueueModule,
      imports: [
        BullModule.registerQueueAsync({
          name: USAGE_QUEUE,
          inject: [ApiConfig],
          useFactory: (config: ApiConfig) => {
            if (!config.redis.url) throw new Error('The usage queue needs REDIS_URL');
            return usageQueueOptions(config.redis.url, config.redisKeyPrefix);
          },
        }),
      ],
      providers: [QueueSink],
      exports: [QueueSink],
    };
  }
}

/**
 * The usage ledger for the api: the recorder (the queue of UsageQueueModule in production, the
 * in-process writer in embedded mode, a spool file when Redis is down), prices, reports and exports.
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
      imports: [AuditModule, CatalogModule],
      providers: [
        UsageWriter,
        PriceBook,
        UsageReports,
        UsageExport,
        UsageLog,
        UsageSeries,
        {
          // The queue when UsageQueueModule is imported (Redis), else the in-process writer.
          provide: UsageSink,
          inject: [ApiConfig, UsageWriter, { token: QueueSink, optional: true }],
          useFactory: (config: ApiConfig, writer: UsageWriter, queued?: QueueSink): UsageSink => {
            if (queued) return queued;
            if (config.redis.url)
              throw new Error(
                'REDIS_URL is set but the usage queue is not: import UsageQueueModule.forApi()',
              );
            return new DirectSink(writer);
          },
        },
        {
          provide: UsageSpool,
          inject: [ApiConfig],
          useFactory: (config: ApiConfig) => new UsageSpool(join(config.database.dataDir, 'spool')),
        },
        UsageRecorder,
        UsageLedger,
        BillingService,
      ],
      exports: [
        UsageRecorder,
        UsageLedger,
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
