import { join } from 'node:path';
import { DataSourceOptions } from 'typeorm';
import { PGliteDriver } from 'typeorm-pglite';
import { MIGRATIONS } from './migrations';

export type DatabaseTarget = { url: string; pool?: PoolSettings } | { embeddedDir: string };

/** node-postgres pool settings (production). */
export interface PoolSettings {
  /** Connections per process. */
  max?: number;
  /**
   * How long a query waits to get a connection (a new one, or a free one from a busy pool) before
   * it fails; then the request is answered 503 `database_unavailable` instead of hanging.
   */
  connectTimeoutMs?: number;
}

export const DEFAULT_POOL_SETTINGS: Required<PoolSettings> = { max: 20, connectTimeoutMs: 3_000 };

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
    const pool = { ...DEFAULT_POOL_SETTINGS, ...target.pool };
    return {
      ...common,
      url: target.url,
      extra: {
        max: pool.max,
        idleTimeoutMillis: 30_000,
        connectionTimeoutMillis: pool.connectTimeoutMs,
        // TCP keep-alive: a connection whose server vanished (a network cut) is noticed and dropped.
        keepAlive: true,
      },
    };
  }
  return {
    ...common,
    driver: new PGliteDriver({ dataDir: join(target.embeddedDir, 'pgdata') }).driver,
    migrationsRun: extra.runMigrations ?? true,
  };
}
