import { Injectable } from '@nestjs/common';
import { AdjustableClock } from '@tiergate/common';

/** The time quotas are counted in. Tests move it forward instead of waiting for midnight. */
@Injectable()
export class QuotaClock extends AdjustableClock {}

/** The day's counters (and their seed mark) are kept this long after midnight UTC. */
export const DAY_TTL_MARGIN_SECONDS = 3600;

/** The UTC day (YYYYMMDD), and the seconds until it ends. */
export function utcDay(now: number): { day: string; secondsLeft: number; resetsAt: Date } {
  const date = new Date(now);
  const day = date.toISOString().slice(0, 10).replace(/-/g, '');
  const resetsAt = new Date(Date.UTC(date.getUTCFullYear(), date.getUTCMonth(), date.getUTCDate() + 1));
  return { day, secondsLeft: Math.max(1, Math.ceil((resetsAt.getTime() - now) / 1000)), resetsAt };
}
