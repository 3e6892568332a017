import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The usage ledger: one row per gateway request (partitioned by month; the primary key holds the
 * partition key, and an event's time never changes, so a retried write is still a conflict),
 * daily rollups that reports read, and the price table for what the catalog does not price.
 */
export class CreateUsageLedger1764200000000 implements MigrationInterface {
  name = 'CreateUsageLedger1764200000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE TABLE usage_events (
        request_id        varchar(128) NOT NULL,
        occurred_at       timestamptz NOT NULL,
        user_id           uuid NOT NULL,
        tier              varchar(16) NOT NULL,
        feature           varchar(32) NOT NULL,
        modality          varchar(16) NOT NULL,
        requested_model   varchar(200),
        served_model      varchar(200),
        provider          varchar(64),
        key_source        varchar(8) NOT NULL,
        is_fallback       boolean NOT NULL DEFAULT false,
        fallback_strategy varchar(32),
        cached            boolean NOT NULL DEFAULT false,
        prompt_tokens     integer NOT NULL DEFAULT 0,
        completion_tokens integer NOT NULL DEFAULT 0,
        total_tokens      integer NOT NULL DEFAULT 0,
        images            integer NOT NULL DEFAULT 0,
        audio_seconds     numeric(12, 3) NOT NULL DEFAULT 0,
        characters        integer NOT NULL DEFAULT 0,
        cost_usd          numeric(14, 8) NOT NULL DEFAULT 0,
        latency_ms        integer NOT NULL,
        ttft_ms           integer,
        status            smallint NOT NULL,
        error_code        varchar(64),
        PRIMARY KEY (request_id, occurred_at)
      ) PARTITION BY RANGE (occurred_at)`);
    await db.query(`CREATE TABLE usage_events_default PARTITION OF usage_events DEFAULT`);
    // This month and the next two; the worker keeps creating months ahead.
    await db.query(`
      DO $$
      DECLARE m date := date_trunc('month', now() AT TIME ZONE 'UTC')::date;
      BEGIN
        FOR i IN 0..2 LOOP
          EXECUTE format(
            'CREATE TABLE IF NOT EXISTS %I PARTITION OF usage_events FOR VALUES FROM (%L) TO (%L)',
            'usage_events_' || to_char(m + (i || ' month')::interval, 'YYYY_MM'),
            (m + (i || ' month')::interval)::timestamp AT TIME ZONE 'UTC',
            (m + ((i + 1) || ' month')::interval)::timestamp AT TIME ZONE 'UTC');
        END LOOP;
      END $$`);
    await db.query(`CREATE INDEX usage_events_user_idx ON usage_events (user_id, occurred_at DESC)`);
    await db.query(`CREATE INDEX usage_events_time_idx ON usage_events (occurred_at)`);

    await db.query(`
      CREATE TABLE usage_daily (
        day               date NOT NULL,
        user_id           uuid NOT NULL,
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
        -- Request counts by latency bucket (upper bounds in ms: 50, 100, 250, 500, 1000, 2500,
        -- 5000, 10000, 30000, more), so percentiles come from rollups, not the raw table.
        latency_buckets   bigint[] NOT NULL,
        PRIMARY KEY (day, user_id, tier, feature, model, key_source, status_class)
      )`);
    await db.query(`CREATE INDEX usage_daily_user_idx ON usage_daily (user_id, day)`);

    await db.query(`
      CREATE TABLE price_table (
        id         smallint PRIMARY KEY DEFAULT 1 CHECK (id = 1),
        document   jsonb NOT NULL,
        updated_by uuid REFERENCES users (id) ON DELETE SET NULL,
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
    await db.query(`INSERT INTO price_table (id, document) VALUES (1, $1)`, [
      JSON.stringify({
        image_per_megapixel: 0.0027,
        speech_per_million_characters: 15,
        transcription_per_minute: 0.0015,
        models: {},
      }),
    ]);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP TABLE price_table`);
    await db.query(`DROP TABLE usage_daily`);
    await db.query(`DROP TABLE usage_events`);
  }
}
