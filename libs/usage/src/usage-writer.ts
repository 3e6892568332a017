import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { LATENCY_BUCKETS_MS, type UsageEvent } from './usage-event';

const COLUMNS = `request_id varchar, occurred_at timestamptz, user_id uuid, tier varchar, feature varchar,
  modality varchar, requested_model varchar, served_model varchar, provider varchar, key_source varchar,
  is_fallback boolean, fallback_strategy varchar, cached boolean, prompt_tokens integer,
  completion_tokens integer, total_tokens integer, images integer, audio_seconds numeric,
  characters integer, cost_usd numeric, latency_ms integer, ttft_ms integer, status smallint, error_code varchar,
  attempt_of varchar`;

const NAMES = COLUMNS.split(',').map((column) => column.trim().split(/\s+/)[0]);

/** The event's fields under their column names (`prompt_tokens` is `promptTokens`). */
const FIELDS = NAMES.map(
  (name) => [name, name.replace(/_(\w)/g, (_, letter: string) => letter.toUpperCase())] as const,
);

function ledgerRow(event: UsageEvent): Record<string, unknown> {
  const fields = event as unknown as Record<string, unknown>;
  return Object.fromEntries(FIELDS.map(([column, field]) => [column, fields[field] ?? null]));
}

const buckets = LATENCY_BUCKETS_MS.map((upper, i) =>
  i === 0
    ? `count(*) FILTER (WHERE latency_ms <= ${upper})`
    : `count(*) FILTER (WHERE latency_ms > ${LATENCY_BUCKETS_MS[i - 1]} AND latency_ms <= ${upper})`,
).concat(`count(*) FILTER (WHERE latency_ms > ${LATENCY_BUCKETS_MS.at(-1)})`);

/**
 * Adds the rows of `source` (raw ledger rows) to the daily rollups. Groups are upserted in key
 * order, so concurrent batches touching the same rollup rows wait for each other instead of
 * deadlocking. A trigger carries each change on to `usage_daily_totals` (the rollups without the
 * user, which reports read). Exported for benchmarks that roll up a seeded ledger the same way.
 */
export function rollupStatement(source: string): string {
  return `
  INSERT INTO usage_daily AS d (day, user_id, tier, feature, model, key_source, status_class, requests, errors,
    fallbacks, cached, prompt_tokens, completion_tokens, total_tokens, images, audio_seconds, characters,
    cost_usd, latency_ms_sum, latency_buckets)
  SELECT (occurred_at AT TIME ZONE 'UTC')::date, user_id, tier, feature, coalesce(served_model, requested_model, ''),
    key_source, CASE WHEN status < 400 THEN 'ok' ELSE 'error' END,
    count(*), count(*) FILTER (WHERE status >= 400), count(*) FILTER (WHERE is_fallback), count(*) FILTER (WHERE cached),
    sum(prompt_tokens), sum(completion_tokens), sum(total_tokens), sum(images), sum(audio_seconds), sum(characters),
    sum(cost_usd), sum(latency_ms), ARRAY[${buckets.join(', ')}]
  FROM ${source}
  GROUP BY 1, 2, 3, 4, 5, 6, 7
  ORDER BY 1, 2, 3, 4, 5, 6, 7
  ON CONFLICT (day, user_id, tier, feature, model, key_source, status_class) DO UPDATE SET
    requests = d.requests + excluded.requests, errors = d.errors + excluded.errors,
    fallbacks = d.fallbacks + excluded.fallbacks, cached = d.cached + excluded.cached,
    prompt_tokens = d.prompt_tokens + excluded.prompt_tokens,
    completion_tokens = d.completion_tokens + excluded.completion_tokens,
    total_tokens = d.total_tokens + excluded.total_tokens, images = d.images + excluded.images,
    audio_seconds = d.audio_seconds + excluded.audio_seconds, characters = d.characters + excluded.characters,
    cost_usd = d.cost_usd + excluded.cost_usd, latency_ms_sum = d.latency_ms_sum + excluded.latency_ms_sum,
    latency_buckets = ARRAY(SELECT a + b FROM unnest(d.latency_buckets, excluded.latency_buckets) AS t(a, b))`;
}

/**
 * Writes events in one statement: a multi-row insert (`ON CONFLICT DO NOTHING`, so a retried
 * batch never duplicates) whose newly inserted rows, and only those, are added to the daily
 * rollups in the same statement. A batch is therefore counted exactly once, raw and rolled up.
 * The rows of failed attempts (`attempt_of`) stay out of the rollups, which count requests.
 */
const WRITE = `
WITH input AS (SELECT * FROM jsonb_to_recordset($1::jsonb) AS x(${COLUMNS})),
inserted AS (
  INSERT INTO usage_events (${NAMES.join(', ')})
  SELECT ${NAMES.join(', ')} FROM input
  ON CONFLICT DO NOTHING
  RETURNING *
),
rolled AS (${rollupStatement('(SELECT * FROM inserted WHERE attempt_of IS NULL) AS requests')}
  RETURNING 1
)
SELECT (SELECT count(*) FROM inserted)::int AS inserted`;

@Injectable()
export class UsageWriter {
  private readonly logger = new Logger(UsageWriter.name);

  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** Writes a batch; returns how many events were new (the rest had been written already). */
  async write(events: UsageEvent[]): Promise<number> {
    if (!events.length) return 0;
    const rows = events.map(ledgerRow);
    const [{ inserted }] = await this.dataSource.query<Array<{ inserted: number }>>(WRITE, [
      JSON.stringify(rows),
    ]);
    return inserted;
  }

  /** Creates the monthly partitions for this month and the next two (idempotent). */
  async ensurePartitions(now = new Date()): Promise<void> {
    for (let i = 0; i < 3; i++) {
      const from = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() + i, 1));
      const to = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() + i + 1, 1));
      const name = `usage_events_${from.getUTCFullYear()}_${String(from.getUTCMonth() + 1).padStart(2, '0')}`;
      await this.dataSource
        .query(
          `CREATE TABLE IF NOT EXISTS ${name} PARTITION OF usage_events FOR VALUES FROM ('${from.toISOString()}') TO ('${to.toISOString()}')`,
        )
        .catch((error: Error) => this.logger.warn(`could not create partition ${name}: ${error.message}`));
    }
  }
}
