import {
  DynamicModule,
  Global,
  Inject,
  Injectable,
  Logger,
  Module,
  OnApplicationShutdown,
} from '@nestjs/common';
import Redis from 'ioredis';
import { AttemptCounter, MemoryAttemptCounter, RedisAttemptCounter } from './attempt-counter';
import { ChangeBus, InProcessChangeBus, RedisChangeBus } from './change-bus';
import { MemorySharedCache, RedisSharedCache, SharedCache } from './shared-cache';

/** Injection token for the shared ioredis client (present only when REDIS_URL is set). */
export const REDIS_CLIENT = Symbol('REDIS_CLIENT');
/** The connection that only listens to the change bus (a subscribed connection can do nothing else). */
const REDIS_SUBSCRIBER = Symbol('REDIS_SUBSCRIBER');
/** Prepended to every key and channel, so deployments (and test files) can share one Redis. */
export const REDIS_KEY_PREFIX = Symbol('REDIS_KEY_PREFIX');
/** A connection whose commands fail fast while Redis is down: everything on the request path (counters, breakers, caches). */
export const REDIS_COUNTERS = Symbol('REDIS_COUNTERS');

@Injectable()
class RedisLifecycle implements OnApplicationShutdown {
  constructor(
    @Inject(REDIS_CLIENT) private readonly redis: Redis,
    @Inject(REDIS_SUBSCRIBER) private readonly subscriber: Redis,
    @Inject(REDIS_COUNTERS) private readonly counters: Redis,
  ) {}

  async onApplicationShutdown(): Promise<void> {
    await Promise.all(
      [this.redis, this.subscriber, this.counters].map((client) =>
        client.quit().catch(() => client.disconnect()),
      ),
    );
  }
}

/**
 * `failFast`: commands fail at once while the connection is down (no offline queue) and time out
 * after 500 ms, for callers that must decide quickly what to do without Redis (quota counters).
 */
export function createRedisClient(
  url: string,
  name: string,
  options: { failFast?: boolean; subscriber?: boolean } = {},
): Redis {
  const logger = new Logger(`Redis:${name}`);
  const client = new Redis(url, {
    connectionName: `tiergate-${name}`,
    maxRetriesPerRequest: options.failFast ? 0 : 2,
    enableOfflineQueue: !options.failFast,
    ...(options.failFast && { commandTimeout: 500 }),
    // A subscriber may subscribe before it is connected; the ready check's INFO would then be
    // refused in subscriber mode.
    ...(options.subscriber && { enableReadyCheck: false }),
    retryStrategy: (attempt) => Math.min(attempt * 200, 2_000),
  });
  let reported = false;
  client.on('error', (error: Error) => {
    if (!reported) logger.warn(`Redis connection problem: ${error.message}`);
    reported = true;
  });
  client.on('ready', () => {
    if (reported) logger.log('Redis connection restored');
    reported = false;
  });
  return client;
}

/**
 * Shared state between api instances. `forRoot(url)` wires Redis; `inProcess()` is the embedded
 * mode's stand-in, with the same SharedCache and ChangeBus interfaces and no REDIS_CLIENT.
 */
@Global()
@Module({})
export class RedisModule {
  static forRoot(url: string, keyPrefix = 'tiergate:'): DynamicModule {
    return {
      module: RedisModule,
      providers: [
        { provide: REDIS_KEY_PREFIX, useValue: keyPrefix },
        { provide: REDIS_CLIENT, useFactory: () => createRedisClient(url, 'main') },
        {
          provide: REDIS_SUBSCRIBER,
          useFactory: () => createRedisClient(url, 'subscriber', { subscriber: true }),
        },
        { provide: REDIS_COUNTERS, useFactory: () => createRedisClient(url, 'counters', { failFast: true }) },
        {
          // On the request path: it must fail fast, not wait for a reconnect.
          provide: SharedCache,
          inject: [REDIS_COUNTERS],
          useFactory: (redis: Redis) => new RedisSharedCache(redis, keyPrefix),
        },
        {
          provide: AttemptCounter,
          inject: [REDIS_COUNTERS],
          useFactory: (redis: Redis) => new RedisAttemptCounter(redis, keyPrefix),
        },
        {
          provide: ChangeBus,
          inject: [REDIS_CLIENT, REDIS_SUBSCRIBER],
          useFactory: (redis: Redis, subscriber: Redis) => new RedisChangeBus(redis, subscriber, keyPrefix),
        },
        RedisLifecycle,
      ],
      exports: [REDIS_CLIENT, REDIS_COUNTERS, REDIS_KEY_PREFIX, SharedCache, AttemptCounter, ChangeBus],
    };
  }

  static inProcess(keyPrefix = 'tiergate:'): DynamicModule {
    return {
      module: RedisModule,
      providers: [
        { provide: REDIS_KEY_PREFIX, useValue: keyPrefix },
        { provide: SharedCache, useValue: new MemorySharedCache() },
        { provide: AttemptCounter, useValue: new MemoryAttemptCounter() },
        { provide: ChangeBus, useValue: new InProcessChangeBus() },
      ],
      exports: [REDIS_KEY_PREFIX, SharedCache, AttemptCounter, ChangeBus],
    };
  }
}

/** Deletes every key under a prefix (a test's or a benchmark's namespace), in SCAN batches. */
export async function deleteKeysWithPrefix(url: string, prefix: string): Promise<void> {
  const redis = new Redis(url, { lazyConnect: false });
  try {
    let cursor = '0';
    do {
      const [next, keys] = await redis.scan(cursor, 'MATCH', `${prefix}*`, 'COUNT', 1000);
      cursor = next;
      if (keys.length) await redis.del(...keys);
    } while (cursor !== '0');
  } finally {
    redis.disconnect();
  }
}
