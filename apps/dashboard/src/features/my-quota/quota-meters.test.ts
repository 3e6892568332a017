import { describe, expect, it } from 'vitest';
import { currentLimit, prepareQuotaMeters, quotaMeter, rateLimitRows } from './quota-meters';
import type { QuotaView } from './schema';

const view: QuotaView = {
  text_generation: {
    requests_used: 120,
    requests_limit: 200,
    tokens_used: 2500,
    tokens_limit: 10000,
    tokens_per_request_limit: 2000,
  },
  code_generation: { requests_used: 5, requests_limit: null, tokens_used: 0, tokens_limit: null },
  image_generation: { requests_used: 10, requests_limit: 10 },
  vision_analysis: { requests_used: 0, requests_limit: 20 },
  audio_tts: { requests_used: 1, requests_limit: 10, minutes_used: 0.5, minutes_limit: 5 },
  audio_stt: { requests_used: 0, requests_limit: 0, minutes_used: 0, minutes_limit: 10 },
  tier: 'free',
  resets_at: '2026-12-01T00:00:00.000Z',
  rate_limits: {
    requests_per_second: null,
    requests_per_minute: 300,
    tokens_per_minute: 100000,
    concurrent_streams: 5,
  },
};

describe('quotaMeter', () => {
  it.each([
    ['requests', 120, 200, '120 of 200 requests today', 60, 'blue'],
    ['requests', 170, 200, '170 of 200 requests today', 85, 'orange'],
    ['requests', 250, 200, '250 of 200 requests today', 100, 'red'],
    ['tokens', 2500, 10000, '2,500 of 10,000 tokens today', 25, 'blue'],
    ['minutes', 0.5, 5, '0.5 of 5 minutes today', 10, 'blue'],
    ['requests', 0, 1, '0 of 1 request today', 0, 'blue'],
    ['requests', 0, 0, '0 of 0 requests today', 100, 'red'],
  ] as const)('%s %d of %d → "%s"', (metric, used, limit, label, percent, color) => {
    expect(quotaMeter(metric, used, limit)).toMatchObject({ label, percent, color, limit });
  });

  it('says Unlimited when the limit is null, with no bar', () => {
    expect(quotaMeter('requests', 5, null)).toEqual({
      metric: 'requests',
      used: 5,
      limit: null,
      percent: null,
      label: '5 requests today · Unlimited',
      color: 'blue',
    });
  });
});

describe('prepareQuotaMeters', () => {
  const meters = prepareQuotaMeters(view);

  it('lists the features in the specification’s order, with their names', () => {
    expect(meters.map((feature) => feature.title)).toEqual([
      'Text generation',
      'Code generation',
      'Image generation',
      'Vision analysis',
      'Text to speech',
      'Speech to text',
    ]);
  });

  it('shows tokens where they apply, minutes for audio, and the per-request cap', () => {
    expect(meters[0].meters.map((meter) => meter.metric)).toEqual(['requests', 'tokens']);
    expect(meters[0].note).toBe('Up to 2,000 tokens per request');
    expect(meters[2].meters.map((meter) => meter.metric)).toEqual(['requests']);
    expect(meters[4].meters.map((meter) => meter.label)).toEqual([
      '1 of 10 requests today',
      '0.5 of 5 minutes today',
    ]);
    expect(meters[1].meters.every((meter) => meter.limit === null)).toBe(true);
  });

  it('skips a feature the API left out', () => {
    const { audio_stt: _left, ...rest } = view;
    expect(prepareQuotaMeters(rest as QuotaView)).toHaveLength(5);
  });
});

describe('rateLimitRows', () => {
  it('puts the rate limits in words, null as Unlimited', () => {
    expect(rateLimitRows(view.rate_limits)).toEqual([
      { label: 'Requests per second', value: 'Unlimited' },
      { label: 'Requests per minute', value: '300' },
      { label: 'Tokens per minute', value: '100,000' },
      { label: 'Streams at once', value: '5' },
    ]);
  });
});

describe('currentLimit', () => {
  it.each([
    ['text_generation', 'requests_per_day', 200],
    ['text_generation', 'tokens_per_day', 10000],
    ['text_generation', 'tokens_per_request', 2000],
    ['audio_tts', 'minutes_per_day', 5],
    ['code_generation', 'requests_per_day', null],
    ['image_generation', 'tokens_per_day', undefined],
  ] as const)('%s %s → %s', (feature, limit, expected) => {
    expect(currentLimit(view, feature, limit)).toBe(expected);
  });
});
