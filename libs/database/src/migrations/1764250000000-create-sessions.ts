import { MigrationInterface, QueryRunner } from 'typeorm';

/** Dashboard sessions: only the SHA-256 of the cookie's secret is stored. */
export class CreateSessions1764250000000 implements MigrationInterface {
  name = 'CreateSessions1764250000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE TABLE sessions (
        id           uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        user_id      uuid NOT NULL REFERENCES users (id) ON DELETE CASCADE,
        token_hash   char(64) NOT NULL,
        user_agent   varchar(256),
        created_at   timestamptz NOT NULL DEFAULT now(),
        expires_at   timestamptz NOT NULL,
        revoked_at   timestamptz,
        CONSTRAINT sessions_token_hash_unique UNIQUE (token_hash)
      )`);
    await db.query(`CREATE INDEX sessions_user_idx ON sessions (user_id) WHERE revoked_at IS NULL`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP TABLE sessions`);
  }
}
