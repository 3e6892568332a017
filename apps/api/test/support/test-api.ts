import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import type { SpanExporter } from '@opentelemetry/sdk-trace-base';
import { ApiConfig, loadApiConfig } from '@tiergate/config';
import { ApiTestClient, TestInfrastructure, type TestDatabase } from '@tiergate/testing';
import { createApiApp } from '../../src/bootstrap';
import { startSimulator, type SimStats } from '../../../upstream-sim/src/simulator';
import { SimulatorControl } from '../../../upstream-sim/test/support/simulator-control';
import { startTestWorker } from '../../../worker/test/support/test-worker';

export const TEST_JWT_SECRET = 'test-jwt-secret-that-is-long-enough-0123456789';
export const TEST_UPSTREAM_KEY = 'test-together-key-0001';
export const ADMIN = { email: 'admin@tiergate.test', password: 'admin-password-123' };

export type Simulator = Awaited<ReturnType<typeof startSimulator>>;

export interface TestApiOptions {
  /** Another instance of the same api: same database, Redis namespace and simulator. */
  shareWith?: TestApi;
  logs?: NodeJS.WritableStream;
  /** The DATABASE_URL the api is given, from the test database's (e.g. through a TcpProxy). */
  databaseUrl?: (url: string) => string;
  /** Another Redis for the api and its worker, e.g. a TestRedisCluster's `url`. */
  redisUrl?: string;
  /** Where spans go when tracing is on (OTEL_TRACES_EXPORTER=otlp): an InMemorySpanExporter. */
  spanExporter?: SpanExporter;
}

/**
 * The whole api over HTTP on a free port, with a simulator as upstream, on stores of its own
 * (libs/testing's TestInfrastructure: database, Redis namespace, data directory). Its requests,
 * `user()` and `signIn()` come from ApiTestClient.
 */
export class TestApi extends ApiTestClient {
  /** The simulator's control routes: faults, counters, `post('/_sim/…', body)`. */
  readonly simControl: SimulatorControl;

  private constructor(
    readonly app: NestFastifyApplication,
    url: string,
    readonly infrastructure: TestInfrastructure,
    readonly sim: Simulator,
    readonly config: ApiConfig,
    /** The Redis (or Redis Cluster) this api and its worker use. */
    readonly redisUrl: string,
    private readonly ownsSimulator: boolean,
  ) {
    super(url);
    this.simControl = new SimulatorControl(sim.baseUrl);
  }

  /**
   * Starts an api on a fresh database and simulator. `shareWith` starts a second instance on the
   * same database, Redis namespace and simulator (several instances behind one load balancer).
   */
  static async start(env: Record<string, string> = {}, options: TestApiOptions = {}): Promise<TestApi> {
    const shared = options.shareWith;
    const [infrastructure, sim] = shared
      ? [shared.infrastructure.share(), shared.sim]
      : await Promise.all([TestInfrastructure.create({ redisUrl: options.redisUrl }), startSimulator(0)]);
    const redisUrl = options.redisUrl ?? infrastructure.redis.url;
    const config = loadApiConfig({
      DATABASE_URL: options.databaseUrl ? options.databaseUrl(infrastructure.db.url) : infrastructure.db.url,
      REDIS_URL: redisUrl,
      REDIS_KEY_PREFIX: infrastructure.redis.prefix,
      DATA_DIR: infrastructure.dataDir,
      JWT_SECRET: TEST_JWT_SECRET,
      ENCRYPTION_KEY: '0'.repeat(64),
      TOGETHER_API_KEY: TEST_UPSTREAM_KEY,
      TOGETHER_BASE_URL: sim.baseUrl,
      ADMIN_EMAIL: ADMIN.email,
      ADMIN_PASSWORD: ADMIN.password,
      LOG_LEVEL: 'silent',
      UPSTREAM_RETRY_BASE_DELAY_MS: '5',
      UPSTREAM_RETRY_MAX_DELAY_MS: '20',
      // Many tests inject failures into the same model; breakers are tested on their own.
      CIRCUIT_BREAKER_FAILURE_THRESHOLD: '1000',
      ...env,
    });
    const app = await createApiApp(config, {
      logDestination: options.logs,
      spanExporter: options.spanExporter,
    });
    await app.listen(0, '127.0.0.1');
    return new TestApi(app, await app.getUrl(), infrastructure, sim, config, redisUrl, !shared);
  }

  /** This api's database (the same for every instance started with `shareWith`). */
  get db(): TestDatabase {
    return this.infrastructure.db;
  }

  /** Closes the api; the first instance also drops the database, the Redis keys and the simulator. */
  async close(): Promise<void> {
    await this.app.close();
    await Promise.all([this.ownsSimulator && this.sim.close(), this.infrastructure.close()]);
  }

  /** Signs in as the bootstrap admin. */
  adminToken(): Promise<string> {
    return this.signIn(ADMIN.email, ADMIN.password);
  }

  /**
   * Starts a usage worker (apps/worker) in this process, on this api's database and Redis
   * namespace (`via`: other URLs to reach them by, e.g. through a TcpProxy).
   */
  async startWorker(
    via: { databaseUrl?: string; redisUrl?: string } = {},
  ): Promise<{ close: () => Promise<void> }> {
    const worker = await startTestWorker({
      databaseUrl: via.databaseUrl ?? this.db.url,
      redisUrl: via.redisUrl ?? this.redisUrl,
      redisKeyPrefix: this.config.redisKeyPrefix,
    });
    return { close: () => worker.close() };
  }

  /** Usage rows written so far for a user's requests (not counting rows of failed fallback attempts). */
  async usageRows(userId: string): Promise<number> {
    const [row] = await this.db.query<{ n: string }>(
      'SELECT count(*) AS n FROM usage_events WHERE user_id = $1 AND attempt_of IS NULL',
      [userId],
    );
    return Number(row.n);
  }

  /** Makes the simulator refuse a key from now on, as a provider does with a revoked key. */
  revokeUpstreamKey(key: string): Promise<void> {
    return this.simControl.revokeKey(key);
  }

  /** Arms a simulator fault for calls that come through the gateway. */
  fault(fault: Record<string, unknown>): Promise<void> {
    return this.simControl.fault(fault);
  }

  clearFaults(): Promise<void> {
    return this.simControl.clearFaults();
  }

  /** Clears faults and the simulator's counters. */
  resetSim(): Promise<void> {
    return this.simControl.reset();
  }

  simStats(): Promise<SimStats> {
    return this.simControl.stats();
  }
}
