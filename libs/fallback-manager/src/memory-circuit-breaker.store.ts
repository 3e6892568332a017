import { systemClock, type Clock } from '@tiergate/common';
import {
  CircuitBreakerStore,
  type BreakerDecision,
  type BreakerSettings,
  type OpenBreaker,
} from './circuit-breaker';
import { byRetry, nextCooldown, stateTtl } from './circuit-breaker.policy';

interface MemoryBreaker {
  openUntil: number;
  openedAt: number;
  probeUntil: number;
  windowStart: number;
  failures: number;
  /** The cool-down of the current opening (doubles on each re-opening). */
  cooldown: number;
  /** Forgotten after this (the Redis key's expiry: a breaker left alone long enough starts afresh). */
  expiresAt: number;
}

/** The embedded mode's breaker: the same rules, in one process, on an injectable clock. */
export class MemoryCircuitBreakerStore extends CircuitBreakerStore {
  private readonly breakers = new Map<string, MemoryBreaker>();

  constructor(
    private readonly settings: BreakerSettings,
    private readonly clock: Clock = systemClock,
  ) {
    super();
  }

  acquire(key: string): Promise<BreakerDecision> {
    const decision = this.decision(key);
    if (decision === 'probe')
      this.breakers.get(key)!.probeUntil = this.clock.now() + this.settings.probeTimeoutMs;
    return Promise.resolve(decision);
  }

  peek(key: string): Promise<BreakerDecision> {
    return Promise.resolve(this.decision(key));
  }

  recordSuccess(key: string): Promise<void> {
    this.breakers.delete(key);
    return Promise.resolve();
  }

  recordFailure(key: string): Promise<boolean> {
    const now = this.clock.now();
    const { windowMs, failureThreshold, cooldownMs } = this.settings;
    const breaker = this.current(key, now) ?? {
      openUntil: 0,
      openedAt: 0,
      probeUntil: 0,
      windowStart: now,
      failures: 0,
      cooldown: 0,
      expiresAt: 0,
    };
    this.breakers.set(key, breaker);
    if (breaker.openUntil > 0) {
      if (now < breaker.openUntil) return Promise.resolve(false);
      const cooldown = nextCooldown(breaker.cooldown, this.settings);
      Object.assign(breaker, { openUntil: now + cooldown, openedAt: now, probeUntil: 0, cooldown });
      breaker.expiresAt = now + stateTtl(this.settings);
      return Promise.resolve(true);
    }
    breaker.expiresAt = now + stateTtl(this.settings);
    if (now - breaker.windowStart > windowMs) Object.assign(breaker, { windowStart: now, failures: 0 });
    breaker.failures += 1;
    if (breaker.failures < failureThreshold) return Promise.resolve(false);
    Object.assign(breaker, {
      openUntil: now + cooldownMs,
      openedAt: now,
      probeUntil: 0,
      failures: 0,
      cooldown: cooldownMs,
    });
    return Promise.resolve(true);
  }

  releaseProbe(key: string): Promise<void> {
    const breaker = this.current(key, this.clock.now());
    if (breaker) breaker.probeUntil = 0;
    return Promise.resolve();
  }

  listOpen(): Promise<OpenBreaker[]> {
    const now = this.clock.now();
    const open = [...this.breakers.keys()]
      .flatMap((key) => {
        const breaker = this.current(key, now);
        return breaker ? [[key, breaker] as const] : [];
      })
      .filter(([, breaker]) => breaker.openUntil > 0)
      .map(([key, breaker]): OpenBreaker => ({
        key,
        state: now < breaker.openUntil ? 'open' : 'half_open',
        openedAt: breaker.openedAt,
        retryAt: breaker.openUntil,
      }));
    return Promise.resolve(open.sort(byRetry));
  }

  private decision(key: string): BreakerDecision {
    const now = this.clock.now();
    const breaker = this.current(key, now);
    if (!breaker || breaker.openUntil === 0) return 'closed';
    if (now < breaker.openUntil || breaker.probeUntil > now) return 'open';
    return 'probe';
  }

  /** The breaker's state, unless it has expired. */
  private current(key: string, now: number): MemoryBreaker | undefined {
    const breaker = this.breakers.get(key);
    if (breaker && now >= breaker.expiresAt) {
      this.breakers.delete(key);
      return undefined;
    }
    return breaker;
  }
}
