import { describe, expect, it } from 'vitest';
import { formatLimit, formatPercent, formatUsd } from './format';

describe('formatUsd', () => {
  it.each([
    [null, '—'],
    [0, '$0.00'],
    [1.5, '$1.50'],
    [12.34567, '$12.3457'],
    [0.0000045, '$0.0000045'],
    ['0.0021', '$0.0021'],
    [-0.005, '-$0.005'],
  ])('formats %s as %s', (value, expected) => {
    expect(formatUsd(value)).toBe(expected);
  });
});

describe('formatLimit and formatPercent', () => {
  it('reads null as unlimited, and ratios as percentages', () => {
    expect(formatLimit(null)).toBe('Unlimited');
    expect(formatLimit(2000)).toBe('2,000');
    expect(formatPercent(0.125)).toBe('12.5%');
  });
});
