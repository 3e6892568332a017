import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { Client } from 'pg';
import { runMigrations } from '../../../database/src/run-migrations';
import { databaseUrl, TEMPLATE_DATABASE, TEST_DATABASE_URL } from '../test-env';

/**
 * Once per test run: builds the migrated template database every test file clones, and compiles
 * dist/ (the embedded-mode test starts the real entry point, as `npm start` does).
 */
export default async function globalSetup(): Promise<void> {
  if (process.env.TIERGATE_TEST_SETUP_DONE) return;
  process.env.TIERGATE_TEST_SETUP_DONE = '1';
  const client = new Client({ connectionString: TEST_DATABASE_URL });
  try {
    await client.connect();
  } catch (error) {
    throw new Error(
      `The tests need PostgreSQL at ${TEST_DATABASE_URL} (set TEST_DATABASE_URL): ${(error as Error).message}`,
    );
  }
  try {
    await client.query(`DROP DATABASE IF EXISTS "${TEMPLATE_DATABASE}" WITH (FORCE)`);
    await client.query(`CREATE DATABASE "${TEMPLATE_DATABASE}"`);
  } finally {
    await client.end();
  }
  await runMigrations({ url: databaseUrl(TEMPLATE_DATABASE) });

  const root = join(__dirname, '..', '..', '..', '..');
  execFileSync(
    process.execPath,
    [
      join(root, 'node_modules', '@swc', 'cli', 'bin', 'swc.js'),
      'apps',
      'libs',
      'scripts',
      '-d',
      'dist',
      '-q',
    ],
    {
      cwd: root,
      stdio: 'inherit',
    },
  );
}
