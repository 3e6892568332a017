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
import { MemorySharedCache, RedisSharedCache, SharedCache } from './shared-cache';

/** Injection token for the shared ioredis client (present only when REDIS_URL is set). */
export const REDIS_CLIENT = Symbol('REDIS_CLIENT');

@Injectable()
class RedisLifecycle implements OnApplicationShutdown {
  constructor(@Inject(REDIS_CLIENT) private readonly redis: Redis) {}

  async onApplicationShutdown(): Promise<void> {
    await this.redis.quit().catch(() => this.redis.disconnect());
  }
}

export function createRedisClient(url: string, name: string): Redis {
  const logger = new Logger(`Redis:${name}`);
  const client = new Redis(url, {
    connectionName: `tiergate-${name}`,
    maxRetriesPerRequest: 2,
    enableOfflineQueue: true,
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
 * mode's stand-in, with the same SharedCache interface and no REDIS_CLIENT.
 */
@Global()
@Module({})
export class RedisModule {
  static forRoot(url: string): DynamicModule {
    return {
      module: RedisModule,
      providers: [
        { provide: REDIS_CLIENT, useFactory: () => createRedisClient(url, 'main') },
        {
          provide: SharedCache,
          inject: [REDIS_CLIENT],
          useFactory: (redis: Redis) => new RedisSharedCache(redis),
        },
        RedisLifecycle,
      ],
      exports: [REDIS_CLIENT, SharedCache],
    };
  }

  static inProcess(): DynamicModule {
    return {
      module: RedisModule,
      providers: [{ provide: SharedCache, useValue: new MemorySharedCache() }],
      exports: [SharedCache],
    };
  }
}
