/** Polls until the check returns a value other than undefined, or fails after the timeout. */
export async function waitFor<T>(
  check: () => Promise<T | undefined> | T | undefined,
  timeoutMs = 10_000,
  what = 'condition',
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await check();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
}

/**
 * Resolves true when a timer fires soon, false when the event loop is starved (a busy promise loop
 * keeps timers from running): to show that a shutdown or a loop yields.
 */
export function eventLoopTurns(): Promise<boolean> {
  return Promise.race([
    new Promise<boolean>((resolve) => setTimeout(() => resolve(true), 20)),
    new Promise<boolean>((resolve) => setImmediate(() => setTimeout(() => resolve(false), 5_000).unref())),
  ]);
}
