import { Client } from 'pg';
import { TEST_DATABASE_URL } from '../test-env';

/** Drops any per-file database a crashed test left behind. */
export default async function globalTeardown(): Promise<void> {
  const client = new Client({ connectionString: TEST_DATABASE_URL });
  await client.connect();
  try {
    const { rows } = await client.query<{ datname: string }>(
      `SELECT datname FROM pg_database WHERE datname ~ '^t_[0-9a-f]{12}$'`,
    );
    for (const { datname } of rows) await client.query(`DROP DATABASE IF EXISTS "${datname}" WITH (FORCE)`);
  } finally {
    await client.end();
  }
}
