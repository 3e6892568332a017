import { Module } from '@nestjs/common';
import { BatchModule, BATCH_SETTINGS, type BatchSettings } from '@tiergate/batch';
import { ApiConfig } from '@tiergate/config';
import {
  BATCH_PROCESSOR_OPTIONS,
  BatchProcessor,
  type BatchProcessorOptions,
} from '../../../worker/src/processors/batch.processor';
import { OpenAiBatchesController } from './openai-batches.controller';
import { TogetherBatchesController } from './together-batches.controller';

/**
 * Batch jobs on both surfaces, and the follower's driver. The follower runs beside the api (on
 * Redis through BullMQ, so one process runs each sweep; in-process in embedded mode) because it
 * needs what only the api's configuration holds: the upstream, the sealed provider keys.
 */
@Module({
  imports: [BatchModule.forRoot()],
  controllers: [OpenAiBatchesController, TogetherBatchesController],
  providers: [
    {
      provide: BATCH_PROCESSOR_OPTIONS,
      inject: [ApiConfig, BATCH_SETTINGS],
      useFactory: (config: ApiConfig, settings: BatchSettings): BatchProcessorOptions => ({
        redis: config.redis.url ? { url: config.redis.url, keyPrefix: config.redisKeyPrefix } : undefined,
        intervalMs: settings.sweepIntervalMs,
      }),
    },
    BatchProcessor,
  ],
})
export class BatchesModule {}
