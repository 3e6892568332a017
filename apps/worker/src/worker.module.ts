import { DynamicModule, Module } from '@nestjs/common';
import { LoggerModule } from 'nestjs-pino';
import { ConfigModule, WorkerConfig } from '@tiergate/config';
import { DatabaseModule } from '@tiergate/database';
import { RedisModule } from '@tiergate/redis';
import { UsageModule } from '@tiergate/usage';
import { UsageProcessor } from './processors/usage.processor';

/**
 * The worker: an application context (no HTTP) on the same database and Redis as the api.
 * Queue processors live in processors/ and call library code.
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
        RedisModule.forRoot(config.redis.url, config.redisKeyPrefix),
        UsageModule.forWorker(),
      ],
      providers: [UsageProcessor],
    };
  }
}
