import { formatUsd } from '@/lib/format';

const smallUsd = new Intl.NumberFormat('en-US', {
  style: 'currency',
  currency: 'USD',
  maximumSignificantDigits: 3,
});

/** Costs in USD: cents and more as usual; fractions of a cent (a request's cost) to 3 significant digits. */
export function formatCost(value: number | null | undefined): string {
  if (value === null || value === undefined) return '—';
  if (value === 0) return '$0';
  return Math.abs(value) < 0.01 ? smallUsd.format(value) : formatUsd(value);
}
