import { MigrationInterface, QueryRunner } from 'typeorm';

/** Provider keys (system and users' own, encrypted), feature flags with their defaults, the audit log. */
export class CreateKeysFlagsAndAudit1763800000000 implements MigrationInterface {
  name = 'CreateKeysFlagsAndAudit1763800000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE TABLE provider_keys (
        id             uuid PRIMARY KEY,
        provider       varchar(64) NOT NULL,
        user_id        uuid REFERENCES users (id) ON DELETE CASCADE,
        label          varchar(100) NOT NULL,
        origin         varchar(16) NOT NULL CHECK (origin IN ('admin', 'config', 'user')),
        -- AES-256-GCM; all four are cleared once the key is revoked or retired.
        ciphertext     bytea,
        nonce          bytea,
        auth_tag       bytea,
        key_version    varchar(32),
        -- HMAC-SHA256 of the key under a key derived from ENCRYPTION_KEY: spots duplicates, reveals nothing.
        fingerprint    char(64),
        last4          varchar(4) NOT NULL,
        status         varchar(16) NOT NULL
                       CHECK (status IN ('active', 'invalid', 'retiring', 'retired', 'revoked')),
        status_reason  varchar(500),
        fallback_to_system boolean NOT NULL DEFAULT false,
        verified_at    timestamptz,
        last_used_at   timestamptz,
        retire_at      timestamptz,
        replaced_by    uuid REFERENCES provider_keys (id),
        created_by     uuid REFERENCES users (id) ON DELETE SET NULL,
        created_at     timestamptz NOT NULL DEFAULT now(),
        updated_at     timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT provider_keys_secret_kept CHECK (
          status IN ('retired', 'revoked')
          OR (ciphertext IS NOT NULL AND nonce IS NOT NULL AND auth_tag IS NOT NULL AND key_version IS NOT NULL)
        ),
        CONSTRAINT provider_keys_user_origin CHECK ((origin = 'user') = (user_id IS NOT NULL))
      )`);
    // One live copy of a key per owner (the system is the all-zero owner).
    await db.query(`
      CREATE UNIQUE INDEX provider_keys_live_fingerprint ON provider_keys
        (provider, COALESCE(user_id, '00000000-0000-0000-0000-000000000000'::uuid), fingerprint)
        WHERE status IN ('active', 'invalid', 'retiring')`);
    await db.query(
      `CREATE INDEX provider_keys_user_idx ON provider_keys (user_id, provider) WHERE user_id IS NOT NULL`,
    );
    await db.query(
      `CREATE INDEX provider_keys_system_idx ON provider_keys (provider, status) WHERE user_id IS NULL`,
    );

    await db.query(`
      CREATE TABLE feature_flags (
        name        varchar(64) PRIMARY KEY,
        enabled     boolean NOT NULL,
        description varchar(300) NOT NULL,
        updated_by  uuid REFERENCES users (id) ON DELETE SET NULL,
        updated_at  timestamptz NOT NULL DEFAULT now()
      )`);
    await db.query(`
      INSERT INTO feature_flags (name, enabled, description) VALUES
        ('together_ai_integration', true, 'Master switch: off, every Together route answers 503'),
        ('together_ai_free_tier', true, 'Free-tier access: off, free-tier users get 403'),
        ('together_ai_fallback', true, 'Fallbacks to other models, providers or cached answers'),
        ('together_ai_ui_indicators', true, 'Model-source indicator fields on answers'),
        ('allow_user_keys', false, 'Users may add their own Together API key')`);

    await db.query(`
      CREATE TABLE audit_log (
        id          bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
        occurred_at timestamptz NOT NULL DEFAULT now(),
        actor_id    uuid,
        actor_email varchar(254) NOT NULL,
        action      varchar(64) NOT NULL,
        target_type varchar(32) NOT NULL,
        target_id   varchar(128),
        before      jsonb,
        after       jsonb,
        request_id  varchar(128)
      )`);
    await db.query(`CREATE INDEX audit_log_occurred_idx ON audit_log (occurred_at DESC)`);
    await db.query(`CREATE INDEX audit_log_actor_idx ON audit_log (actor_id, occurred_at DESC)`);
    await db.query(
      `CREATE INDEX audit_log_target_idx ON audit_log (target_type, target_id, occurred_at DESC)`,
    );
    await db.query(`CREATE INDEX audit_log_action_idx ON audit_log (action, occurred_at DESC)`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP TABLE audit_log`);
    await db.query(`DROP TABLE feature_flags`);
    await db.query(`DROP TABLE provider_keys`);
  }
}
