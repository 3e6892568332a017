import { Module } from '@nestjs/common';
import { ApiConfig } from '@tiergate/config';
import { REDIS_COUNTERS, REDIS_KEY_PREFIX, type RedisConnection } from '@tiergate/redis';
import { CircuitBreakerStore } from './circuit-breaker';
import { MemoryCircuitBreakerStore } from './memory-circuit-breaker.store';
import { RedisCircuitBreakerStore } from './redis-circuit-breaker.store';
import { FallbackChain } from './fallback-chain';

/** The fallback chain and its circuit breakers (in Redis when there is one, else in memory). */
@Module({
  providers: [
    {
      provide: CircuitBreakerStore,
      inject: [ApiConfig, REDIS_KEY_PREFIX, { token: REDIS_COUNTERS, optional: true }],
      useFactory: (config: ApiConfig, prefix: string, redis?: RedisConnection) =>
        redis
          ? new RedisCircuitBreakerStore(redis, prefix, config.fallback.breaker)
          : new MemoryCircuitBreakerStore(config.fallback.breaker),
    },
    FallbackChain,
  ],
  exports: [FallbackChain, CircuitBreakerStore],
})
export class FallbackModule {}
