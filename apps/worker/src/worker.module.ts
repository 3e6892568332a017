import { DynamicModule, Module } from '@nestjs/common';
import { BullModule } from '@nestjs/bullmq';
import { ConfigModule, WorkerConfig } from '@tiergate/config';
import { DatabaseModule } from '@tiergate/database';
import { bullmqPrefix, createRedisClient, RedisModule } from '@tiergate/redis';
import { USAGE_QUEUE, UsageModule } from '@tiergate/usage';
import { UsageProcessor } from './processors/usage.processor';

/**
 * The worker: an application context (no HTTP) on the same database and Redis as the api.
 * Queue processors live in processors/ (@nestjs/bullmq workers) and call library code.
 */
@Module({})
export class WorkerModule {
  static register(config: WorkerConfig): DynamicModule {
    return {
      module: WorkerModule,
      imports: [
        ConfigModule.forWorker(config),
        DatabaseModule.forRoot({ url: config.database.url }),
        RedisModule.forRoot(config.redis.url, config.redisKeyPrefix),
        UsageModule.forWorker(),
        // The usage queue's connection waits for Redis while it is down (offline queue): the worker
        // picks up where it stopped. UsageProcessor closes the worker, then disconnects it.
        BullModule.registerQueueAsync({
          name: USAGE_QUEUE,
          inject: [WorkerConfig],
          useFactory: (worker: WorkerConfig) => ({
            connection: createRedisClient(worker.redis.url, 'worker', { bullmq: { offlineQueue: true } }),
            prefix: bullmqPrefix(worker.redis.url, worker.redisKeyPrefix),
          }),
        }),
      ],
      providers: [UsageProcessor],
    };
  }
}
