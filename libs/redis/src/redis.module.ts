import { DynamicModule, Global, Inject, Injectable, Module, OnApplicationShutdown } from '@nestjs/common';
import { AttemptCounter, MemoryAttemptCounter, RedisAttemptCounter } from './attempt-counter';
import { ChangeBus, InProcessChangeBus, RedisChangeBus } from './change-bus';
import { createRedisClient, whenReady, type RedisConnection } from './redis-client';
import { MemorySharedCache, RedisSharedCache, SharedCache } from './shared-cache';

/**
 * Injection token for the shared ioredis client (present only when REDIS_URL is set): a
 * `RedisConnection`, one server's `Redis` or a `Cluster`; type injected clients as that.
 */
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
    @Inject(REDIS_CLIENT) private readonly redis: RedisConnection,
    @Inject(REDIS_SUBSCRIBER) private readonly subscriber: RedisConnection,
    @Inject(REDIS_COUNTERS) private readonly counters: RedisConnection,
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
 * Shared state between api instances. `forRoot(url)` wires Redis; `inProcess()` is the embedded
 * mode's stand-in, with the same SharedCache and ChangeBus interfaces and no REDIS_CLIENT.
 */
@Global()
@Module({})
export class RedisModule {
  /** `url`: redis:// or rediss:// for one server, redis+cluster://host:port,... for a cluster. */
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
        {
          // Its commands fail while it is not connected: the first requests should not find it
          // still connecting (a cluster client first reads the slot map), so start-up waits a
          // little for it, and goes on without it when Redis is down.
          provide: REDIS_COUNTERS,
          useFactory: () => whenReady(createRedisClient(url, 'counters', { failFast: true }), 2_000),
        },
        {
          // On the request path: it must fail fast, not wait for a reconnect.
          provide: SharedCache,
          inject: [REDIS_COUNTERS],
          useFactory: (redis: RedisConnection) => new RedisSharedCache(redis, keyPrefix),
        },
        {
          provide: AttemptCounter,
          inject: [REDIS_COUNTERS],
          useFactory: (redis: RedisConnection) => new RedisAttemptCounter(redis, keyPrefix),
        },
        {
          provide: ChangeBus,
          inject: [REDIS_CLIENT, REDIS_SUBSCRIBER],
          useFactory: (redis: RedisConnection, subscriber: RedisConnection) =>
            new RedisChangeBus(redis, subscriber, keyPrefix),
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
