import { Logger } from '@nestjs/common';
import Redis, { Cluster, type ClusterOptions, type RedisOptions } from 'ioredis';
import { isRedisClusterUrl, parseRedisClusterUrl } from '@tiergate/config';

/**
 * A connection to one Redis server or to a Redis Cluster. Both speak the same commands (eval,
 * pipelines and MULTI on keys of one slot, pub/sub); on a cluster every key one command or
 * script touches must share a hash slot, which the stores ensure with hash tags (`{userId}`).
 */
export type RedisConnection = Redis | Cluster;

export interface RedisClientOptions {
  /**
   * Commands fail at once while Redis is down (no offline queue, no retries) and time out after
   * 500 ms, for callers that must decide quickly what to do without Redis (counters, breakers).
   */
  failFast?: boolean;
  /** A connection that only listens (the change bus): a subscribed connection can do nothing else. */
  subscriber?: boolean;
  /**
   * A BullMQ connection: commands are never given up on (BullMQ requires
   * `maxRetriesPerRequest: null`); `offlineQueue: false` makes a producer fail at once while Redis
   * is down, so its caller can spool instead of waiting.
   */
  bullmq?: { offlineQueue: boolean };
  /** Connection problems are left to the caller to report. */
  quiet?: boolean;
}

const retryDelay = (attempt: number) => Math.min(attempt * 200, 2_000);

/**
 * The one place Redis clients are made: a `redis://` or `rediss://` URL gives a `Redis`, a
 * `redis+cluster://host:port,...` URL (REDIS_CLUSTER_NODES) a `Cluster` with the same behaviour.
 */
export function createRedisClient(
  url: string,
  name: string,
  options: RedisClientOptions = {},
): RedisConnection {
  const perConnection: RedisOptions = {
    connectionName: `tiergate-${name}`,
    maxRetriesPerRequest: options.bullmq ? null : options.failFast ? 0 : 2,
    // The request path's commands of one tick go out in one write (fewer syscalls under load).
    ...(options.failFast && { commandTimeout: 500, enableAutoPipelining: true }),
  };
  const offlineQueue = options.bullmq ? options.bullmq.offlineQueue : !options.failFast;
  const client = isRedisClusterUrl(url)
    ? createCluster(url, perConnection, offlineQueue, options)
    : new Redis(url, {
        ...perConnection,
        enableOfflineQueue: offlineQueue,
        // A subscriber may subscribe before it is connected; the ready check's INFO would then be
        // refused in subscriber mode. Its owner subscribes again after a reconnect (RedisChangeBus).
        ...(options.subscriber && { enableReadyCheck: false, autoResubscribe: false }),
        retryStrategy: retryDelay,
      });
  reportConnectionProblems(client, name, options.quiet);
  return client;
}

function createCluster(
  url: string,
  perConnection: RedisOptions,
  offlineQueue: boolean,
  options: RedisClientOptions,
): Cluster {
  const target = parseRedisClusterUrl(url);
  const clusterOptions: ClusterOptions = {
    // Every command goes to the slot's master: a counter must read what the last write left.
    scaleReads: 'master',
    enableOfflineQueue: offlineQueue,
    clusterRetryStrategy: retryDelay,
    redisOptions: {
      ...perConnection,
      username: target.username,
      password: target.password,
      ...(target.tls && { tls: {} }),
    },
    // Fail fast here too: a command whose node is gone is tried again for about 400 ms (a
    // failover, MOVED during resharding), not for the default 16 redirections.
    ...(options.failFast && {
      maxRedirections: 5,
      retryDelayOnFailover: 100,
      retryDelayOnClusterDown: 100,
      enableAutoPipelining: true,
    }),
  };
  return new Cluster(target.nodes, clusterOptions);
}

function reportConnectionProblems(client: RedisConnection, name: string, quiet = false): void {
  const logger = new Logger(`Redis:${name}`);
  let reported = false;
  client.on('error', (error: Error) => {
    if (!reported && !quiet) logger.warn(`Redis connection problem: ${error.message}`);
    reported = true;
  });
  client.on('ready', () => {
    if (reported && !quiet) logger.log('Redis connection restored');
    reported = false;
  });
}

/** Resolves with the client once it is ready, or after `timeoutMs` anyway (Redis may be down). */
export function whenReady<T extends RedisConnection>(client: T, timeoutMs: number): Promise<T> {
  if (client.status === 'ready') return Promise.resolve(client);
  return new Promise((resolve) => {
    const done = () => {
      clearTimeout(timer);
      client.off('ready', done);
      resolve(client);
    };
    const timer = setTimeout(done, timeoutMs);
    client.once('ready', done);
  });
}

export function isRedisCluster(client: RedisConnection): client is Cluster {
  return client instanceof Cluster;
}

/**
 * BullMQ's key prefix. A queue's scripts touch many of its keys at once, so on a cluster they
 * must share a hash slot: the prefix becomes a hash tag (`{tiergate:bull}`). One Redis keeps the
 * plain prefix (`tiergate:bull`), so jobs waiting in an existing queue are not left behind.
 */
export function bullmqPrefix(url: string, keyPrefix: string): string {
  return isRedisClusterUrl(url) ? `{${keyPrefix}bull}` : `${keyPrefix}bull`;
}

/**
 * The client in a BullMQ queue's or worker's options when it is one of ours: BullMQ never closes a
 * client it was given (it only closes the ones it made, such as a worker's blocking duplicate), so
 * its owner disconnects it once the queue or worker has closed.
 */
export function bullmqClientOf(options: { connection?: unknown }): RedisConnection | undefined {
  const { connection } = options;
  return connection instanceof Redis || connection instanceof Cluster ? connection : undefined;
}

/**
 * Deletes every key under a prefix (a test's or a benchmark's namespace), hash-tagged BullMQ keys
 * (`{prefix...}`) included, in SCAN batches; on a cluster, on every master, one key per DEL.
 */
export async function deleteKeysWithPrefix(url: string, prefix: string): Promise<void> {
  const client = createRedisClient(url, 'cleanup', { quiet: true });
  try {
    await client.ping();
    const servers = isRedisCluster(client) ? client.nodes('master') : [client];
    for (const server of servers)
      for (const pattern of [`${prefix}*`, `{${prefix}*`]) await deleteMatching(server, pattern);
  } finally {
    client.disconnect();
  }
}

async function deleteMatching(server: Redis, pattern: string): Promise<void> {
  let cursor = '0';
  do {
    const [next, keys] = await server.scan(cursor, 'MATCH', pattern, 'COUNT', 1000);
    cursor = next;
    if (keys.length) {
      // Keys of different slots cannot share one DEL on a cluster node.
      const pipeline = server.pipeline();
      for (const key of keys) pipeline.unlink(key);
      await pipeline.exec();
    }
  } while (cursor !== '0');
}
