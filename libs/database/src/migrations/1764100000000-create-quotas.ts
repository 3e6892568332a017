import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Quota policies per tier (the specification's free-tier quotas exactly; premium and enterprise higher or
 * unlimited), rate limits per tier, per-user overrides, and users' requests for more.
 */
const POLICIES = {
  free: {
    features: {
      text_generation: { requests_per_day: 50, tokens_per_day: 10000, tokens_per_request: 2000 },
      code_generation: { requests_per_day: 30, tokens_per_day: 15000, tokens_per_request: 3000 },
      image_generation: { requests_per_day: 10 },
      vision_analysis: { requests_per_day: 20 },
      audio_tts: { requests_per_day: 10, minutes_per_day: 5 },
      audio_stt: { requests_per_day: 10, minutes_per_day: 10 },
    },
    rate_limits: {
      requests_per_second: null,
      requests_per_minute: 300,
      tokens_per_minute: 100000,
      concurrent_streams: 5,
    },
    on_redis_failure: 'closed',
  },
  premium: {
    features: {
      text_generation: { requests_per_day: 1000, tokens_per_day: 500000, tokens_per_request: 8000 },
      code_generation: { requests_per_day: 1000, tokens_per_day: 500000, tokens_per_request: 8000 },
      image_generation: { requests_per_day: 200 },
      vision_analysis: { requests_per_day: 500 },
      audio_tts: { requests_per_day: 200, minutes_per_day: 120 },
      audio_stt: { requests_per_day: 200, minutes_per_day: 240 },
    },
    rate_limits: {
      requests_per_second: null,
      requests_per_minute: 1200,
      tokens_per_minute: 1000000,
      concurrent_streams: 20,
    },
    on_redis_failure: 'open',
  },
  enterprise: {
    features: {
      text_generation: { tokens_per_request: 32768 },
      code_generation: { tokens_per_request: 32768 },
      image_generation: {},
      vision_analysis: {},
      audio_tts: {},
      audio_stt: {},
    },
    rate_limits: {
      requests_per_second: null,
      requests_per_minute: 10000,
      tokens_per_minute: null,
      concurrent_streams: 200,
    },
    on_redis_failure: 'open',
  },
};

export class CreateQuotas1764100000000 implements MigrationInterface {
  name = 'CreateQuotas1764100000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE TABLE quota_config (
        id         smallint PRIMARY KEY DEFAULT 1 CHECK (id = 1),
        document   jsonb NOT NULL,
        updated_by uuid REFERENCES users (id) ON DELETE SET NULL,
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
    await db.query(`INSERT INTO quota_config (id, document) VALUES (1, $1)`, [JSON.stringify(POLICIES)]);
    await db.query(`
      CREATE TABLE quota_overrides (
        user_id    uuid NOT NULL REFERENCES users (id) ON DELETE CASCADE,
        feature    varchar(32) NOT NULL,
        limits     jsonb NOT NULL,
        updated_by uuid REFERENCES users (id) ON DELETE SET NULL,
        updated_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (user_id, feature)
      )`);
    await db.query(`
      CREATE TABLE quota_requests (
        id              uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        user_id         uuid NOT NULL REFERENCES users (id) ON DELETE CASCADE,
        feature         varchar(32) NOT NULL,
        limit_name      varchar(32) NOT NULL,
        requested_limit integer NOT NULL CHECK (requested_limit > 0),
        reason          varchar(1000) NOT NULL,
        status          varchar(16) NOT NULL DEFAULT 'pending' CHECK (status IN ('pending', 'approved', 'denied')),
        decision_reason varchar(1000),
        decided_by      uuid REFERENCES users (id) ON DELETE SET NULL,
        decided_at      timestamptz,
        created_at      timestamptz NOT NULL DEFAULT now()
      )`);
    await db.query(`CREATE INDEX quota_requests_user_idx ON quota_requests (user_id, created_at DESC)`);
    await db.query(`CREATE INDEX quota_requests_status_idx ON quota_requests (status, created_at DESC)`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP TABLE quota_requests`);
    await db.query(`DROP TABLE quota_overrides`);
    await db.query(`DROP TABLE quota_config`);
  }
}
