import { MemoryCircuitBreakerStore } from './circuit-breaker';

describe('MemoryCircuitBreakerStore', () => {
  let now = 1_000;
  const settings = { failureThreshold: 3, windowMs: 10_000, cooldownMs: 5_000, probeTimeoutMs: 2_000 };
  const store = () => new MemoryCircuitBreakerStore(settings, () => now);

  it('opens after the threshold within the window, skips during the cool-down, probes once, closes on success', async () => {
    const breaker = store();
    expect(await breaker.recordFailure('m')).toBe(false);
    expect(await breaker.recordFailure('m')).toBe(false);
    expect(await breaker.acquire('m')).toBe('closed');
    expect(await breaker.recordFailure('m')).toBe(true);
    expect(await breaker.acquire('m')).toBe('open');
    now += 5_000;
    expect(await breaker.acquire('m')).toBe('probe');
    expect(await breaker.acquire('m')).toBe('open');
    await breaker.recordSuccess('m');
    expect(await breaker.acquire('m')).toBe('closed');
  });

  it('a failed probe re-opens for another cool-down; a stuck probe lets another through later', async () => {
    const breaker = store();
    for (let i = 0; i < 3; i++) await breaker.recordFailure('m');
    now += 5_000;
    expect(await breaker.acquire('m')).toBe('probe');
    expect(await breaker.recordFailure('m')).toBe(true);
    expect(await breaker.acquire('m')).toBe('open');
    now += 5_000;
    expect(await breaker.acquire('m')).toBe('probe');
    now += 2_001;
    expect(await breaker.acquire('m')).toBe('probe');
  });

  it('forgets failures older than the window', async () => {
    const breaker = store();
    await breaker.recordFailure('m');
    await breaker.recordFailure('m');
    now += 10_001;
    expect(await breaker.recordFailure('m')).toBe(false);
    expect(await breaker.acquire('m')).toBe('closed');
  });

  it('lists the breakers that are open, then half-open once the cool-down is over, until one closes', async () => {
    const breaker = store();
    expect(await breaker.listOpen()).toEqual([]);
    const openedAt = now;
    for (let i = 0; i < 3; i++) await breaker.recordFailure('together_ai:a');
    now += 1_000;
    for (let i = 0; i < 3; i++) await breaker.recordFailure('together_ai:b');
    await breaker.recordFailure('together_ai:c'); // below the threshold: closed
    expect(await breaker.listOpen()).toEqual([
      { key: 'together_ai:a', state: 'open', openedAt, retryAt: openedAt + 5_000 },
      { key: 'together_ai:b', state: 'open', openedAt: openedAt + 1_000, retryAt: openedAt + 6_000 },
    ]);
    now = openedAt + 5_000;
    expect((await breaker.listOpen()).map((b) => b.state)).toEqual(['half_open', 'open']);
    await breaker.recordSuccess('together_ai:a');
    expect((await breaker.listOpen()).map((b) => b.key)).toEqual(['together_ai:b']);
  });
});
