import { MigrationInterface, QueryRunner } from 'typeorm';

/** OpenAI-compatible providers that admins add at run time (used as DIFFERENT_PROVIDER fallbacks). */
export class CreateUpstreamProviders1764000000000 implements MigrationInterface {
  name = 'CreateUpstreamProviders1764000000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE TABLE upstream_providers (
        id           varchar(32) PRIMARY KEY CHECK (id ~ '^[a-z][a-z0-9_-]{1,31}$'),
        display_name varchar(100) NOT NULL,
        base_url     varchar(500) NOT NULL,
        created_by   uuid REFERENCES users (id) ON DELETE SET NULL,
        created_at   timestamptz NOT NULL DEFAULT now()
      )`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP TABLE upstream_providers`);
  }
}
