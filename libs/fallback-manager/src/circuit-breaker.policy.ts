import type { BreakerSettings, OpenBreaker } from './circuit-breaker';

/** The cap of the growing cool-down (never below the first one). */
export function cooldownCap(settings: BreakerSettings): number {
  return Math.max(settings.cooldownMs, settings.maxCooldownMs ?? settings.cooldownMs);
}

/** The cool-down after a failed probe: twice the last one, capped. */
export function nextCooldown(last: number, settings: BreakerSettings): number {
  return Math.min(cooldownCap(settings), Math.max(last, settings.cooldownMs) * 2);
}

/** Orders breakers for operators: soonest retry first, then by key. */
export const byRetry = (a: OpenBreaker, b: OpenBreaker) =>
  a.retryAt - b.retryAt || a.key.localeCompare(b.key);

/** How long a breaker's state outlives its last failure (as the Redis key's PEXPIRE). */
export function stateTtl(settings: BreakerSettings): number {
  return (settings.windowMs + cooldownCap(settings)) * 4;
}
