import type { Queue, QueueOptions } from 'bullmq';
import { bullmqClientOf, bullmqPrefix, createRedisClient } from '@tiergate/redis';
import type { UsageJob } from './usage-event';

/**
 * The api's options for the usage queue: our key prefix, and a connection of its own whose
 * commands fail at once while Redis is down (no offline queue), so the recorder writes the ledger
 * directly, or spools, instead of waiting.
 */
export function usageQueueOptions(url: string, keyPrefix: string): QueueOptions {
  // Problems are reported by the recorder when a batch goes around the queue.
  const connection = createRedisClient(url, 'usage', { bullmq: { offlineQueue: false }, quiet: true });
  return { connection, prefix: bullmqPrefix(url, keyPrefix) };
}

/** Closes the queue, then its connection (BullMQ leaves a connection it was given open). */
export async function closeUsageQueue(queue: Queue<UsageJob>): Promise<void> {
  await queue.close().catch(() => undefined);
  bullmqClientOf(queue.opts)?.disconnect();
}
