import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createRedisNamespace, type TestRedisNamespace } from './redis-namespace';
import { createTestDatabase, type TestDatabase } from './test-database';

/**
 * What an e2e test owns and cleans up for one app it starts: a database cloned from the migrated
 * template, a Redis key namespace and a temporary data directory (DATA_DIR). A second instance of
 * the app (several behind one load balancer, or one restarted over the same stores) gets `share()`:
 * the same database and namespace, a data directory of its own.
 */
export class TestInfrastructure {
  private constructor(
    readonly db: TestDatabase,
    readonly redis: TestRedisNamespace,
    /** Removed on close(). */
    readonly dataDir: string,
    private readonly ownsStores: boolean,
  ) {}

  /** A new database, namespace (on `redisUrl`, the test Redis by default) and data directory. */
  static async create(options: { redisUrl?: string } = {}): Promise<TestInfrastructure> {
    const db = await createTestDatabase();
    return new TestInfrastructure(db, createRedisNamespace(options.redisUrl), temporaryDir(), true);
  }

  /** The same database and namespace with a data directory of its own (the owner cleans them up). */
  share(): TestInfrastructure {
    return new TestInfrastructure(this.db, this.redis, temporaryDir(), false);
  }

  /** Removes the data directory; the owner also drops the database and clears the namespace. */
  async close(): Promise<void> {
    if (this.ownsStores) await Promise.all([this.db.drop(), this.redis.clear()]);
    rmSync(this.dataDir, { recursive: true, force: true });
  }
}

function temporaryDir(): string {
  return mkdtempSync(join(tmpdir(), 'tiergate-test-'));
}
