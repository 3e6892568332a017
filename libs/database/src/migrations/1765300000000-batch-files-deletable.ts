import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Batch files can be deleted once no running batch needs them (`DELETE /v1/files/{id}`): a batch
 * keeps the ids of its input, output and error files as plain references, as OpenAI's do, so
 * reading a deleted one is a 404.
 */
export class BatchFilesDeletable1765300000000 implements MigrationInterface {
  name = 'BatchFilesDeletable1765300000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      ALTER TABLE batch_jobs
        DROP CONSTRAINT batch_jobs_input_file_id_fkey,
        DROP CONSTRAINT batch_jobs_output_file_id_fkey,
        DROP CONSTRAINT batch_jobs_error_file_id_fkey`);
  }

  async down(db: QueryRunner): Promise<void> {
    // NOT VALID: files deleted meanwhile leave references the old constraints would refuse.
    await db.query(`
      ALTER TABLE batch_jobs
        ADD CONSTRAINT batch_jobs_input_file_id_fkey FOREIGN KEY (input_file_id) REFERENCES batch_files (id) NOT VALID,
        ADD CONSTRAINT batch_jobs_output_file_id_fkey FOREIGN KEY (output_file_id) REFERENCES batch_files (id) NOT VALID,
        ADD CONSTRAINT batch_jobs_error_file_id_fkey FOREIGN KEY (error_file_id) REFERENCES batch_files (id) NOT VALID`);
  }
}
