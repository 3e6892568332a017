import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Dedicated endpoints and uploaded models (libs/dedicated): the endpoints the platform runs at
 * Together (soft-deleted, so their running time stays billable), the intervals each one ran
 * (`dedicated_endpoint_runs`, at most one open per endpoint: the follower opens and closes them
 * idempotently; cost = minutes × hourly price / 60), and model upload jobs.
 */
export class CreateDedicatedEndpoints1765000000000 implements MigrationInterface {
  name = 'CreateDedicatedEndpoints1765000000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE TABLE dedicated_endpoints (
        id                     uuid PRIMARY KEY,
        upstream_id            varchar(128) NOT NULL UNIQUE,
        provider               varchar(64) NOT NULL,
        name                   varchar(255) NOT NULL,
        display_name           varchar(255),
        model                  varchar(255) NOT NULL,
        hardware               varchar(128) NOT NULL,
        state                  varchar(16) NOT NULL,
        min_replicas           integer NOT NULL,
        max_replicas           integer NOT NULL,
        auto_shutdown_minutes  integer,
        price_per_hour_usd     numeric(12, 4) NOT NULL,
        error                  text,
        created_by             uuid,
        created_at             timestamptz NOT NULL DEFAULT now(),
        updated_at             timestamptz NOT NULL DEFAULT now(),
        deleted_at             timestamptz,
        next_poll_at           timestamptz NOT NULL DEFAULT now(),
        polls                  integer NOT NULL DEFAULT 0,
        CONSTRAINT dedicated_endpoints_state CHECK (state IN ('PENDING', 'STARTING', 'STARTED', 'STOPPING',
          'STOPPED', 'ERROR')),
        CONSTRAINT dedicated_endpoints_replicas CHECK (min_replicas >= 1 AND max_replicas >= min_replicas)
      )`);
    await db.query(
      `CREATE UNIQUE INDEX dedicated_endpoints_name ON dedicated_endpoints (name) WHERE deleted_at IS NULL`,
    );
    await db.query(
      `CREATE INDEX dedicated_endpoints_due ON dedicated_endpoints (next_poll_at) WHERE deleted_at IS NULL`,
    );
    await db.query(`
      CREATE TABLE dedicated_endpoint_runs (
        id                  bigserial PRIMARY KEY,
        endpoint_id         uuid NOT NULL REFERENCES dedicated_endpoints (id) ON DELETE CASCADE,
        started_at          timestamptz NOT NULL,
        stopped_at          timestamptz,
        price_per_hour_usd  numeric(12, 4) NOT NULL,
        CONSTRAINT dedicated_endpoint_runs_order CHECK (stopped_at IS NULL OR stopped_at >= started_at)
      )`);
    await db.query(
      `CREATE UNIQUE INDEX dedicated_endpoint_runs_open ON dedicated_endpoint_runs (endpoint_id) WHERE stopped_at IS NULL`,
    );
    await db.query(
      `CREATE INDEX dedicated_endpoint_runs_time ON dedicated_endpoint_runs (endpoint_id, started_at)`,
    );
    await db.query(`
      CREATE TABLE model_uploads (
        id                 uuid PRIMARY KEY,
        job_id             varchar(128) NOT NULL UNIQUE,
        provider           varchar(64) NOT NULL,
        model_name         varchar(255) NOT NULL,
        upstream_model_id  varchar(128),
        model_type         varchar(16) NOT NULL,
        base_model         varchar(255),
        lora_model         varchar(255),
        model_source       text NOT NULL,
        description        text,
        status             varchar(16) NOT NULL,
        error              text,
        created_by         uuid,
        created_at         timestamptz NOT NULL DEFAULT now(),
        updated_at         timestamptz NOT NULL DEFAULT now(),
        next_poll_at       timestamptz NOT NULL DEFAULT now(),
        polls              integer NOT NULL DEFAULT 0,
        CONSTRAINT model_uploads_type CHECK (model_type IN ('model', 'adapter')),
        CONSTRAINT model_uploads_status CHECK (status IN ('Queued', 'Running', 'Complete', 'Failed'))
      )`);
    await db.query(
      `CREATE INDEX model_uploads_due ON model_uploads (next_poll_at) WHERE status IN ('Queued', 'Running')`,
    );
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP TABLE model_uploads`);
    await db.query(`DROP TABLE dedicated_endpoint_runs`);
    await db.query(`DROP TABLE dedicated_endpoints`);
  }
}
