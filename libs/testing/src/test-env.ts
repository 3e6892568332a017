import { randomBytes } from 'node:crypto';

/** Where the tests find PostgreSQL and Redis (override for other machines or CI). */
export const TEST_DATABASE_URL =
  process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
export const TEST_REDIS_URL = process.env.TEST_REDIS_URL ?? 'redis://127.0.0.1:6379';
/**
 * One id per test run (set by the global setup, inherited by the workers), so several runs on one
 * server (two developers, a run beside a benchmark) never drop each other's databases.
 */
export const TEST_RUN_ID = (process.env.TIERGATE_TEST_RUN ??= randomBytes(3).toString('hex'));
export const TEMPLATE_DATABASE = `tiergate_template_${TEST_RUN_ID}`;
/** Every per-file database of this run starts with this. */
export const RUN_DATABASE_PREFIX = `t_${TEST_RUN_ID}_`;

/** The same server as TEST_DATABASE_URL, another database. */
export function databaseUrl(name: string): string {
  const url = new URL(TEST_DATABASE_URL);
  url.pathname = `/${name}`;
  return url.toString();
}
