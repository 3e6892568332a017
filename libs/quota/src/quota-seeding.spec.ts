import { Logger } from '@nestjs/common';
import type { Tier } from '@tiergate/common';
import type { Metrics } from '@tiergate/metrics';
import type { CountedUsage, UsageQuotaTotals } from '@tiergate/usage';
import { MemoryQuotaStore } from './memory-quota-store';
import { QuotaClock, utcDay } from './quota-clock';
import type { QuotaPolicies } from './quota-policy.service';
import { QuotaSeeder } from './quota-seeder';
import { QuotaExceededError, QuotaUnavailableError } from './quota.errors';
import type { QuotaDemand } from './admission';
import { QuotaService } from './quota.service';
import type { TierQuotaPolicy } from './quota.types';

const POLICIES: Record<Tier, TierQuotaPolicy> = {
  free: {
    features: { text_generation: { requests_per_day: 50 }, audio_tts: { minutes_per_day: 5 } },
    rate_limits: {},
    on_redis_failure: 'closed',
  },
  premium: {
    features: { text_generation: { requests_per_day: 1000 } },
    rate_limits: {},
    on_redis_failure: 'open',
  },
  enterprise: { features: {}, rate_limits: {}, on_redis_failure: 'open' },
};

type LedgerRead = (userId: string, day: string) => Promise<Record<string, CountedUsage>>;

/** QuotaService on the in-process store (as in embedded mode) with a scripted ledger. */
function setup(read: LedgerRead, store = new MemoryQuotaStore()) {
  const ledger = { countedAgainstQuota: jest.fn(read) };
  const policies: Pick<QuotaPolicies, 'tier' | 'limitsFor'> = {
    tier: (tier) => POLICIES[tier],
    limitsFor: (_userId, tier, feature) => POLICIES[tier].features[feature] ?? {},
  };
  const metrics = { quotaRejections: { inc: jest.fn() } };
  const service = new QuotaService(
    store,
    new MemoryQuotaStore(),
    policies as QuotaPolicies,
    new QuotaClock(),
    metrics as unknown as Metrics,
    new QuotaSeeder(ledger as unknown as UsageQuotaTotals),
  );
  return { service, ledger, store };
}

const demand = (id: string, tier: Tier = 'free'): QuotaDemand => ({
  caller: { id, tier },
  feature: 'text_generation',
  stream: false,
  ownKey: false,
});
const today = () => utcDay(Date.now()).day;
const textUsed = (requests: number, tokens = 0) => ({ text_generation: { requests, tokens, audioMs: 0 } });

describe('QuotaService: counters rebuilt from the ledger', () => {
  let logged: jest.SpyInstance;
  beforeEach(() => {
    logged = jest.spyOn(Logger.prototype, 'error').mockImplementation(() => undefined);
  });
  afterEach(() => logged.mockRestore());

  it('after a restart, a free user at 50/50 in the ledger stays at 50/50 and is refused', async () => {
    const { service, ledger } = setup(() => Promise.resolve(textUsed(50, 1234)));
    await expect(service.admit(demand('u1'))).rejects.toBeInstanceOf(QuotaExceededError);
    const status = await service.status({ id: 'u1', tier: 'free' });
    expect(status.features.text_generation).toMatchObject({ requests_used: 50, requests_limit: 50 });
    expect(ledger.countedAgainstQuota).toHaveBeenCalledTimes(1);
    expect(ledger.countedAgainstQuota).toHaveBeenCalledWith('u1', today());
  });

  it('the quota view rebuilds too, and seeded counters are not read from the ledger again', async () => {
    const { service, ledger } = setup(() =>
      Promise.resolve({ ...textUsed(3, 300), audio_tts: { requests: 1, tokens: 0, audioMs: 90_000 } }),
    );
    const status = await service.status({ id: 'u2', tier: 'free' });
    expect(status.features.text_generation).toMatchObject({ requests_used: 3, tokens_used: 300 });
    expect(status.features.audio_tts).toMatchObject({ requests_used: 1, minutes_used: 1.5 });
    const admission = await service.admit(demand('u2'));
    expect(admission.headers['x-ratelimit-remaining']).toBe('46');
    await service.admit(demand('u2'));
    expect(ledger.countedAgainstQuota).toHaveBeenCalledTimes(1);
  });

  it('200 racing first requests read the ledger once and admit exactly what is left', async () => {
    let release!: () => void;
    const gate = new Promise<void>((resolve) => (release = resolve));
    const { service, ledger } = setup(async () => {
      await gate;
      return textUsed(10);
    });
    const results = Promise.allSettled(Array.from({ length: 200 }, () => service.admit(demand('u3'))));
    release();
    const settled = await results;
    expect(settled.filter((r) => r.status === 'fulfilled')).toHaveLength(40);
    expect(ledger.countedAgainstQuota).toHaveBeenCalledTimes(1);
  });

  it('ledger unreachable: the free tier is refused (503), premium is served and counted', async () => {
    const { service, ledger, store } = setup(() => Promise.reject(new Error('connect ECONNREFUSED')));
    await expect(service.admit(demand('free-user'))).rejects.toBeInstanceOf(QuotaUnavailableError);
    const admission = await service.admit(demand('premium-user', 'premium'));
    expect(admission.store).toBe(store);
    const counted = await store.dayUsage('premium-user', today(), ['text_generation']);
    expect(counted).toEqual({ seeded: false, features: textUsed(1) });
    // Known down for a moment: no request waits on the ledger meanwhile.
    await expect(service.admit(demand('free-user'))).rejects.toBeInstanceOf(QuotaUnavailableError);
    expect(ledger.countedAgainstQuota).toHaveBeenCalledTimes(1);
    expect(logged).toHaveBeenCalledTimes(1);
  });

  it('a ledger that does not answer in time counts as unreachable', async () => {
    jest.useFakeTimers({ doNotFake: ['nextTick', 'setImmediate'] });
    try {
      const { service } = setup(() => new Promise(() => undefined));
      const admitted = service.admit(demand('slow')).catch((error: unknown) => error);
      await jest.advanceTimersByTimeAsync(2_000);
      expect(await admitted).toBeInstanceOf(QuotaUnavailableError);
    } finally {
      jest.useRealTimers();
    }
  });

  it('a settle after the counters were lost and rebuilt adds the request in full', async () => {
    const store = new MemoryQuotaStore();
    let ledger = textUsed(0);
    const { service } = setup(() => Promise.resolve(ledger), store);
    const admission = await service.admit({ ...demand('u4'), promptTokens: 10, maxTokens: 90 });
    (store as unknown as { counters: Map<string, unknown>; marks: Map<string, unknown> }).marks.clear();
    (store as unknown as { counters: Map<string, unknown> }).counters.clear();
    ledger = textUsed(7, 700);
    await service.admit(demand('u4'));
    await service.settle(admission, { tokens: 42 });
    const status = await service.status({ id: 'u4', tier: 'free' });
    expect(status.features.text_generation).toMatchObject({ requests_used: 9, tokens_used: 742 });
  });
});

