export { RedisModule, REDIS_CLIENT, createRedisClient } from './redis.module';
