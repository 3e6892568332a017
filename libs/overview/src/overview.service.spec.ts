import { MemoryCircuitBreakerStore, type CircuitBreakerStore } from '@tiergate/fallback-manager';
import type { HourlyPoint, UsageRecorder, UsageReports, UsageSeries } from '@tiergate/usage';
import { HealthProbes, type ProbeOutcome } from './health-probes';
import { OverviewService } from './overview.service';

const NOW = new Date('2026-11-30T12:30:00Z');

class FakeProbes extends HealthProbes {
  constructor(
    readonly hasRedis: boolean,
    private readonly outcomes: Partial<Record<'database' | 'redis' | 'upstream', ProbeOutcome | Error>> = {},
  ) {
    super();
  }
  database = () => this.answer('database');
  redis = () => this.answer('redis');
  upstream = () => this.answer('upstream');
  private answer(name: 'database' | 'redis' | 'upstream'): Promise<ProbeOutcome> {
    const outcome = this.outcomes[name] ?? { up: true };
    return outcome instanceof Error ? Promise.reject(outcome) : Promise.resolve(outcome);
  }
}

const hour = (at: string, requests: number, extra: Partial<HourlyPoint> = {}): HourlyPoint => ({
  hour: at,
  requests,
  errors: 0,
  fallbacks: 0,
  cache_hits: 0,
  tokens: 0,
  cost_usd: 0,
  ...extra,
});

function overview(options: {
  probes: HealthProbes;
  breakers?: CircuitBreakerStore;
  queue?: Awaited<ReturnType<UsageRecorder['queueStatus']>>;
}) {
  const recorder = {
    queueStatus: jest.fn().mockResolvedValue(options.queue ?? { mode: 'in_process', counts: null }),
  } as unknown as UsageRecorder;
  const reports = {
    totals: jest.fn().mockResolvedValue({ requests: 7, cost_usd: 0.25 }),
  } as unknown as UsageReports;
  const series = {
    lastHours: jest
      .fn()
      .mockResolvedValue([
        hour('2026-11-29T12:00:00Z', 3, { errors: 1, tokens: 30, cost_usd: 0.1 }),
        hour('2026-11-30T12:00:00Z', 4, { fallbacks: 2, cache_hits: 1, tokens: 40, cost_usd: 0.2 }),
      ]),
  } as unknown as UsageSeries;
  const breakers =
    options.breakers ??
    new MemoryCircuitBreakerStore(
      { failureThreshold: 1, windowMs: 1_000, cooldownMs: 60_000, probeTimeoutMs: 1_000 },
      { now: () => NOW.getTime() },
    );
  return {
    service: new OverviewService(options.probes, breakers, recorder, reports, series),
    reports,
    series,
  };
}

describe('OverviewService', () => {
  it('embedded mode: Redis and the queue are in process; breakers come from the in-process store', async () => {
    const breakers = new MemoryCircuitBreakerStore(
      { failureThreshold: 1, windowMs: 1_000, cooldownMs: 60_000, probeTimeoutMs: 1_000 },
      { now: () => NOW.getTime() },
    );
    await breakers.recordFailure('together_ai:meta-llama/Llama-3:8b');
    const { service, reports, series } = overview({ probes: new FakeProbes(false), breakers });
    const result = await service.snapshot(NOW);
    expect(result.health.redis).toEqual({ status: 'in_process', latency_ms: null, message: null });
    expect(result.health.database).toMatchObject({ status: 'up', message: null });
    expect(result.usage_queue).toEqual({
      mode: 'in_process',
      available: true,
      waiting: 0,
      active: 0,
      delayed: 0,
      failed: 0,
    });
    expect(result.breakers).toEqual([
      {
        provider: 'together_ai',
        model: 'meta-llama/Llama-3:8b',
        state: 'open',
        opened_at: '2026-11-30T12:30:00.000Z',
        retry_at: '2026-11-30T12:31:00.000Z',
      },
    ]);
    expect(result.last_24h).toMatchObject({
      requests: 7,
      errors: 1,
      fallbacks: 2,
      cache_hits: 1,
      tokens: 70,
      cost_usd: 0.3,
    });
    expect(result.today).toEqual({ requests: 7, cost_usd: 0.25 });
    expect(reports.totals).toHaveBeenCalledWith({ from: '2026-11-30', to: '2026-11-30' });
    expect(series.lastHours).toHaveBeenCalledWith(24, NOW);
  });

  it('a check that fails or throws is down with its reason; the queue without Redis is unavailable', async () => {
    const probes = new FakeProbes(true, {
      redis: new Error('connect ECONNREFUSED'),
      upstream: { up: false, message: 'HTTP 401' },
    });
    const failing = new MemoryCircuitBreakerStore({
      failureThreshold: 1,
      windowMs: 1,
      cooldownMs: 1,
      probeTimeoutMs: 1,
    });
    jest.spyOn(failing, 'listOpen').mockRejectedValue(new Error('Redis is down'));
    const { service } = overview({ probes, breakers: failing, queue: { mode: 'queue', counts: null } });
    const result = await service.snapshot(NOW);
    expect(result.health.redis).toMatchObject({ status: 'down', message: 'connect ECONNREFUSED' });
    expect(result.health.upstream).toMatchObject({ status: 'down', message: 'HTTP 401' });
    expect(result.health.redis.latency_ms).toEqual(expect.any(Number));
    expect(result.breakers).toEqual([]);
    expect(result.usage_queue).toMatchObject({ mode: 'queue', available: false, waiting: 0 });
  });

  it('the queue counts paused batches as waiting', async () => {
    const { service } = overview({
      probes: new FakeProbes(true),
      queue: { mode: 'queue', counts: { waiting: 2, paused: 1, active: 3, delayed: 4, failed: 5 } },
    });
    expect((await service.snapshot(NOW)).usage_queue).toEqual({
      mode: 'queue',
      available: true,
      waiting: 3,
      active: 3,
      delayed: 4,
      failed: 5,
    });
  });
});
