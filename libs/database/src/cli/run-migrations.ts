/**
 * `npm run migration:run`: applies pending migrations to DATABASE_URL, or to the embedded
 * database under DATA_DIR when DATABASE_URL is unset. Exits non-zero on failure.
 */
import { resolve } from 'node:path';
import { processEnv } from '@tiergate/config';
import { runMigrations } from '../run-migrations';

async function main(): Promise<void> {
  const env = processEnv();
  const target = env.DATABASE_URL
    ? { url: env.DATABASE_URL }
    : { embeddedDir: resolve(env.DATA_DIR || './.data') };
  const where = 'url' in target ? 'DATABASE_URL' : `the embedded database in ${target.embeddedDir}`;
  const applied = await runMigrations(target);
  console.log(
    applied.length
      ? `Applied ${applied.length} migration(s) to ${where}: ${applied.join(', ')}`
      : `No pending migrations for ${where}.`,
  );
}

main().catch((error: unknown) => {
  console.error(`Migration failed: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
