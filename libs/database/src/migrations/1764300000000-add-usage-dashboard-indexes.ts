import { MigrationInterface, QueryRunner } from 'typeorm';

const MEASURES = `requests, errors, fallbacks, cached, prompt_tokens, completion_tokens, total_tokens, images,
  audio_seconds, characters, cost_usd, latency_ms_sum`
  .split(',')
  .map((column) => column.trim());
const BUCKETS = 10; // usage_daily.latency_buckets: 9 upper bounds and "more"
const KEY = 'day, tier, feature, model, key_source, status_class';

/** `sum(<s> * m)` for every measure and bucket, in the column order of the rollup tables. */
const sums = (sign: string) =>
  [
    ...MEASURES.map((m) => `sum(${sign}${m})`),
    `ARRAY[${Array.from({ length: BUCKETS }, (_, i) => `sum(${sign}latency_buckets[${i + 1}])`).join(', ')}]`,
  ].join(', ');

/**
 * What the admin dashboard reads, fast on a big ledger:
 *
 * - `usage_daily_totals`: the daily rollups without the user dimension (day × tier × feature ×
 *   model × key source × status class), a few thousand rows where `usage_daily` holds about one
 *   row per user and day. Reports and charts that are not about one user read it. Statement
 *   triggers with transition tables keep it equal to `usage_daily` whatever writes there (the
 *   worker, an older worker still running during a deploy, a backfill), in the same transaction;
 *   rows are locked in key order, so concurrent batches queue instead of deadlocking.
 * - the Request Log's keyset order `(occurred_at DESC, request_id DESC)`, the same order per model
 *   (its rollup key, `coalesce(served_model, requested_model)`), and a partial index of the errors.
 *   Created on the partitioned parent, so every partition, present and future, has them.
 *
 * Creating these indexes blocks writes to usage_events while they build (a partitioned table has
 * no CONCURRENTLY); the usage worker's jobs wait in Redis meanwhile and nothing is lost.
 */
export class AddUsageDashboardIndexes1764300000000 implements MigrationInterface {
  name = 'AddUsageDashboardIndexes1764300000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE TABLE usage_daily_totals (
        day               date NOT NULL,
        tier              varchar(16) NOT NULL,
        feature           varchar(32) NOT NULL,
        model             varchar(200) NOT NULL,
        key_source        varchar(8) NOT NULL,
        status_class      varchar(8) NOT NULL,
        requests          bigint NOT NULL,
        errors            bigint NOT NULL,
        fallbacks         bigint NOT NULL,
        cached            bigint NOT NULL,
        prompt_tokens     bigint NOT NULL,
        completion_tokens bigint NOT NULL,
        total_tokens      bigint NOT NULL,
        images            bigint NOT NULL,
        audio_seconds     numeric(16, 3) NOT NULL,
        characters        bigint NOT NULL,
        cost_usd          numeric(18, 8) NOT NULL,
        latency_ms_sum    bigint NOT NULL,
        latency_buckets   bigint[] NOT NULL,
        PRIMARY KEY (${KEY})
      )`);
    // One function for the three triggers: the delta is the new rows minus the old ones.
    await db.query(`
      CREATE FUNCTION usage_daily_totals_apply() RETURNS trigger LANGUAGE plpgsql AS $fn$
      DECLARE
        delta text := CASE TG_OP
          WHEN 'INSERT' THEN 'SELECT 1 AS s, * FROM new_rows'
          WHEN 'DELETE' THEN 'SELECT -1 AS s, * FROM old_rows'
          ELSE 'SELECT 1 AS s, * FROM new_rows UNION ALL SELECT -1 AS s, * FROM old_rows' END;
      BEGIN
        EXECUTE format($q$
          INSERT INTO usage_daily_totals AS t (${KEY}, ${MEASURES.join(', ')}, latency_buckets)
          SELECT ${KEY}, ${sums('s * ')} FROM (%s) AS delta
          GROUP BY ${KEY} ORDER BY ${KEY}
          ON CONFLICT (${KEY}) DO UPDATE SET
            ${MEASURES.map((m) => `${m} = t.${m} + excluded.${m}`).join(', ')},
            latency_buckets = ARRAY(SELECT a + b FROM unnest(t.latency_buckets, excluded.latency_buckets) AS u(a, b))
        $q$, delta);
        RETURN NULL;
      END $fn$`);
    // The triggers lock usage_daily against writers until this migration commits, so the backfill
    // below and the triggers together count every row exactly once.
    await db.query(`
      CREATE TRIGGER usage_daily_totals_insert AFTER INSERT ON usage_daily
        REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION usage_daily_totals_apply()`);
    await db.query(`
      CREATE TRIGGER usage_daily_totals_update AFTER UPDATE ON usage_daily
        REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
        FOR EACH STATEMENT EXECUTE FUNCTION usage_daily_totals_apply()`);
    await db.query(`
      CREATE TRIGGER usage_daily_totals_delete AFTER DELETE ON usage_daily
        REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION usage_daily_totals_apply()`);
    await db.query(`
      INSERT INTO usage_daily_totals (${KEY}, ${MEASURES.join(', ')}, latency_buckets)
      SELECT ${KEY}, ${sums('')} FROM usage_daily GROUP BY ${KEY}`);

    await db.query(
      `CREATE INDEX usage_events_keyset_idx ON usage_events (occurred_at DESC, request_id DESC)`,
    );
    await db.query(`
      CREATE INDEX usage_events_model_keyset_idx
        ON usage_events ((coalesce(served_model, requested_model)), occurred_at DESC, request_id DESC)`);
    await db.query(`
      CREATE INDEX usage_events_errors_keyset_idx ON usage_events (occurred_at DESC, request_id DESC)
        WHERE status >= 400`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP INDEX usage_events_errors_keyset_idx`);
    await db.query(`DROP INDEX usage_events_model_keyset_idx`);
    await db.query(`DROP INDEX usage_events_keyset_idx`);
    await db.query(`DROP TABLE usage_daily_totals`);
    await db.query(`DROP FUNCTION usage_daily_totals_apply() CASCADE`);
  }
}
