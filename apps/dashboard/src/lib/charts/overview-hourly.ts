/** One UTC hour of gateway activity, as `GET /api/v1/admin/overview` sends it in `last_24h.hourly`. */
export interface HourlyActivity {
  hour: string;
  requests: number;
  errors: number;
  fallbacks: number;
  cache_hits: number;
  tokens: number;
  cost_usd: number;
}

export interface HourlyActivityRow {
  /** "13:00", the UTC hour, for the x axis and the table. */
  label: string;
  hour: string;
  /** Requests that were answered without an error. */
  ok: number;
  errors: number;
  fallbacks: number;
  cache_hits: number;
  requests: number;
}

export interface HourlyActivityChart {
  rows: HourlyActivityRow[];
  /** A sentence for screen readers and anyone who prefers words to bars. */
  summary: string;
  /** The hour with the most requests (null when there were none). */
  busiest: HourlyActivityRow | null;
}

const integer = new Intl.NumberFormat('en-US');
const percent = new Intl.NumberFormat('en-US', { style: 'percent', maximumFractionDigits: 1 });

const hourLabel = (iso: string): string => {
  const date = new Date(iso);
  return Number.isNaN(date.getTime()) ? iso : `${String(date.getUTCHours()).padStart(2, '0')}:00`;
};

/** Requests per UTC hour (answered and errors stacked), with a text summary of the window. */
export function prepareHourlyActivity(hourly: HourlyActivity[]): HourlyActivityChart {
  const rows = [...hourly]
    .sort((a, b) => a.hour.localeCompare(b.hour))
    .map((hour) => ({
      label: hourLabel(hour.hour),
      hour: hour.hour,
      ok: Math.max(0, hour.requests - hour.errors),
      errors: hour.errors,
      fallbacks: hour.fallbacks,
      cache_hits: hour.cache_hits,
      requests: hour.requests,
    }));
  const total = rows.reduce((sum, row) => sum + row.requests, 0);
  const errors = rows.reduce((sum, row) => sum + row.errors, 0);
  const busiest = rows.reduce<HourlyActivityRow | null>(
    (best, row) => (row.requests > 0 && (!best || row.requests > best.requests) ? row : best),
    null,
  );
  const summary =
    total === 0
      ? 'No requests in the last 24 hours.'
      : `${integer.format(total)} request${total === 1 ? '' : 's'} in the last 24 hours, ` +
        `${integer.format(errors)} with an error (${percent.format(errors / total)}). ` +
        `The busiest hour was ${busiest!.label} UTC with ${integer.format(busiest!.requests)}.`;
  return { rows, summary, busiest };
}
