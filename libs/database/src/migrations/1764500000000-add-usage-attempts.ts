import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Failed fallback attempts in the ledger: a request that a fallback answered also leaves one row
 * per model that failed before it (request id `<id>~<n>`, zero tokens and cost, the failure's
 * status and code). `attempt_of` names the request such a row belongs to; it is null on the
 * request's own row, and the rollups count only those.
 */
export class AddUsageAttempts1764500000000 implements MigrationInterface {
  name = 'AddUsageAttempts1764500000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`ALTER TABLE usage_events ADD COLUMN attempt_of varchar(128)`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`ALTER TABLE usage_events DROP COLUMN attempt_of`);
  }
}
