import { MigrationInterface, QueryRunner } from 'typeorm';

/** An approval may grant a different limit from the one asked for; it is kept beside the request. */
export class AddQuotaRequestGrantedLimit1764400000000 implements MigrationInterface {
  name = 'AddQuotaRequestGrantedLimit1764400000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`ALTER TABLE quota_requests ADD COLUMN granted_limit integer`);
    await db.query(`UPDATE quota_requests SET granted_limit = requested_limit WHERE status = 'approved'`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`ALTER TABLE quota_requests DROP COLUMN granted_limit`);
  }
}
