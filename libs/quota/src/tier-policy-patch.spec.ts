import { DomainError } from '@tiergate/common';
import { applyTierPolicyPatch } from './tier-policy-patch';
import type { TierQuotaPolicy } from './quota.types';

const policy: TierQuotaPolicy = {
  features: {
    text_generation: { requests_per_day: 50, tokens_per_day: 10_000, tokens_per_request: 2_000 },
    image_generation: { requests_per_day: 10 },
  },
  rate_limits: { requests_per_minute: 20, concurrent_streams: 2 },
  on_redis_failure: 'closed',
};

describe('applyTierPolicyPatch', () => {
  it('changes only the limits it names; null means unlimited', () => {
    const next = applyTierPolicyPatch(policy, {
      features: { text_generation: { tokens_per_day: null }, audio_tts: { minutes_per_day: 3 } },
      rate_limits: { concurrent_streams: 4 },
    });
    expect(next).toEqual({
      features: {
        text_generation: { requests_per_day: 50, tokens_per_day: null, tokens_per_request: 2_000 },
        image_generation: { requests_per_day: 10 },
        audio_tts: { minutes_per_day: 3 },
      },
      rate_limits: { requests_per_minute: 20, concurrent_streams: 4 },
      on_redis_failure: 'closed',
    });
    expect(policy.features.text_generation?.tokens_per_day).toBe(10_000);
  });

  it('changes the Redis failure mode alone', () => {
    expect(applyTierPolicyPatch(policy, { on_redis_failure: 'open' })).toEqual({
      ...policy,
      on_redis_failure: 'open',
    });
  });

  it('refuses a change that changes nothing', () => {
    expect(() => applyTierPolicyPatch(policy, {})).toThrow(DomainError);
    expect(() => applyTierPolicyPatch(policy, {})).toThrow(
      expect.objectContaining({ code: 'validation_failed', param: 'body' }),
    );
  });
});
