import { describe, expect, it } from 'vitest';
import {
  daysBetween,
  groupUsage,
  lastDays,
  prepareDailyUsage,
  summarizeDailyUsage,
  type MyUsageRow,
} from './my-usage';

const row = (change: Partial<MyUsageRow>): MyUsageRow => ({
  day: '2026-11-30',
  feature: 'text_generation',
  model: 'meta-llama/Meta-Llama-3.1-8B-Instruct-Turbo',
  requests: 1,
  errors: 0,
  prompt_tokens: 10,
  completion_tokens: 5,
  total_tokens: 15,
  cost_usd: 0.001,
  ...change,
});

describe('lastDays', () => {
  it('is today and the 29 days before, in UTC', () => {
    expect(lastDays(30, new Date('2026-11-30T23:30:00Z'))).toEqual({ from: '2026-11-01', to: '2026-11-30' });
    expect(lastDays(1, new Date('2026-03-01T00:10:00Z'))).toEqual({ from: '2026-03-01', to: '2026-03-01' });
  });
});

describe('daysBetween', () => {
  it('lists every day inclusive, across a month end', () => {
    expect(daysBetween('2026-02-27', '2026-03-02')).toEqual([
      '2026-02-27',
      '2026-02-28',
      '2026-03-01',
      '2026-03-02',
    ]);
  });
  it('is empty for a reversed or invalid range, and capped at 366 days', () => {
    expect(daysBetween('2026-03-02', '2026-03-01')).toEqual([]);
    expect(daysBetween('nope', '2026-03-01')).toEqual([]);
    expect(daysBetween('2020-01-01', '2026-01-01')).toHaveLength(366);
  });
});

describe('prepareDailyUsage', () => {
  const rows = [
    row({ day: '2026-11-30', requests: 3, errors: 1, total_tokens: 300, cost_usd: 0.003 }),
    row({
      day: '2026-11-30',
      feature: 'image_generation',
      model: 'flux',
      requests: 2,
      total_tokens: 0,
      cost_usd: 0.02,
    }),
    row({ day: '2026-11-28', requests: 1, total_tokens: 100, cost_usd: 0.001 }),
    row({ day: '2026-10-01', requests: 99 }),
  ];

  it('fills every day of the range, oldest first, and sums the rows of a day', () => {
    const points = prepareDailyUsage(rows, '2026-11-28', '2026-11-30');
    expect(points.map((point) => point.day)).toEqual(['2026-11-28', '2026-11-29', '2026-11-30']);
    expect(points.map((point) => point.label)).toEqual(['28 Nov', '29 Nov', '30 Nov']);
    expect(points[1]).toMatchObject({ requests: 0, tokens: 0, cost: 0, errors: 0 });
    expect(points[2]).toMatchObject({ requests: 5, errors: 1, tokens: 300 });
    expect(points[2].cost).toBeCloseTo(0.023);
  });

  it('drops rows outside the range and accepts costs sent as strings', () => {
    const points = prepareDailyUsage(
      [row({ day: '2026-11-29', cost_usd: '0.5' as unknown as number }), ...rows],
      '2026-11-29',
      '2026-11-29',
    );
    expect(points).toHaveLength(1);
    expect(points[0].cost).toBe(0.5);
  });
});

describe('groupUsage', () => {
  const rows = [
    row({ feature: 'text_generation', model: 'a', requests: 4, errors: 1, cost_usd: 0.01 }),
    row({ day: '2026-11-29', feature: 'text_generation', model: 'b', requests: 6, cost_usd: 0.01 }),
    row({ feature: 'image_generation', model: 'c', requests: 1, cost_usd: 0.05, total_tokens: 0 }),
  ];

  it('totals per feature, costliest first, with the error rate', () => {
    expect(groupUsage(rows, 'feature')).toEqual([
      expect.objectContaining({ key: 'image_generation', requests: 1, cost: 0.05, errorRate: 0 }),
      expect.objectContaining({
        key: 'text_generation',
        requests: 10,
        errors: 1,
        errorRate: 0.1,
        tokens: 30,
      }),
    ]);
  });

  it('totals per model, the busiest first when costs tie', () => {
    expect(groupUsage(rows, 'model').map((group) => group.key)).toEqual(['c', 'b', 'a']);
  });

  it('is empty without rows', () => {
    expect(groupUsage([], 'model')).toEqual([]);
  });
});

describe('summarizeDailyUsage', () => {
  it('says the totals and the highest day for the metric shown', () => {
    const points = prepareDailyUsage(
      [
        row({ day: '2026-11-29', requests: 2, total_tokens: 50, cost_usd: 0.5 }),
        row({ day: '2026-11-30', requests: 5, total_tokens: 20, cost_usd: 0.25 }),
      ],
      '2026-11-29',
      '2026-11-30',
    );
    expect(summarizeDailyUsage(points, 'requests')).toBe(
      '7 requests, 70 tokens and $0.75 from 29 Nov 2026 to 30 Nov 2026. Highest requests: 5 on 30 Nov 2026.',
    );
    expect(summarizeDailyUsage(points, 'cost')).toContain('Highest cost: $0.50 on 29 Nov 2026.');
  });

  it('counts one request in the singular', () => {
    const points = prepareDailyUsage([row({ requests: 1, total_tokens: 1 })], '2026-11-30', '2026-11-30');
    expect(summarizeDailyUsage(points, 'requests')).toMatch(/^1 request, 1 token and \$0\.001 /);
  });

  it('says when there was nothing', () => {
    expect(summarizeDailyUsage(prepareDailyUsage([], '2026-11-29', '2026-11-30'), 'tokens')).toBe(
      'No requests from 29 Nov 2026 to 30 Nov 2026.',
    );
    expect(summarizeDailyUsage([], 'tokens')).toBe('No days in this range.');
  });
});
