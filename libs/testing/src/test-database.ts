import { randomBytes } from 'node:crypto';
import { Client } from 'pg';
import { databaseUrl, RUN_DATABASE_PREFIX, TEMPLATE_DATABASE, TEST_DATABASE_URL } from './test-env';

export interface TestDatabase {
  name: string;
  url: string;
  /** Runs SQL against this database on a short-lived connection. */
  query<T = Record<string, unknown>>(sql: string, params?: unknown[]): Promise<T[]>;
  drop(): Promise<void>;
}

async function admin<T>(work: (client: Client) => Promise<T>): Promise<T> {
  const client = new Client({ connectionString: TEST_DATABASE_URL });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

/**
 * A fresh database for one test file, cloned from the migrated template (made once per run by
 * the Jest global setup). Drop it in afterAll.
 */
export async function createTestDatabase(): Promise<TestDatabase> {
  const name = `${RUN_DATABASE_PREFIX}${randomBytes(6).toString('hex')}`;
  await admin((c) => c.query(`CREATE DATABASE "${name}" TEMPLATE "${TEMPLATE_DATABASE}"`));
  const url = databaseUrl(name);
  return {
    name,
    url,
    async query<T>(sql: string, params: unknown[] = []) {
      const client = new Client({ connectionString: url });
      await client.connect();
      try {
        return (await client.query(sql, params)).rows as T[];
      } finally {
        await client.end();
      }
    },
    drop: () => admin((c) => c.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`)).then(() => undefined),
  };
}
