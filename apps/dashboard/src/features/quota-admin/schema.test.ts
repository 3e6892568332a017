import { describe, expect, it } from 'vitest';
import { zod4Resolver } from 'mantine-form-zod-resolver';
import {
  approveSchema,
  denySchema,
  policyToValues,
  tierPolicySchema,
  valuesToUpdate,
  type TierPolicy,
} from './schema';

const policy: TierPolicy = {
  features: {
    text_generation: { requests_per_day: 50, tokens_per_day: 10_000, tokens_per_request: 2000 },
    audio_tts: { requests_per_day: 10, minutes_per_day: 5 },
  },
  rate_limits: {
    requests_per_second: null,
    requests_per_minute: 300,
    tokens_per_minute: 100_000,
    concurrent_streams: 5,
  },
  on_redis_failure: 'closed',
};

describe('tier policy form', () => {
  it('shows every limit, absent meaning unlimited (null), and sends every limit back', () => {
    const values = policyToValues(policy);
    expect(values.features.text_generation).toEqual({
      requests_per_day: 50,
      tokens_per_day: 10_000,
      tokens_per_request: 2000,
      minutes_per_day: null,
    });
    expect(values.features.image_generation.requests_per_day).toBeNull();
    const update = valuesToUpdate(values);
    expect(update.features?.audio_tts).toEqual({
      requests_per_day: 10,
      tokens_per_day: null,
      tokens_per_request: null,
      minutes_per_day: 5,
    });
    expect(update.rate_limits).toEqual(policy.rate_limits);
    expect(update.on_redis_failure).toBe('closed');
  });

  it('refuses an empty field (neither a number nor Unlimited), a negative or a fraction', () => {
    const values = policyToValues(policy);
    values.features.text_generation.requests_per_day = '';
    values.features.code_generation.tokens_per_day = -1;
    values.rate_limits.concurrent_streams = 1.5;
    expect(Object.keys(zod4Resolver(tierPolicySchema)(values)).sort()).toEqual([
      'features.code_generation.tokens_per_day',
      'features.text_generation.requests_per_day',
      'rate_limits.concurrent_streams',
    ]);
    values.features.text_generation.requests_per_day = null;
    values.features.code_generation.tokens_per_day = 0;
    values.rate_limits.concurrent_streams = 3;
    expect(zod4Resolver(tierPolicySchema)(values)).toEqual({});
  });
});

describe('quota request decisions', () => {
  it('approves with a whole limit and an optional note of 3 characters or more', () => {
    expect(zod4Resolver(approveSchema)({ limit: 200, reason: '' })).toEqual({});
    expect(Object.keys(zod4Resolver(approveSchema)({ limit: 0, reason: 'ok' }))).toEqual(['limit', 'reason']);
  });

  it('denies only with a reason', () => {
    expect(Object.keys(zod4Resolver(denySchema)({ reason: '  ' }))).toEqual(['reason']);
    expect(zod4Resolver(denySchema)({ reason: 'Not for this use' })).toEqual({});
  });
});
