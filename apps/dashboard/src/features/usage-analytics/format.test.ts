import { describe, expect, it } from 'vitest';
import { formatCost } from './format';

describe('formatCost', () => {
  it.each([
    [0, '$0'],
    [0.0000595, '$0.0000595'],
    [0.00022851, '$0.000229'],
    [0.5, '$0.50'],
    [12.3456, '$12.3456'],
    [null, '—'],
  ])('%s reads %s', (value, text) => {
    expect(formatCost(value)).toBe(text);
  });
});
