import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Responses API answers kept for their callers (`store`): looked up by id and owner, continued with
 * `previous_response_id`, deleted with their owner or once they expire.
 */
export class CreateStoredResponses1765200000000 implements MigrationInterface {
  name = 'CreateStoredResponses1765200000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE TABLE stored_responses (
        id varchar(64) PRIMARY KEY,
        user_id uuid NOT NULL REFERENCES users(id) ON DELETE CASCADE,
        response jsonb NOT NULL,
        input_items jsonb NOT NULL,
        conversation jsonb NOT NULL,
        created_at timestamptz NOT NULL,
        expires_at timestamptz NOT NULL
      )`);
    await db.query(`CREATE INDEX stored_responses_expires_at ON stored_responses (expires_at)`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP TABLE stored_responses`);
  }
}
