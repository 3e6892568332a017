import type { components } from '@/api/schema';
import { formatUsd } from '@/lib/format';

export type Billing = components['schemas']['BillingDto'];

const usd = { format: formatUsd };
const percent = new Intl.NumberFormat('en-US', { style: 'percent', maximumFractionDigits: 1 });

export interface BillingSummary {
  /** 0..100 of the month's credits used (100 when there is no allocation but usage). */
  usedPercent: number;
  color: 'blue' | 'orange' | 'red';
  credits: string;
  ownKey: string;
  charge: string[];
}

/** "2026-11" → "November 2026". */
export function monthName(month: string): string {
  const date = new Date(`${month}-01T00:00:00Z`);
  return Number.isNaN(date.getTime())
    ? month
    : new Intl.DateTimeFormat('en-GB', { month: 'long', year: 'numeric', timeZone: 'UTC' }).format(date);
}

/** The month's bill in words: credits used and left, own-key usage, and the charge with its reduction. */
export function summarizeBilling(billing: Billing): BillingSummary {
  const { credits, own_key: ownKey, charge } = billing;
  const usedPercent =
    credits.allocation_usd > 0
      ? Math.min(100, (credits.used_usd / credits.allocation_usd) * 100)
      : credits.used_usd > 0
        ? 100
        : 0;
  const lines: string[] = [];
  if (charge.overage_usd > 0) {
    lines.push(`Used beyond your credits: ${usd.format(charge.overage_usd)}.`);
    if (charge.reduction_rate > 0)
      lines.push(
        `Your own key takes ${percent.format(charge.reduction_rate)} off: −${usd.format(charge.reduction_usd)}.`,
      );
  } else lines.push('Nothing used beyond your credits.');
  lines.push(`Charge for ${monthName(billing.month)}: ${usd.format(charge.total_usd)}.`);
  if (charge.reduction_rate === 0)
    lines.push('With your own Together AI key, any charge beyond your credits is 10% lower.');
  return {
    usedPercent,
    color: usedPercent >= 100 ? 'red' : usedPercent >= 80 ? 'orange' : 'blue',
    credits: `${usd.format(credits.used_usd)} of ${usd.format(credits.allocation_usd)} used, ${usd.format(credits.remaining_usd)} remaining.`,
    ownKey: ownKey.active
      ? `Your own key is in use: ${usd.format(ownKey.usage_usd)} of requests this month, which consume no credits.`
      : ownKey.usage_usd > 0
        ? `${usd.format(ownKey.usage_usd)} of requests on your own key this month (no credits used). It is not in use now.`
        : 'You are not using your own provider key. Requests on your own key consume no credits.',
    charge: lines,
  };
}
