import { describe, expect, it } from 'vitest';
import { indicatorBadges } from './indicators';
import type { ModelSourceIndicator } from './schema';

const base: ModelSourceIndicator = {
  provider_id: 'together_ai',
  display_name: 'Together AI',
  is_free_tier: false,
  is_fallback: false,
  fallback_reason: null,
  fallback_strategy: null,
  requested_model: null,
  served_model: 'meta-llama/Meta-Llama-3.1-8B-Instruct-Turbo',
  key_source: 'system',
  cached: false,
};

const labels = (indicator: ModelSourceIndicator | null | undefined) =>
  indicatorBadges(indicator).map((badge) => badge.label);

describe('indicatorBadges', () => {
  it.each([undefined, null])('shows nothing when the indicator is absent (%s: the flag is off)', (value) => {
    expect(indicatorBadges(value)).toEqual([]);
  });

  it('always names the provider by its display name', () => {
    expect(labels(base)).toEqual(['Together AI']);
    expect(indicatorBadges(base)[0]).toMatchObject({ kind: 'provider' });
    expect(indicatorBadges(base)[0].description).toContain(base.served_model);
  });

  it('falls back to the provider id when there is no display name', () => {
    expect(labels({ ...base, display_name: '' })).toEqual(['together_ai']);
  });

  it.each<[string, Partial<ModelSourceIndicator>, string[]]>([
    ['free tier', { is_free_tier: true }, ['Together AI', 'Free Tier']],
    ['fallback', { is_fallback: true, fallback_reason: 'upstream_unavailable' }, ['Together AI', 'Fallback']],
    ['cached', { cached: true }, ['Together AI', 'Cached']],
    ['own key', { key_source: 'user' }, ['Together AI', 'Your key']],
    [
      'everything at once, in order',
      { is_free_tier: true, is_fallback: true, cached: true, key_source: 'user' },
      ['Together AI', 'Free Tier', 'Fallback', 'Cached', 'Your key'],
    ],
  ])('%s', (_name, change, expected) => {
    expect(labels({ ...base, ...change })).toEqual(expected);
  });

  it('explains a fallback: the reason, the strategy in words, and the model that answered', () => {
    const [, fallback] = indicatorBadges({
      ...base,
      is_fallback: true,
      fallback_reason: 'upstream_unavailable',
      fallback_strategy: 'SAME_PROVIDER_DIFFERENT_MODEL',
      served_model: 'Qwen/Qwen2.5-7B-Instruct-Turbo',
    });
    expect(fallback).toMatchObject({ kind: 'fallback', color: 'orange' });
    expect(fallback.description).toBe(
      'The primary model could not answer (upstream unavailable); another model of the same provider answered; Qwen/Qwen2.5-7B-Instruct-Turbo answered instead.',
    );
  });

  it('names the requested model when another one answered', () => {
    const [, fallback] = indicatorBadges({
      ...base,
      is_fallback: true,
      fallback_strategy: 'DIFFERENT_PROVIDER',
      requested_model: 'openai/gpt-oss-20b',
    });
    expect(fallback.description).toContain('a model on another provider answered');
    expect(fallback.description).toContain('you asked for openai/gpt-oss-20b');
  });

  it('does not mark a system-key answer as "Your key"', () => {
    expect(labels({ ...base, key_source: 'system' })).not.toContain('Your key');
  });
});
