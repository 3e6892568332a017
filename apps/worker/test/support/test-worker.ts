import type { INestApplicationContext } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { loadWorkerConfig } from '@tiergate/config';
import { WorkerModule } from '../../src/worker.module';

/** The stores a worker under test runs on: a test database and a Redis key namespace. */
export interface WorkerStores {
  databaseUrl: string;
  redisUrl: string;
  redisKeyPrefix: string;
}

/**
 * Starts the worker (apps/worker) in this process on the given stores, silent; `env` adds or
 * overrides worker settings (e.g. USAGE_WORKER_CONCURRENCY). Close it with `close()`.
 */
export async function startTestWorker(
  stores: WorkerStores,
  env: Record<string, string> = {},
): Promise<INestApplicationContext> {
  const config = loadWorkerConfig({
    DATABASE_URL: stores.databaseUrl,
    REDIS_URL: stores.redisUrl,
    REDIS_KEY_PREFIX: stores.redisKeyPrefix,
    LOG_LEVEL: 'silent',
    ...env,
  });
  const worker = await NestFactory.createApplicationContext(WorkerModule.register(config), { logger: false });
  await worker.init();
  return worker;
}
