/**
 * Shaping the api's daily usage series (`GET /api/v1/admin/usage/series`) for charts and their
 * table views: pure functions, unit-tested apart from drawing.
 */

/** One point of the api's series: a day and a key (model, tier, feature, `all` or `other`). */
export interface UsageSeriesPoint {
  day: string;
  key: string;
  requests: number;
  errors: number;
  fallbacks: number;
  cache_hits: number;
  prompt_tokens: number;
  completion_tokens: number;
  cost_usd: number;
}

export type SeriesMetric =
  | 'requests'
  | 'errors'
  | 'fallbacks'
  | 'cache_hits'
  | 'prompt_tokens'
  | 'completion_tokens'
  | 'tokens'
  | 'cost_usd';

export type SeriesSplit = 'model' | 'tier' | 'feature' | 'none';

/** The key of the one series when the chart is not split, and of the keys folded past the top ones. */
export const ALL_KEY = 'all';
export const OTHER_KEY = 'other';

export interface ChartSeries {
  /** The column in each row: `s0`, `s1`… (model ids hold dots and slashes, which charts read as paths). */
  name: string;
  /** The key as the api names it. */
  key: string;
  /** What people read: the key, or "All requests" / "Other". */
  label: string;
  /** The metric summed over the range. */
  total: number;
}

export type SeriesRow = { day: string; total: number } & Record<string, number | string>;

export interface PreparedSeries {
  /** One row per day of the range, oldest first, a column per series (0 when nothing happened). */
  rows: SeriesRow[];
  series: ChartSeries[];
  /** The metric summed over every day and series. */
  total: number;
}

const DAY_MS = 86_400_000;

/** Sums of money are kept to 8 decimals, so 0.1 + 0.2 shows as 0.3. */
const round8 = (value: number): number => Math.round(value * 1e8) / 1e8;

/** A point's value for a metric (`tokens`: prompt and completion). */
export function metricValue(point: UsageSeriesPoint, metric: SeriesMetric): number {
  if (metric === 'tokens') return point.prompt_tokens + point.completion_tokens;
  return Number(point[metric]) || 0;
}

/** Every UTC day from `from` to `to` (YYYY-MM-DD, inclusive); none when `to` is before `from`. */
export function daysBetween(from: string, to: string): string[] {
  const start = Date.parse(`${from}T00:00:00Z`);
  const end = Date.parse(`${to}T00:00:00Z`);
  if (Number.isNaN(start) || Number.isNaN(end) || end < start) return [];
  const count = Math.round((end - start) / DAY_MS) + 1;
  return Array.from({ length: count }, (_, i) => new Date(start + i * DAY_MS).toISOString().slice(0, 10));
}

export function seriesLabel(key: string, split: SeriesSplit): string {
  if (key === ALL_KEY && split === 'none') return 'All requests';
  if (key === OTHER_KEY) return 'Other';
  return key;
}

/**
 * Rows per day with a column per key for one metric, days with no point filled with zeros. Keys
 * keep the api's order (most requests first, `other` last); a key the points hold but `keys` does
 * not name is added after them, so nothing is dropped. With `range`, every day of it has a row.
 */
export function prepareSeries(
  points: readonly UsageSeriesPoint[],
  keys: readonly string[],
  metric: SeriesMetric,
  options: { split?: SeriesSplit; range?: { from: string; to: string } } = {},
): PreparedSeries {
  const split = options.split ?? 'model';
  const allKeys = [...keys];
  for (const point of points) if (!allKeys.includes(point.key)) allKeys.push(point.key);
  const nameOf = new Map(allKeys.map((key, i) => [key, `s${i}`]));

  const days = new Set(options.range ? daysBetween(options.range.from, options.range.to) : []);
  for (const point of points) days.add(point.day);
  const rows = new Map<string, SeriesRow>(
    [...days]
      .sort()
      .map((day) => [
        day,
        { day, total: 0, ...Object.fromEntries(allKeys.map((key) => [nameOf.get(key)!, 0])) },
      ]),
  );

  const totals = new Map<string, number>();
  for (const point of points) {
    const row = rows.get(point.day)!;
    const name = nameOf.get(point.key)!;
    const value = metricValue(point, metric);
    row[name] = round8((row[name] as number) + value);
    row.total = round8(row.total + value);
    totals.set(point.key, round8((totals.get(point.key) ?? 0) + value));
  }

  const series = allKeys.map((key) => ({
    name: nameOf.get(key)!,
    key,
    label: seriesLabel(key, split),
    total: totals.get(key) ?? 0,
  }));
  return { rows: [...rows.values()], series, total: round8(series.reduce((sum, s) => sum + s.total, 0)) };
}

/**
 * A sentence or two saying what a chart shows, for screen readers and anyone who prefers words:
 * the total, the busiest day, and each series' share.
 */
export function summarizeSeries(
  prepared: PreparedSeries,
  metricName: string,
  format: (value: number) => string,
): string {
  const { rows, series, total } = prepared;
  if (!rows.length) return `No days in the range.`;
  const span = rows.length === 1 ? rows[0].day : `${rows[0].day} to ${rows[rows.length - 1].day}`;
  if (total === 0) return `No ${metricName} from ${span}.`;
  const busiest = rows.reduce((best, row) => (row.total > best.total ? row : best), rows[0]);
  const parts = [
    `${format(total)} ${metricName} from ${span} (${rows.length} day${rows.length === 1 ? '' : 's'}); the busiest day was ${busiest.day} with ${format(busiest.total)}.`,
  ];
  const shown = series.filter((s) => s.total > 0);
  if (series.length > 1 && shown.length)
    parts.push(
      `By series: ${shown
        .map((s) => `${s.label} ${format(s.total)} (${Math.round((s.total / total) * 100)}%)`)
        .join(', ')}.`,
    );
  return parts.join(' ');
}
