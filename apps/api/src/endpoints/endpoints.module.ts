import { Module } from '@nestjs/common';
import { ApiConfig } from '@tiergate/config';
import {
  DEDICATED_SETTINGS,
  DedicatedModule,
  DedicatedStats,
  type DedicatedSettings,
} from '@tiergate/dedicated';
import { CapacityCosts } from '@tiergate/usage';
import {
  DEDICATED_PROCESSOR_OPTIONS,
  DedicatedProcessor,
  type DedicatedProcessorOptions,
} from '../../../worker/src/processors/dedicated.processor';
import { EndpointsController, HardwareController } from './endpoints.controller';
import { ModelStatsController, ModelUploadsController } from './model-uploads.controller';

/**
 * Dedicated endpoints, hardware, model uploads and per-model statistics (admin), and the
 * follower's driver, run beside the api like the batch follower (it needs the api's upstream
 * and sealed keys): on Redis through BullMQ, one process per sweep; in-process in embedded mode.
 * Exports the endpoints' running cost to the cost reports.
 */
@Module({
  imports: [DedicatedModule.forRoot()],
  controllers: [HardwareController, EndpointsController, ModelUploadsController, ModelStatsController],
  providers: [
    {
      provide: DEDICATED_PROCESSOR_OPTIONS,
      inject: [ApiConfig, DEDICATED_SETTINGS],
      useFactory: (config: ApiConfig, settings: DedicatedSettings): DedicatedProcessorOptions => ({
        redis: config.redis.url ? { url: config.redis.url, keyPrefix: config.redisKeyPrefix } : undefined,
        intervalMs: settings.sweepIntervalMs,
      }),
    },
    DedicatedProcessor,
    // The cost reports add the endpoints' running time (AdminUsageController).
    { provide: CapacityCosts, useExisting: DedicatedStats },
  ],
  exports: [CapacityCosts],
})
export class EndpointsModule {}
