import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * A system key can carry its upstream account's limits (null: unlimited), which Tiergate paces its
 * outbound calls to. Users' own keys never carry limits.
 */
export class AddProviderKeyLimits1765100000000 implements MigrationInterface {
  name = 'AddProviderKeyLimits1765100000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      ALTER TABLE provider_keys
        ADD COLUMN requests_per_second integer CHECK (requests_per_second > 0),
        ADD COLUMN requests_per_minute integer CHECK (requests_per_minute > 0),
        ADD COLUMN tokens_per_minute integer CHECK (tokens_per_minute > 0)`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`
      ALTER TABLE provider_keys
        DROP COLUMN requests_per_second,
        DROP COLUMN requests_per_minute,
        DROP COLUMN tokens_per_minute`);
  }
}
