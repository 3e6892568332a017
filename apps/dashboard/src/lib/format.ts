const usd = new Intl.NumberFormat('en-US', {
  style: 'currency',
  currency: 'USD',
  minimumFractionDigits: 2,
  maximumFractionDigits: 4,
});
const integer = new Intl.NumberFormat('en-US');
const compact = new Intl.NumberFormat('en-US', { notation: 'compact', maximumFractionDigits: 1 });
const percent = new Intl.NumberFormat('en-US', { style: 'percent', maximumFractionDigits: 1 });
const dateTime = new Intl.DateTimeFormat('en-GB', {
  dateStyle: 'medium',
  timeStyle: 'short',
  timeZone: 'UTC',
});
const date = new Intl.DateTimeFormat('en-GB', { dateStyle: 'medium', timeZone: 'UTC' });

const smallUsd = new Intl.NumberFormat('en-US', {
  style: 'currency',
  currency: 'USD',
  maximumSignificantDigits: 2,
});

/** Dollars; amounts under a cent keep two significant digits ($0.0000045), so they never read $0.00. */
export function formatUsd(value: number | string | null | undefined): string {
  if (value === null || value === undefined) return '—';
  const amount = Number(value);
  return amount !== 0 && Math.abs(amount) < 0.01 ? smallUsd.format(amount) : usd.format(amount);
}
export const formatInt = (value: number | string | null | undefined): string =>
  value === null || value === undefined ? '—' : integer.format(Number(value));
export const formatCompact = (value: number | null | undefined): string =>
  value === null || value === undefined ? '—' : compact.format(value);
/** A ratio 0..1 as a percentage. */
export const formatPercent = (ratio: number | null | undefined): string =>
  ratio === null || ratio === undefined ? '—' : percent.format(ratio);
/** Times are shown in UTC, the platform's clock (quota windows reset at 00:00 UTC). */
export const formatDateTime = (value: string | Date | null | undefined): string =>
  value ? `${dateTime.format(new Date(value))} UTC` : '—';
export const formatDate = (value: string | Date | null | undefined): string =>
  value ? date.format(new Date(value)) : '—';
export const formatMs = (value: number | null | undefined): string =>
  value === null || value === undefined ? '—' : `${integer.format(Math.round(value))} ms`;
/** A limit where null means unlimited. */
export const formatLimit = (value: number | null | undefined): string =>
  value === null || value === undefined ? 'Unlimited' : integer.format(value);
