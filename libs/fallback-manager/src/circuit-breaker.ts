/** What the breaker says about calling a model now. */
export type BreakerDecision = 'closed' | 'probe' | 'open';

export interface BreakerSettings {
  /** Failures within the window that open the breaker. */
  failureThreshold: number;
  windowMs: number;
  /** The first cool-down: how long an opened breaker skips the model before one probe is let through. */
  cooldownMs: number;
  /**
   * Each failed probe doubles the cool-down, up to this cap; a success starts again from
   * `cooldownMs`. Omitted (or below `cooldownMs`): the cool-down stays `cooldownMs`.
   */
  maxCooldownMs?: number;
  /** How long a probe may take before another caller may probe again. */
  probeTimeoutMs: number;
}

/** A breaker that is not closed. */
export interface OpenBreaker {
  key: string;
  /** `open`: the model is skipped; `half_open`: the cool-down is over, the next call probes it. */
  state: 'open' | 'half_open';
  /** When it (last) opened, ms since the epoch. */
  openedAt: number;
  /** When the cool-down ends and a probe may go through, ms since the epoch. */
  retryAt: number;
}

/**
 * A circuit breaker per provider and model, shared by every api instance. After repeated failures
 * the model is skipped for a short cool-down, then one request probes it (half-open): a success
 * closes the breaker, a failure opens it again for twice the last cool-down (up to a cap), so a
 * model that recovers is used again within seconds and one that stays down is probed ever more
 * gently. Redis holds each breaker in ONE hash (one Lua script per step, atomic, and Cluster-safe:
 * a script touches one key); the embedded mode keeps the same rules in memory behind the same
 * interface. Both keep time on an injected clock (BreakerClock in the app).
 */
export abstract class CircuitBreakerStore {
  /** The decision for a call about to be made; `probe` reserves the one probe for the caller. */
  abstract acquire(key: string): Promise<BreakerDecision>;
  /** What `acquire` would answer now, without reserving a probe (to decide whether to retry). */
  abstract peek(key: string): Promise<BreakerDecision>;
  abstract recordSuccess(key: string): Promise<void>;
  /** Returns true when this failure opened (or re-opened) the breaker. */
  abstract recordFailure(key: string): Promise<boolean>;
  /** A probe that ended without saying anything about the model (the caller left): the next call may probe. */
  abstract releaseProbe(key: string): Promise<void>;
  /** The breakers that are open or half-open now (for operators), soonest retry first. */
  abstract listOpen(): Promise<OpenBreaker[]>;
}
