import { describe, expect, it } from 'vitest';
import { prepareHourlyActivity, type HourlyActivity } from './overview-hourly';

const hour = (iso: string, requests: number, errors = 0): HourlyActivity => ({
  hour: iso,
  requests,
  errors,
  fallbacks: 0,
  cache_hits: 0,
  tokens: 0,
  cost_usd: 0,
});

describe('prepareHourlyActivity', () => {
  it('orders the hours, labels them in UTC and splits answered requests from errors', () => {
    const chart = prepareHourlyActivity([
      hour('2026-11-30T14:00:00Z', 5, 2),
      hour('2026-11-30T13:00:00Z', 10, 1),
    ]);
    expect(chart.rows.map((row) => [row.label, row.ok, row.errors])).toEqual([
      ['13:00', 9, 1],
      ['14:00', 3, 2],
    ]);
  });

  it('summarises the window in words, with the error rate and the busiest hour', () => {
    const chart = prepareHourlyActivity([
      hour('2026-11-30T09:00:00Z', 1000, 10),
      hour('2026-11-30T10:00:00Z', 200),
    ]);
    expect(chart.summary).toBe(
      '1,200 requests in the last 24 hours, 10 with an error (0.8%). The busiest hour was 09:00 UTC with 1,000.',
    );
    expect(chart.busiest?.label).toBe('09:00');
  });

  it('says so when there were no requests', () => {
    const chart = prepareHourlyActivity([hour('2026-11-30T09:00:00Z', 0)]);
    expect(chart.summary).toBe('No requests in the last 24 hours.');
    expect(chart.busiest).toBeNull();
  });

  it('never shows a negative answered count when errors exceed requests', () => {
    expect(prepareHourlyActivity([hour('2026-11-30T09:00:00Z', 1, 3)]).rows[0].ok).toBe(0);
  });
});