/** Applies a reservation, then loses its reply (a command timeout, a cut connection), `lose` times. */
class LosingReplies extends MemoryQuotaStore {
  lose = 0;
  override async reserve(...args: Parameters<MemoryQuotaStore['reserve']>) {
    const outcome = await super.reserve(...args);
    if (this.lose > 0 && outcome.ok) {
      this.lose -= 1;
      throw new Error('Command timed out');
    }
    return outcome;
  }
}

describe('QuotaService: a reservation whose reply was lost', () => {
  let logged: jest.SpyInstance;
  beforeEach(() => {
    logged = jest.spyOn(Logger.prototype, 'error').mockImplementation(() => undefined);
  });
  afterEach(() => {
    logged.mockRestore();
    jest.useRealTimers();
  });

  const counted = async (store: MemoryQuotaStore, userId: string) =>
    (await store.dayUsage(userId, today(), ['text_generation'])).features.text_generation;

  it('fail-open: served on the fallback store, then counted once in the shared one (not twice)', async () => {
    jest.useFakeTimers({ doNotFake: ['nextTick', 'setImmediate', 'queueMicrotask'] });
    const store = new LosingReplies();
    const { service } = setup(() => Promise.resolve(textUsed(0)), store);
    await service.admit(demand('p1', 'premium')); // seeds and counts 1
    jest.setSystemTime(Date.now() + 10);
    store.lose = 1;
    const lost = await service.admit({ ...demand('p1', 'premium'), promptTokens: 10, maxTokens: 40 });
    expect(lost.store).not.toBe(store); // served on the per-instance store
    await service.settle(lost, { tokens: 30 });
    // Redis counted the lost one with its estimate (10 + 40) before the reply went missing.
    expect(await counted(store, 'p1')).toEqual({ requests: 2, tokens: 50, audioMs: 0 });

    jest.setSystemTime(Date.now() + 2_001); // Redis is tried again after its retry delay
    await service.admit(demand('p1', 'premium')); // reaches Redis: the lost one is reconciled
    await (service as unknown as { outage: { carryingOver?: Promise<void> } }).outage.carryingOver;
    expect(await counted(store, 'p1')).toEqual({ requests: 3, tokens: 30, audioMs: 0 });
  });

  it('fail-closed: refused with 503 and not counted once Redis answers again', async () => {
    const store = new LosingReplies();
    const { service } = setup(() => Promise.resolve(textUsed(0)), store);
    await service.admit(demand('f1')); // seeds and counts 1
    store.lose = 1;
    await expect(service.admit(demand('f1'))).rejects.toBeInstanceOf(QuotaUnavailableError);
    expect((await counted(store, 'f1')).requests).toBe(2);
    await service.admit(demand('f1'));
    await (service as unknown as { outage: { carryingOver?: Promise<void> } }).outage.carryingOver;
    expect((await counted(store, 'f1')).requests).toBe(2); // the refused one was taken back
    // Taken back once: reconciling again changes nothing.
    await service.admit(demand('f1'));
    expect((await counted(store, 'f1')).requests).toBe(3);
  });
});
