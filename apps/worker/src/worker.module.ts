import { BullModule } from '@nestjs/bullmq';
import { DynamicModule, Module } from '@nestjs/common';
import { LoggerModule } from 'nestjs-pino';
import { ConfigModule, WorkerConfig } from '@tiergate/config';
import { DatabaseModule } from '@tiergate/database';
import { RedisModule } from '@tiergate/redis';

/**
 * The worker: an application context (no HTTP) on the same database and Redis as the api.
 * Queue processors live in processors/ and call library code; the usage ledger writer is the first.
 */
@Module({})
export class WorkerModule {
  static register(config: WorkerConfig): DynamicModule {
    return {
      module: WorkerModule,
      imports: [
        ConfigModule.forWorker(config),
        LoggerModule.forRoot({ pinoHttp: { level: config.logLevel } }),
        DatabaseModule.forRoot({ url: config.database.url }),
        RedisModule.forRoot(config.redis.url),
        BullModule.forRoot({ connection: { url: config.redis.url }, prefix: 'tiergate' }),
      ],
    };
  }
}
