import { formatUsd } from '@/lib/format';

/** One row of `GET /api/v1/me/usage`: a day × feature × model, from the daily rollups. */
export interface MyUsageRow {
  day: string;
  feature: string;
  model: string;
  requests: number;
  errors: number;
  prompt_tokens: number;
  completion_tokens: number;
  total_tokens: number;
  cost_usd: number;
}

export type UsageMetric = 'requests' | 'tokens' | 'cost';

/** One day of the chart (every day of the range, zeros included). */
export interface DailyUsagePoint {
  /** YYYY-MM-DD (UTC). */
  day: string;
  /** "30 Nov", for the x axis. */
  label: string;
  requests: number;
  errors: number;
  tokens: number;
  cost: number;
}

/** Totals for one feature or one model. */
export interface UsageGroup {
  key: string;
  requests: number;
  errors: number;
  errorRate: number;
  promptTokens: number;
  completionTokens: number;
  tokens: number;
  cost: number;
}

const DAY_MS = 86_400_000;
const integer = new Intl.NumberFormat('en-US');
const dayLabel = new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'short', timeZone: 'UTC' });
const longDay = new Intl.DateTimeFormat('en-GB', { dateStyle: 'medium', timeZone: 'UTC' });

const plural = (count: number, noun: string) => `${integer.format(count)} ${noun}${count === 1 ? '' : 's'}`;
const toDay = (time: number) => new Date(time).toISOString().slice(0, 10);

/** YYYY-MM-DD for today and 29 days earlier (UTC): the API's default range. */
export function lastDays(days: number, now: Date = new Date()): { from: string; to: string } {
  const to = toDay(now.getTime());
  return { from: toDay(Date.parse(to) - (days - 1) * DAY_MS), to };
}

/** Every day from `from` to `to` inclusive (at most 366, so a bad range cannot hang the page). */
export function daysBetween(from: string, to: string): string[] {
  const start = Date.parse(from);
  const end = Date.parse(to);
  if (Number.isNaN(start) || Number.isNaN(end) || end < start) return [];
  const days: string[] = [];
  for (let time = start; time <= end && days.length < 366; time += DAY_MS) days.push(toDay(time));
  return days;
}

/** Usage per day over the whole range, oldest first, days without usage as zeros. */
export function prepareDailyUsage(rows: MyUsageRow[], from: string, to: string): DailyUsagePoint[] {
  const byDay = new Map<string, DailyUsagePoint>();
  for (const day of daysBetween(from, to))
    byDay.set(day, {
      day,
      label: dayLabel.format(new Date(day)),
      requests: 0,
      errors: 0,
      tokens: 0,
      cost: 0,
    });
  for (const row of rows) {
    const point = byDay.get(row.day.slice(0, 10));
    if (!point) continue;
    point.requests += row.requests;
    point.errors += row.errors;
    point.tokens += row.total_tokens;
    point.cost += Number(row.cost_usd);
  }
  return [...byDay.values()];
}

/** Totals per feature or per model, the costliest first (then the busiest). */
export function groupUsage(rows: MyUsageRow[], by: 'feature' | 'model'): UsageGroup[] {
  const groups = new Map<string, UsageGroup>();
  for (const row of rows) {
    const key = row[by];
    const group = groups.get(key) ?? {
      key,
      requests: 0,
      errors: 0,
      errorRate: 0,
      promptTokens: 0,
      completionTokens: 0,
      tokens: 0,
      cost: 0,
    };
    group.requests += row.requests;
    group.errors += row.errors;
    group.promptTokens += row.prompt_tokens;
    group.completionTokens += row.completion_tokens;
    group.tokens += row.total_tokens;
    group.cost += Number(row.cost_usd);
    groups.set(key, group);
  }
  return [...groups.values()]
    .map((group) => ({ ...group, errorRate: group.requests ? group.errors / group.requests : 0 }))
    .sort((a, b) => b.cost - a.cost || b.requests - a.requests || a.key.localeCompare(b.key));
}

export const formatMetric = (metric: UsageMetric, value: number): string =>
  metric === 'cost' ? formatUsd(value) : integer.format(value);

/** A sentence describing the chart, for screen readers and anyone who prefers words to bars. */
export function summarizeDailyUsage(points: DailyUsagePoint[], metric: UsageMetric): string {
  if (!points.length) return 'No days in this range.';
  const first = points[0];
  const last = points[points.length - 1];
  const total = (key: UsageMetric) => points.reduce((sum, point) => sum + point[key], 0);
  const span = `from ${longDay.format(new Date(first.day))} to ${longDay.format(new Date(last.day))}`;
  if (total('requests') === 0) return `No requests ${span}.`;
  const busiest = points.reduce((best, point) => (point[metric] > best[metric] ? point : best), first);
  const name = metric === 'cost' ? 'cost' : metric;
  return (
    `${plural(total('requests'), 'request')}, ${plural(total('tokens'), 'token')} and ` +
    `${formatUsd(total('cost'))} ${span}. ` +
    `Highest ${name}: ${formatMetric(metric, busiest[metric])} on ${longDay.format(new Date(busiest.day))}.`
  );
}
