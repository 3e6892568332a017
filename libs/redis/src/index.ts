export { RedisModule, REDIS_CLIENT, REDIS_COUNTERS, REDIS_KEY_PREFIX } from './redis.module';
export {
  createRedisClient,
  deleteKeysWithPrefix,
  bullmqPrefix,
  bullmqClientOf,
  isRedisCluster,
  whenReady,
  type RedisConnection,
  type RedisClientOptions,
} from './redis-client';
export { SharedCache, RedisSharedCache, MemorySharedCache } from './shared-cache';
export { ChangeBus, RedisChangeBus, InProcessChangeBus, type ChangeHandler } from './change-bus';
export { SharedSnapshot } from './shared-snapshot';
export {
  AttemptCounter,
  RedisAttemptCounter,
  MemoryAttemptCounter,
  type AttemptCount,
} from './attempt-counter';
export { defineScript, type RedisScript } from './redis-script';
