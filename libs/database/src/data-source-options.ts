import { join } from 'node:path';
import { DataSourceOptions } from 'typeorm';
import { PGliteDriver } from 'typeorm-pglite';
import { MIGRATIONS } from './migrations';

export type DatabaseTarget = { url: string } | { embeddedDir: string };

/**
 * One description of the database for the app, the migrations CLI and the tests: PostgreSQL when a
 * URL is given, else PGlite stored under DATA_DIR/pgdata. `synchronize` is never on; embedded mode
 * applies the migrations at start (production runs them with `npm run migration:run`).
 */
export function dataSourceOptions(
  target: DatabaseTarget,
  extra: { runMigrations?: boolean } = {},
): DataSourceOptions {
  const common = {
    type: 'postgres' as const,
    migrations: MIGRATIONS,
    migrationsRun: extra.runMigrations ?? false,
    migrationsTransactionMode: 'each' as const,
    synchronize: false,
    logging: false,
    // Migrations use the built-in gen_random_uuid(); no extension is installed (PGlite has none).
    installExtensions: false,
    uuidExtension: 'pgcrypto' as const,
  };
  if ('url' in target) {
    return { ...common, url: target.url, extra: { max: 20, idleTimeoutMillis: 30_000 } };
  }
  return {
    ...common,
    driver: new PGliteDriver({ dataDir: join(target.embeddedDir, 'pgdata') }).driver,
    migrationsRun: extra.runMigrations ?? true,
  };
}
