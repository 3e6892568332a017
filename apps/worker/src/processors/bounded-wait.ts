/**
 * Waits for `work` at most `ms`, ignoring its failure: for shutdown steps that must not hold the
 * process (BullMQ's close can wait for good on a connection that broke, or reject with
 * "Connection is closed"). The jobs are idempotent, so one cut short is simply run again.
 */
export async function boundedWait(work: Promise<unknown> | undefined, ms: number): Promise<void> {
  if (!work) return;
  let timer: NodeJS.Timeout | undefined;
  await Promise.race([
    work.catch(() => undefined),
    new Promise((resolve) => (timer = setTimeout(resolve, ms).unref())),
  ]);
  clearTimeout(timer);
}
