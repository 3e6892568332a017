export { FallbackModule } from './fallback.module';
export {
  FallbackChain,
  FallbackExhaustedError,
  breakerKey,
  breakerCandidate,
  type AttemptContext,
  type ChainOptions,
  type ChainResult,
  type FailedAttempt,
} from './fallback-chain';
export { isFallbackTrigger, failureReason, type FallbackStrategy } from './fallback.policy';
export {
  CircuitBreakerStore,
  type BreakerDecision,
  type OpenBreaker,
  type BreakerSettings,
} from './circuit-breaker';
export { BreakerClock } from './breaker-clock';
export { RedisCircuitBreakerStore } from './redis-circuit-breaker.store';
export { MemoryCircuitBreakerStore } from './memory-circuit-breaker.store';
export { cooldownCap, nextCooldown } from './circuit-breaker.policy';
