import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Batch jobs (libs/batch): the files users upload and download (metadata in `batch_files`, the
 * bytes apart in `batch_file_contents`, so listings never read them) and the jobs that follow a
 * Together batch to its end. `usage_recorded_at` marks the job whose lines are in the ledger.
 */
export class CreateBatches1764900000000 implements MigrationInterface {
  name = 'CreateBatches1764900000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE TABLE batch_files (
        id          varchar(64) PRIMARY KEY,
        user_id     uuid NOT NULL REFERENCES users (id) ON DELETE CASCADE,
        purpose     varchar(32) NOT NULL,
        filename    varchar(255) NOT NULL,
        bytes       integer NOT NULL,
        line_count  integer NOT NULL,
        batch_id    varchar(64),
        created_at  timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT batch_files_purpose CHECK (purpose IN ('batch', 'batch_output', 'batch_error'))
      )`);
    await db.query(`CREATE INDEX batch_files_user ON batch_files (user_id, created_at DESC, id DESC)`);
    await db.query(`
      CREATE TABLE batch_file_contents (
        file_id  varchar(64) PRIMARY KEY REFERENCES batch_files (id) ON DELETE CASCADE,
        content  bytea NOT NULL
      )`);
    await db.query(`
      CREATE TABLE batch_jobs (
        id                 varchar(64) PRIMARY KEY,
        user_id            uuid NOT NULL REFERENCES users (id) ON DELETE CASCADE,
        tier               varchar(32) NOT NULL,
        input_file_id      varchar(64) NOT NULL REFERENCES batch_files (id),
        endpoint           varchar(64) NOT NULL,
        completion_window  varchar(16) NOT NULL,
        model              varchar(255) NOT NULL,
        provider           varchar(64) NOT NULL,
        upstream_file_id   varchar(128),
        upstream_batch_id  varchar(128),
        upstream_key_id    uuid,
        key_source         varchar(16) NOT NULL,
        status             varchar(16) NOT NULL,
        upstream_status    varchar(16),
        progress           real NOT NULL DEFAULT 0,
        total              integer NOT NULL,
        completed          integer NOT NULL DEFAULT 0,
        failed             integer NOT NULL DEFAULT 0,
        output_file_id     varchar(64) REFERENCES batch_files (id),
        error_file_id      varchar(64) REFERENCES batch_files (id),
        error_code         varchar(64),
        error_message      text,
        metadata           jsonb,
        created_at         timestamptz NOT NULL DEFAULT now(),
        in_progress_at     timestamptz,
        finalizing_at      timestamptz,
        completed_at       timestamptz,
        failed_at          timestamptz,
        expired_at         timestamptz,
        cancelling_at      timestamptz,
        cancelled_at       timestamptz,
        expires_at         timestamptz NOT NULL,
        next_poll_at       timestamptz NOT NULL DEFAULT now(),
        polls              integer NOT NULL DEFAULT 0,
        usage_recorded_at  timestamptz,
        CONSTRAINT batch_jobs_status CHECK (status IN ('validating', 'in_progress', 'finalizing', 'completed',
          'failed', 'expired', 'cancelling', 'cancelled'))
      )`);
    await db.query(`CREATE INDEX batch_jobs_user ON batch_jobs (user_id, created_at DESC, id DESC)`);
    await db.query(`
      CREATE INDEX batch_jobs_active ON batch_jobs (next_poll_at)
      WHERE status IN ('validating', 'in_progress', 'finalizing', 'cancelling')`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP TABLE batch_jobs`);
    await db.query(`DROP TABLE batch_file_contents`);
    await db.query(`DROP TABLE batch_files`);
  }
}
