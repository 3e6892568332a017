import type { Worker } from 'bullmq';
import type { RedisConnection } from '@tiergate/redis';

/**
 * Waits for `work` at most `ms`, ignoring its failure: for shutdown steps that must not hold the
 * process (BullMQ's close can wait for good on a connection that broke, or reject with
 * "Connection is closed"). The jobs are idempotent, so one cut short is simply run again.
 * Answers whether the work ended in time.
 */
export async function boundedWait(work: Promise<unknown> | undefined, ms: number): Promise<boolean> {
  if (!work) return true;
  let timer: NodeJS.Timeout | undefined;
  const ended = await Promise.race([
    work.then(
      () => true,
      () => true,
    ),
    new Promise<boolean>((resolve) => (timer = setTimeout(() => resolve(false), ms).unref())),
  ]);
  clearTimeout(timer);
  return ended;
}

/**
 * Closes a BullMQ worker, then the connections it used, waiting at most `ms`.
 *
 * Never forced, and its connections are never cut under it: BullMQ retries a command that failed
 * with "Connection is closed" at once, without a delay, while the worker is closing, so a connection
 * closed under a job in flight (a forced close, or a disconnect after a timeout) spins the event
 * loop for good. A close that does not end in time (Redis unreachable) is left to finish, and its
 * connections are disconnected when it does.
 */
export async function closeWorker(
  worker: Worker | undefined,
  connections: RedisConnection[],
  ms: number,
): Promise<void> {
  const closing = (worker?.close() ?? Promise.resolve()).catch(() => undefined);
  const release = () => connections.forEach((connection) => connection.disconnect());
  if (await boundedWait(closing, ms)) release();
  else void closing.then(release);
}
