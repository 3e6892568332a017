import { describe, expect, it } from 'vitest';
import { monthName, summarizeBilling, type Billing } from './billing';

const bill = (change: Partial<Billing> = {}): Billing => ({
  month: '2026-11',
  tier: 'free',
  credits: { allocation_usd: 1, used_usd: 0.25, remaining_usd: 0.75 },
  own_key: { active: false, usage_usd: 0, consumes_credits: false },
  charge: { overage_usd: 0, reduction_rate: 0, reduction_usd: 0, total_usd: 0 },
  ...change,
});

describe('monthName', () => {
  it('names the month', () => {
    expect(monthName('2026-11')).toBe('November 2026');
    expect(monthName('garbage')).toBe('garbage');
  });
});

describe('summarizeBilling', () => {
  it('says credits used and remaining, and that nothing is charged', () => {
    const summary = summarizeBilling(bill());
    expect(summary).toMatchObject({ usedPercent: 25, color: 'blue' });
    expect(summary.credits).toBe('$0.25 of $1.00 used, $0.75 remaining.');
    expect(summary.charge).toEqual([
      'Nothing used beyond your credits.',
      'Charge for November 2026: $0.00.',
      'With your own Together AI key, any charge beyond your credits is 10% lower.',
    ]);
  });

  it('explains the 10% reduction with an own key', () => {
    const summary = summarizeBilling(
      bill({
        credits: { allocation_usd: 1, used_usd: 3, remaining_usd: 0 },
        own_key: { active: true, usage_usd: 0.4, consumes_credits: false },
        charge: { overage_usd: 2, reduction_rate: 0.1, reduction_usd: 0.2, total_usd: 1.8 },
      }),
    );
    expect(summary).toMatchObject({ usedPercent: 100, color: 'red' });
    expect(summary.ownKey).toBe(
      'Your own key is in use: $0.40 of requests this month, which consume no credits.',
    );
    expect(summary.charge).toEqual([
      'Used beyond your credits: $2.00.',
      'Your own key takes 10% off: −$0.20.',
      'Charge for November 2026: $1.80.',
    ]);
  });

  it('charges the overage in full without an own key', () => {
    const summary = summarizeBilling(
      bill({
        credits: { allocation_usd: 1, used_usd: 0.9, remaining_usd: 0.1 },
        charge: { overage_usd: 0.5, reduction_rate: 0, reduction_usd: 0, total_usd: 0.5 },
      }),
    );
    expect(summary.color).toBe('orange');
    expect(summary.charge[0]).toBe('Used beyond your credits: $0.50.');
    expect(summary.charge).not.toContain(expect.stringContaining('takes'));
  });

  it('handles a tier without credits', () => {
    expect(
      summarizeBilling(bill({ credits: { allocation_usd: 0, used_usd: 0, remaining_usd: 0 } })).usedPercent,
    ).toBe(0);
    expect(
      summarizeBilling(bill({ credits: { allocation_usd: 0, used_usd: 0.1, remaining_usd: 0 } })).usedPercent,
    ).toBe(100);
  });

  it('mentions earlier own-key usage when the key is no longer active', () => {
    expect(
      summarizeBilling(bill({ own_key: { active: false, usage_usd: 0.1, consumes_credits: false } })).ownKey,
    ).toContain('It is not in use now');
  });
});
