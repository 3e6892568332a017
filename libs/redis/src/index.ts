export { RedisModule, REDIS_CLIENT, createRedisClient } from './redis.module';
export { SharedCache, RedisSharedCache, MemorySharedCache } from './shared-cache';
