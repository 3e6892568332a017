import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import {
  exportUrl,
  filterQuery,
  groupKey,
  rangeProblem,
  resolveRange,
  usageFilterSearch,
  type UsageGroup,
} from './schema';

const NOW = new Date('2026-11-30T15:00:00Z');
const filters = z.object(usageFilterSearch);

describe('usage filters', () => {
  it('default to the last 30 days (UTC), as the api does', () => {
    expect(resolveRange({}, NOW)).toEqual({ from: '2026-11-01', to: '2026-11-30' });
    expect(resolveRange({ to: '2026-03-01' }, NOW)).toEqual({ from: '2026-01-31', to: '2026-03-01' });
  });

  it('drop an invalid filter from the URL instead of failing the page', () => {
    expect(
      filters.parse({ from: '30/11/2026', user_id: 'nobody', tier: 'gold', status: 'error', model: 'a/b' }),
    ).toEqual({ status: 'error', model: 'a/b' });
  });

  it.each([
    [{ from: '2026-11-30', to: '2026-11-01' }, 'from'],
    [{ from: '2024-01-01', to: '2025-12-31' }, 'from'],
    [{ from: '2025-01-01', to: '2025-12-31' }, undefined],
  ])('check the range %o', (range, field) => {
    expect(rangeProblem(range)?.field).toBe(field);
  });

  it('make the api query: the range resolved, empty filters left out', () => {
    expect(filterQuery({ tier: 'free', model: undefined, key_source: 'user' }, NOW)).toEqual({
      from: '2026-11-01',
      to: '2026-11-30',
      tier: 'free',
      key_source: 'user',
    });
  });

  it('make the same-origin export URL with the same filters', () => {
    expect(exportUrl({ model: 'meta-llama/x', status: 'ok' }, 'xlsx', NOW)).toBe(
      '/api/v1/admin/usage/export?format=xlsx&from=2026-11-01&to=2026-11-30&model=meta-llama%2Fx&status=ok',
    );
  });

  it('name a group by its grouping, in words for tiers and features', () => {
    const group = { feature: 'audio_tts', tier: 'free', day: '2026-11-30' } as UsageGroup;
    expect(groupKey(group, 'feature')).toBe('Text to speech');
    expect(groupKey(group, 'tier')).toBe('Free');
    expect(groupKey(group, 'day')).toBe('2026-11-30');
    expect(groupKey(group, 'model')).toBe('—');
  });
});
