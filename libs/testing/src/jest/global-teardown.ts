import { Client } from 'pg';
import { RUN_DATABASE_PREFIX, TEMPLATE_DATABASE, TEST_DATABASE_URL } from '../test-env';

/** Drops this run's template and any per-file database of this run that a crashed test left behind. */
export default async function globalTeardown(): Promise<void> {
  const client = new Client({ connectionString: TEST_DATABASE_URL });
  await client.connect();
  try {
    const { rows } = await client.query<{ datname: string }>(
      `SELECT datname FROM pg_database WHERE starts_with(datname, $1)`,
      [RUN_DATABASE_PREFIX],
    );
    for (const { datname } of rows) await client.query(`DROP DATABASE IF EXISTS "${datname}" WITH (FORCE)`);
    await client.query(`DROP DATABASE IF EXISTS "${TEMPLATE_DATABASE}" WITH (FORCE)`);
  } finally {
    await client.end();
  }
}
