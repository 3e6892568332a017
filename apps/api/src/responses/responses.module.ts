import { Module } from '@nestjs/common';
import { ApiConfig } from '@tiergate/config';
import { GatewayModule } from '@tiergate/gateway';
import { ResponseStoreModule } from '@tiergate/response-store';
import {
  RESPONSE_RETENTION_OPTIONS,
  ResponseRetentionProcessor,
  type ResponseRetentionOptions,
} from '../../../worker/src/processors/response-retention.processor';
import { ResponsesController } from './responses.controller';

/** How often the retention sweep deletes expired responses. */
const RETENTION_SWEEP_INTERVAL_MS = 60 * 60 * 1000;

/**
 * OpenAI's Responses API, with its stored responses and their retention sweep (on Redis through
 * BullMQ, so one process runs each sweep; in-process in embedded mode).
 */
@Module({
  imports: [GatewayModule, ResponseStoreModule],
  controllers: [ResponsesController],
  providers: [
    {
      provide: RESPONSE_RETENTION_OPTIONS,
      inject: [ApiConfig],
      useFactory: (config: ApiConfig): ResponseRetentionOptions => ({
        redis: config.redis.url ? { url: config.redis.url, keyPrefix: config.redisKeyPrefix } : undefined,
        intervalMs: RETENTION_SWEEP_INTERVAL_MS,
      }),
    },
    ResponseRetentionProcessor,
  ],
})
export class ResponsesModule {}
