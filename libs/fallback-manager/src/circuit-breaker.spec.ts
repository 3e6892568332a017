import type { BreakerSettings } from './circuit-breaker';
import { nextCooldown } from './circuit-breaker.policy';
import { MemoryCircuitBreakerStore } from './memory-circuit-breaker.store';
import { contractSettings } from './circuit-breaker.contract';

const C = 1_000;

/** The rules both stores keep are in circuit-breaker.int-spec.ts (the contract, on both); here, the memory store's own. */
describe('MemoryCircuitBreakerStore (injected clock)', () => {
  let now: number;
  const store = (settings: BreakerSettings = contractSettings(C)) =>
    new MemoryCircuitBreakerStore(settings, { now: () => now });
  beforeEach(() => {
    now = 1_000_000;
  });

  it('lists the breakers that are open, then half-open once the cool-down is over, until one closes', async () => {
    const breaker = store();
    expect(await breaker.listOpen()).toEqual([]);
    const openedAt = now;
    for (let i = 0; i < 2; i++) await breaker.recordFailure('together_ai:a');
    now += 100;
    for (let i = 0; i < 2; i++) await breaker.recordFailure('together_ai:b');
    await breaker.recordFailure('together_ai:c'); // below the threshold: closed
    expect(await breaker.listOpen()).toEqual([
      { key: 'together_ai:a', state: 'open', openedAt, retryAt: openedAt + C },
      { key: 'together_ai:b', state: 'open', openedAt: openedAt + 100, retryAt: openedAt + 100 + C },
    ]);
    now = openedAt + C;
    expect((await breaker.listOpen()).map((b) => b.state)).toEqual(['half_open', 'open']);
    // A failed probe re-opens `a` for twice the cool-down, listed with its new times.
    expect(await breaker.acquire('together_ai:a')).toBe('probe');
    expect(await breaker.recordFailure('together_ai:a')).toBe(true);
    expect(await breaker.listOpen()).toEqual([
      { key: 'together_ai:b', state: 'open', openedAt: openedAt + 100, retryAt: openedAt + 100 + C },
      { key: 'together_ai:a', state: 'open', openedAt: now, retryAt: now + 2 * C },
    ]);
    await breaker.recordSuccess('together_ai:a');
    expect((await breaker.listOpen()).map((b) => b.key)).toEqual(['together_ai:b']);
  });

  it('forgets a breaker left alone longer than its state lives (as the Redis key expires)', async () => {
    const breaker = store();
    for (let i = 0; i < 2; i++) await breaker.recordFailure('m');
    now += C;
    await breaker.acquire('m');
    await breaker.recordFailure('m'); // re-opened for 2 C
    now += (4 * C + 4 * C) * 4; // (window + cap) × 4 after the last failure
    expect(await breaker.acquire('m')).toBe('closed');
    expect(await breaker.listOpen()).toEqual([]);
    expect(await breaker.recordFailure('m')).toBe(false);
  });

  it('the issue 15 scenario: with the defaults, a primary that fails for 6 s is used again within 5 s of recovering', async () => {
    const defaults = { failureThreshold: 5, windowMs: 30_000, cooldownMs: 2_500, maxCooldownMs: 30_000 };
    const breaker = store({ ...defaults, probeTimeoutMs: 60_000 });
    const outageStart = now;
    const outageEnd = outageStart + 6_000;
    let servedAgainAt: number | undefined;
    // 40 requests a second; while the model is down every call that reaches it fails.
    for (let t = outageStart; t < outageEnd + 30_000 && servedAgainAt === undefined; t += 25) {
      now = t;
      const decision = await breaker.acquire('together_ai:primary');
      if (decision === 'open') continue;
      if (now < outageEnd) await breaker.recordFailure('together_ai:primary');
      else {
        await breaker.recordSuccess('together_ai:primary');
        servedAgainAt = now;
      }
    }
    expect(servedAgainAt).toBeDefined();
    expect(servedAgainAt! - outageEnd).toBeLessThanOrEqual(5_000);
  });
});

describe('nextCooldown', () => {
  const settings = contractSettings(C);
  it.each([
    [C, 2 * C],
    [2 * C, 4 * C],
    [4 * C, 4 * C],
    [0, 2 * C],
  ])('after %i ms: %i ms', (last, next) => {
    expect(nextCooldown(last, settings)).toBe(next);
  });

  it('stays fixed without a cap (or one below the first cool-down)', () => {
    expect(nextCooldown(C, { ...settings, maxCooldownMs: undefined })).toBe(C);
    expect(nextCooldown(C, { ...settings, maxCooldownMs: C / 2 })).toBe(C);
  });
});
