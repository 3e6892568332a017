import { describe, expect, it } from 'vitest';
import {
  daysBetween,
  metricValue,
  prepareSeries,
  seriesLabel,
  summarizeSeries,
  type UsageSeriesPoint,
} from './usage-series';

const point = (day: string, key: string, values: Partial<UsageSeriesPoint> = {}): UsageSeriesPoint => ({
  day,
  key,
  requests: 0,
  errors: 0,
  fallbacks: 0,
  cache_hits: 0,
  prompt_tokens: 0,
  completion_tokens: 0,
  cost_usd: 0,
  ...values,
});

const LLAMA = 'meta-llama/Meta-Llama-3.1-8B-Instruct-Turbo';
const QWEN = 'Qwen/Qwen2.5-7B-Instruct-Turbo';

describe('daysBetween', () => {
  it('lists every UTC day inclusive, across a month end', () => {
    expect(daysBetween('2026-11-29', '2026-12-02')).toEqual([
      '2026-11-29',
      '2026-11-30',
      '2026-12-01',
      '2026-12-02',
    ]);
  });
  it.each([
    ['2026-11-30', '2026-11-30', 1],
    ['2026-12-02', '2026-11-30', 0],
    ['not-a-day', '2026-11-30', 0],
    ['2024-01-01', '2024-12-31', 366],
  ])('%s to %s has %i days', (from, to, count) => {
    expect(daysBetween(from, to)).toHaveLength(count);
  });
});

describe('metricValue', () => {
  it.each([
    ['requests', 3],
    ['tokens', 150],
    ['prompt_tokens', 100],
    ['cost_usd', 0.25],
    ['errors', 1],
  ] as const)('%s', (metric, expected) => {
    const p = point('2026-11-30', 'a', {
      requests: 3,
      errors: 1,
      prompt_tokens: 100,
      completion_tokens: 50,
      cost_usd: 0.25,
    });
    expect(metricValue(p, metric)).toBe(expected);
  });
});

describe('prepareSeries', () => {
  const points = [
    point('2026-11-28', LLAMA, { requests: 5, prompt_tokens: 10, completion_tokens: 5, cost_usd: 0.1 }),
    point('2026-11-28', QWEN, { requests: 1, cost_usd: 0.2 }),
    point('2026-11-30', LLAMA, { requests: 2, cost_usd: 0.2 }),
  ];

  it('gives a row per day of the range with a column per key, zero-filled, oldest first', () => {
    const prepared = prepareSeries(points, [LLAMA, QWEN], 'requests', {
      range: { from: '2026-11-27', to: '2026-11-30' },
    });
    expect(prepared.series.map((s) => [s.name, s.key, s.total])).toEqual([
      ['s0', LLAMA, 7],
      ['s1', QWEN, 1],
    ]);
    expect(prepared.rows).toEqual([
      { day: '2026-11-27', total: 0, s0: 0, s1: 0 },
      { day: '2026-11-28', total: 6, s0: 5, s1: 1 },
      { day: '2026-11-29', total: 0, s0: 0, s1: 0 },
      { day: '2026-11-30', total: 2, s0: 2, s1: 0 },
    ]);
    expect(prepared.total).toBe(8);
  });

  it('uses safe column names: model ids hold dots and slashes that charts read as paths', () => {
    const prepared = prepareSeries(points, [LLAMA, QWEN], 'requests');
    for (const row of prepared.rows)
      expect(Object.keys(row).some((k) => k.includes('.') || k.includes('/'))).toBe(false);
  });

  it('sums money without float artefacts', () => {
    const prepared = prepareSeries(points, [LLAMA, QWEN], 'cost_usd');
    expect(prepared.rows[0].total).toBe(0.3);
    expect(prepared.total).toBe(0.5);
  });

  it('sums tokens as prompt plus completion', () => {
    expect(prepareSeries(points, [LLAMA, QWEN], 'tokens').series[0].total).toBe(15);
  });

  it('keeps a key the points hold but the key list misses, after the listed ones', () => {
    const prepared = prepareSeries(
      [...points, point('2026-11-30', 'other', { requests: 4 })],
      [LLAMA, QWEN],
      'requests',
    );
    expect(prepared.series.map((s) => s.label)).toEqual([LLAMA, QWEN, 'Other']);
    expect(prepared.rows.at(-1)).toMatchObject({ s0: 2, s2: 4, total: 6 });
  });

  it('has rows for the range even with no points at all', () => {
    const prepared = prepareSeries([], [], 'requests', { range: { from: '2026-11-01', to: '2026-11-30' } });
    expect(prepared.rows).toHaveLength(30);
    expect(prepared.series).toEqual([]);
    expect(prepared.total).toBe(0);
  });
});

describe('seriesLabel', () => {
  it.each([
    ['all', 'none', 'All requests'],
    ['other', 'model', 'Other'],
    ['free', 'tier', 'free'],
  ] as const)('%s split by %s reads %s', (key, split, label) => {
    expect(seriesLabel(key, split)).toBe(label);
  });
});

describe('summarizeSeries', () => {
  const format = (value: number) => String(value);

  it('says the total, the busiest day and each share', () => {
    const prepared = prepareSeries(
      [point('2026-11-29', 'free', { requests: 3 }), point('2026-11-30', 'premium', { requests: 1 })],
      ['free', 'premium'],
      'requests',
      { split: 'tier' },
    );
    expect(summarizeSeries(prepared, 'requests', format)).toBe(
      '4 requests from 2026-11-29 to 2026-11-30 (2 days); the busiest day was 2026-11-29 with 3. By series: free 3 (75%), premium 1 (25%).',
    );
  });

  it('says when nothing happened', () => {
    const prepared = prepareSeries([], [], 'requests', { range: { from: '2026-11-29', to: '2026-11-30' } });
    expect(summarizeSeries(prepared, 'requests', format)).toBe('No requests from 2026-11-29 to 2026-11-30.');
  });
});
