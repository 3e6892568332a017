import { createHash } from 'node:crypto';
import type { RedisConnection } from './redis-client';

/** Runs a script defined with `defineScript`: keys first, then arguments. */
export type RedisScript = (...keysAndArgs: Array<string | number>) => Promise<unknown>;

/**
 * A Lua script run with EVALSHA: the body is sent only when the server does not have it yet
 * (NOSCRIPT: a restarted or failed-over Redis, a cluster node that never ran it), as an EVAL that
 * runs it and keeps it for the next EVALSHA. `numberOfKeys` omitted: the first argument is the
 * number of keys (scripts of varying keys). Keys get the client's key prefix like any command's.
 *
 * Not ioredis' `defineCommand`: a script defined there is copied onto every pipeline the client
 * makes, and with auto-pipelining the client makes one per tick (twelve scripts made that the
 * largest allocation to outlive a request on the request path).
 */
export function defineScript(redis: RedisConnection, lua: string, numberOfKeys?: number): RedisScript {
  const sha = createHash('sha1').update(lua).digest('hex');
  return async (...keysAndArgs) => {
    const args = numberOfKeys === undefined ? keysAndArgs : [numberOfKeys, ...keysAndArgs];
    try {
      return await redis.evalsha(sha, ...(args as [number, ...Array<string | number>]));
    } catch (error) {
      if (!(error instanceof Error) || !error.message.startsWith('NOSCRIPT')) throw error;
      return redis.eval(lua, ...(args as [number, ...Array<string | number>]));
    }
  };
}
