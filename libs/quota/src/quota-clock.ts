import { Injectable } from '@nestjs/common';
import { AdjustableClock } from '@tiergate/common';

/** The time quotas are counted in. Tests move it forward instead of waiting for midnight. */
@Injectable()
export class QuotaClock extends AdjustableClock {}

/** The day's counters (and their seed mark) are kept this long after midnight UTC. */
export const DAY_TTL_MARGIN_SECONDS = 3600;

/** The UTC day last asked about: every request asks, and the answer changes once a day. */
let lastDay: { day: string; from: number; until: number } | undefined;

/** The UTC day (YYYYMMDD), and the seconds until it ends. */
export function utcDay(now: number): { day: string; secondsLeft: number; resetsAt: Date } {
  if (!lastDay || now < lastDay.from || now >= lastDay.until) {
    const date = new Date(now);
    const from = Date.UTC(date.getUTCFullYear(), date.getUTCMonth(), date.getUTCDate());
    lastDay = {
      day: date.toISOString().slice(0, 10).replace(/-/g, ''),
      from,
      until: from + 86_400_000,
    };
  }
  const { day, until } = lastDay;
  return { day, secondsLeft: Math.max(1, Math.ceil((until - now) / 1000)), resetsAt: new Date(until) };
}
