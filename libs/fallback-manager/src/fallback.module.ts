import { Module } from '@nestjs/common';
import { ApiConfig } from '@tiergate/config';
import { ChangeBus, REDIS_COUNTERS, REDIS_KEY_PREFIX, type RedisConnection } from '@tiergate/redis';
import { BreakerClock } from './breaker-clock';
import { CircuitBreakerStore } from './circuit-breaker';
import { MemoryCircuitBreakerStore } from './memory-circuit-breaker.store';
import { RedisCircuitBreakerStore } from './redis-circuit-breaker.store';
import { FallbackChain } from './fallback-chain';

/** The fallback chain and its circuit breakers (in Redis when there is one, else in memory). */
@Module({
  providers: [
    BreakerClock,
    {
      provide: CircuitBreakerStore,
      inject: [
        ApiConfig,
        BreakerClock,
        REDIS_KEY_PREFIX,
        ChangeBus,
        { token: REDIS_COUNTERS, optional: true },
      ],
      useFactory: (
        config: ApiConfig,
        clock: BreakerClock,
        prefix: string,
        bus: ChangeBus,
        redis?: RedisConnection,
      ) =>
        redis
          ? new RedisCircuitBreakerStore(redis, prefix, config.fallback.breaker, clock, bus)
          : new MemoryCircuitBreakerStore(config.fallback.breaker, clock),
    },
    FallbackChain,
  ],
  exports: [FallbackChain, CircuitBreakerStore, BreakerClock],
})
export class FallbackModule {}
