/**
 * `work`, or a rejection with `message` after `ms`. When the time runs out, `work`'s own later
 * failure is swallowed: a Redis command cut off by a broken connection rejects long after its
 * caller moved on, and an unhandled rejection would take the process down.
 */
export function withTimeout<T>(work: Promise<T>, ms: number, message: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(message)), ms);
  });
  work.catch(() => undefined);
  return Promise.race([work, timeout]).finally(() => clearTimeout(timer));
}
