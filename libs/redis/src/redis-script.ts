import type { RedisConnection } from './redis-client';

/** Runs a script defined with `defineScript`: keys first, then arguments. */
export type RedisScript = (...keysAndArgs: Array<string | number>) => Promise<unknown>;

/**
 * Defines a Lua script on the client, run with EVALSHA (ioredis loads it on NOSCRIPT, on every
 * node of a cluster): the body is sent once, not with every call on the request path.
 * `numberOfKeys` omitted: the first argument is the number of keys (scripts of varying keys).
 */
export function defineScript(
  redis: RedisConnection,
  name: string,
  lua: string,
  numberOfKeys?: number,
): RedisScript {
  redis.defineCommand(name, numberOfKeys === undefined ? { lua } : { numberOfKeys, lua });
  const command = (redis as unknown as Record<string, RedisScript>)[name];
  return (...keysAndArgs) => command.apply(redis, keysAndArgs);
}
