import type { Tier } from '@tiergate/common';
import type { Metrics } from '@tiergate/metrics';
import type { UsageQuotaTotals } from '@tiergate/usage';
import type { QuotaDemand } from './admission';
import { MemoryQuotaStore } from './memory-quota-store';
import { QuotaClock } from './quota-clock';
import type { QuotaPolicies } from './quota-policy.service';
import { QuotaSeeder } from './quota-seeder';
import type { QuotaStore } from './quota-store';
import { QuotaService } from './quota.service';
import type { TierQuotaPolicy } from './quota.types';

const POLICIES: Record<Tier, TierQuotaPolicy> = {
  free: {
    features: {
      text_generation: { requests_per_day: 50, tokens_per_request: 4096 },
      code_generation: { tokens_per_request: 4096 },
    },
    rate_limits: {},
    on_redis_failure: 'closed',
  },
  premium: { features: {}, rate_limits: { concurrent_streams: 4 }, on_redis_failure: 'open' },
  enterprise: { features: {}, rate_limits: {}, on_redis_failure: 'open' },
};

function service(store: QuotaStore = new MemoryQuotaStore()) {
  const policies: Pick<QuotaPolicies, 'tier' | 'limitsFor'> = {
    tier: (tier) => POLICIES[tier],
    limitsFor: (_userId, tier, feature) => POLICIES[tier].features[feature] ?? {},
  };
  return new QuotaService(
    store,
    new MemoryQuotaStore(),
    policies as QuotaPolicies,
    new QuotaClock(),
    { quotaRejections: { inc: jest.fn() } } as unknown as Metrics,
    new QuotaSeeder({ countedAgainstQuota: async () => ({}) } as unknown as UsageQuotaTotals),
  );
}

const demand = (tier: Tier, overrides: Partial<QuotaDemand> = {}): QuotaDemand => ({
  caller: { id: `user-${tier}`, tier },
  feature: 'text_generation',
  promptTokens: 10,
  maxTokens: 100,
  stream: false,
  ownKey: false,
  ...overrides,
});

describe('QuotaService.plan: whether a reservation could refuse the request', () => {
  it.each<[string, QuotaDemand, boolean]>([
    ['a daily quota applies', demand('free'), true],
    ['only a per-request token cap applies', demand('free', { feature: 'code_generation' }), true],
    [
      'a per-request cap, on a request without tokens',
      demand('free', { feature: 'code_generation', promptTokens: undefined }),
      false,
    ],
    ['the caller uses their own key: no quota, no rate limit', demand('free', { ownKey: true }), false],
    ['no limit at all', demand('enterprise'), false],
    ['a stream limit, for a stream', demand('premium', { stream: true }), true],
    ['a stream limit, for a plain request', demand('premium'), false],
  ])('%s', (_case, planned, refusable) => {
    expect(service().plan(planned).refusable).toBe(refusable);
  });

  it('admit reserves what the plan worked out, capped by the per-request limit', async () => {
    const quota = service();
    const plan = quota.plan(demand('free', { maxTokens: undefined }));
    expect(plan.checked.requests_per_day).toBe(50);
    const admission = await quota.admit(plan);
    expect(admission.maxTokens).toBe(4096 - 10);
    expect(admission.amounts.tokens).toBe(4096);
  });
});
