import { MigrationInterface, QueryRunner } from 'typeorm';

export class CreateUsersAndApiKeys1763700000000 implements MigrationInterface {
  name = 'CreateUsersAndApiKeys1763700000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE TABLE users (
        id            uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        email         varchar(254) NOT NULL,
        password_hash text NOT NULL,
        role          varchar(16) NOT NULL DEFAULT 'user' CHECK (role IN ('user', 'admin')),
        tier          varchar(16) NOT NULL DEFAULT 'free' CHECK (tier IN ('free', 'premium', 'enterprise')),
        active        boolean NOT NULL DEFAULT true,
        created_at    timestamptz NOT NULL DEFAULT now(),
        updated_at    timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT users_email_unique UNIQUE (email),
        CONSTRAINT users_email_lowercase CHECK (email = lower(email))
      )`);
    await db.query(`
      CREATE TABLE api_keys (
        id           uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        user_id      uuid NOT NULL REFERENCES users (id) ON DELETE CASCADE,
        name         varchar(100) NOT NULL,
        prefix       varchar(32) NOT NULL,
        key_hash     char(64) NOT NULL,
        last_used_at timestamptz,
        revoked_at   timestamptz,
        created_at   timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT api_keys_key_hash_unique UNIQUE (key_hash)
      )`);
    await db.query(`CREATE INDEX api_keys_user_id_idx ON api_keys (user_id, created_at DESC)`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP TABLE api_keys`);
    await db.query(`DROP TABLE users`);
  }
}
