import { randomBytes } from 'node:crypto';
import { deleteKeysWithPrefix } from '@tiergate/redis';
import { TEST_REDIS_URL } from './test-env';

/**
 * A Redis key namespace of one test file (its REDIS_KEY_PREFIX): the code under test writes every
 * key under `prefix`, and `clear()` deletes them all (BullMQ's hash-tagged keys and, on a cluster,
 * every master's included).
 */
export interface TestRedisNamespace {
  /** The Redis (or `redis+cluster://` Redis Cluster) the keys live on. */
  url: string;
  prefix: string;
  clear(): Promise<void>;
}

/** A new namespace, `tiergate-test:<random>:`, on the test Redis or another one. */
export function createRedisNamespace(url: string = TEST_REDIS_URL): TestRedisNamespace {
  const prefix = `tiergate-test:${randomBytes(4).toString('hex')}:`;
  return { url, prefix, clear: () => deleteKeysWithPrefix(url, prefix) };
}
