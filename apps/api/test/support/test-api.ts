import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { NestFactory } from '@nestjs/core';
import type { SpanExporter } from '@opentelemetry/sdk-trace-base';
import { ApiConfig, loadApiConfig, loadWorkerConfig } from '@tiergate/config';
import { deleteKeysWithPrefix } from '@tiergate/redis';
import { createTestDatabase, TEST_REDIS_URL, TestDatabase } from '@tiergate/testing';
import { createApiApp } from '../../src/bootstrap';
import { startSimulator } from '../../../upstream-sim/src/simulator';
import { WorkerModule } from '../../../worker/src/worker.module';

export const TEST_JWT_SECRET = 'test-jwt-secret-that-is-long-enough-0123456789';
export const TEST_UPSTREAM_KEY = 'test-together-key-0001';
export const ADMIN = { email: 'admin@tiergate.test', password: 'admin-password-123' };

export interface HttpResult<T = any> {
  status: number;
  headers: Headers;
  body: T;
  text: string;
}

export type Simulator = Awaited<ReturnType<typeof startSimulator>>;
type SimStatsBody = {
  requests: number;
  byPath: Record<string, number>;
  streamsAbandoned: number;
  keysSeen: Record<string, number>;
  byModel: Record<string, number>;
};

/** The whole api over HTTP on a free port, on its own database, with a simulator as upstream. */
export class TestApi {
  private constructor(
    readonly app: NestFastifyApplication,
    readonly url: string,
    readonly db: TestDatabase,
    readonly sim: Simulator,
    readonly config: ApiConfig,
    private readonly dataDir: string,
    private readonly ownsInfrastructure: boolean,
    /** The Redis (or Redis Cluster) this api, its cleanup and its worker use. */
    readonly redisUrl: string = TEST_REDIS_URL,
  ) {}

  /**
   * Starts an api on a fresh database and simulator. `shareWith` starts a second instance on the
   * same database, Redis namespace and simulator (several instances behind one load balancer).
   */
  static async start(
    env: Record<string, string> = {},
    options: {
      shareWith?: TestApi;
      logs?: NodeJS.WritableStream;
      /** The DATABASE_URL the api is given, from the test database's (e.g. through a TcpProxy). */
      databaseUrl?: (url: string) => string;
      /** Another Redis for the api and its worker, e.g. a TestRedisCluster's `url`. */
      redisUrl?: string;
      /** Where spans go when tracing is on (OTEL_TRACES_EXPORTER=otlp): an InMemorySpanExporter. */
      spanExporter?: SpanExporter;
    } = {},
  ): Promise<TestApi> {
    const shared = options.shareWith;
    const [db, sim] = shared
      ? [shared.db, shared.sim]
      : await Promise.all([createTestDatabase(), startSimulator(0)]);
    const dataDir = mkdtempSync(join(tmpdir(), 'tiergate-test-'));
    const redisUrl = options.redisUrl ?? shared?.redisUrl ?? TEST_REDIS_URL;
    const config = loadApiConfig({
      DATABASE_URL: options.databaseUrl ? options.databaseUrl(db.url) : db.url,
      REDIS_URL: redisUrl,
      JWT_SECRET: TEST_JWT_SECRET,
      ENCRYPTION_KEY: '0'.repeat(64),
      TOGETHER_API_KEY: TEST_UPSTREAM_KEY,
      TOGETHER_BASE_URL: sim.baseUrl,
      ADMIN_EMAIL: ADMIN.email,
      ADMIN_PASSWORD: ADMIN.password,
      DATA_DIR: dataDir,
      LOG_LEVEL: 'silent',
      UPSTREAM_RETRY_BASE_DELAY_MS: '5',
      UPSTREAM_RETRY_MAX_DELAY_MS: '20',
      // Many tests inject failures into the same model; breakers are tested on their own.
      CIRCUIT_BREAKER_FAILURE_THRESHOLD: '1000',
      REDIS_KEY_PREFIX: shared?.config.redisKeyPrefix ?? `tiergate-test:${randomUUID().slice(0, 8)}:`,
      ...env,
    });
    const app = await createApiApp(config, {
      logDestination: options.logs,
      spanExporter: options.spanExporter,
    });
    await app.listen(0, '127.0.0.1');
    return new TestApi(app, await app.getUrl(), db, sim, config, dataDir, !shared, redisUrl);
  }

  async close(): Promise<void> {
    await this.app.close();
    if (this.ownsInfrastructure)
      await Promise.all([
        this.sim.close(),
        this.db.drop(),
        deleteKeysWithPrefix(this.redisUrl, this.config.redisKeyPrefix),
      ]);
    rmSync(this.dataDir, { recursive: true, force: true });
  }

  async request<T = any>(
    method: string,
    path: string,
    options: { body?: unknown; token?: string; headers?: Record<string, string>; raw?: string } = {},
  ): Promise<HttpResult<T>> {
    const headers: Record<string, string> = { ...options.headers };
    if (options.token) headers.authorization = `Bearer ${options.token}`;
    let payload: string | undefined = options.raw;
    if (options.body !== undefined) {
      headers['content-type'] ??= 'application/json';
      payload = JSON.stringify(options.body);
    }
    const response = await fetch(this.url + path, { method, headers, body: payload });
    const text = await response.text();
    let body: any = text;
    try {
      body = text ? JSON.parse(text) : undefined;
    } catch {
      /* SSE and other non-JSON bodies stay text */
    }
    return { status: response.status, headers: response.headers, body, text };
  }

  post<T = any>(path: string, body: unknown, token?: string) {
    return this.request<T>('POST', path, { body, token });
  }

  get<T = any>(path: string, token?: string) {
    return this.request<T>('GET', path, { token });
  }

  /** Registers and logs in a new user; returns its access token and id. */
  async user(email = `user-${Math.random().toString(36).slice(2)}@example.com`, password = 'password-123') {
    const registered = await this.post('/api/v1/auth/register', { email, password });
    if (registered.status !== 201) throw new Error(`register failed: ${registered.text}`);
    const login = await this.post('/api/v1/auth/login', { email, password });
    return { id: registered.body.id as string, email, password, token: login.body.access_token as string };
  }

  /**
   * Starts a usage worker (apps/worker) in this process, on this api's database and Redis
   * namespace (`via`: other URLs to reach them by, e.g. through a TcpProxy).
   */
  async startWorker(
    via: { databaseUrl?: string; redisUrl?: string } = {},
  ): Promise<{ close: () => Promise<void> }> {
    const config = loadWorkerConfig({
      DATABASE_URL: via.databaseUrl ?? this.db.url,
      REDIS_URL: via.redisUrl ?? this.redisUrl,
      REDIS_KEY_PREFIX: this.config.redisKeyPrefix,
      LOG_LEVEL: 'silent',
    });
    const worker = await NestFactory.createApplicationContext(WorkerModule.register(config), {
      logger: false,
    });
    await worker.init();
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

  /** Signs in as the bootstrap admin. */
  async adminToken(): Promise<string> {
    const login = await this.post('/api/v1/auth/login', ADMIN);
    if (login.status !== 200) throw new Error(`admin login failed: ${login.text}`);
    return login.body.access_token as string;
  }

  async patch<T = any>(path: string, body: unknown, token?: string) {
    return this.request<T>('PATCH', path, { body, token });
  }

  async put<T = any>(path: string, body: unknown, token?: string) {
    return this.request<T>('PUT', path, { body, token });
  }

  async delete<T = any>(path: string, token?: string) {
    return this.request<T>('DELETE', path, { token });
  }

  /** Makes the simulator refuse a key from now on, as a provider does with a revoked key. */
  async revokeUpstreamKey(key: string): Promise<void> {
    await this.simControl('POST', '/_sim/keys/revoke', { key });
  }

  /** Arms a simulator fault for calls that come through the gateway. */
  async fault(fault: Record<string, unknown>): Promise<void> {
    const response = await this.simControl('POST', '/_sim/faults', fault);
    if (response.status !== 201) throw new Error(`could not arm fault: ${await response.text()}`);
  }

  async clearFaults(): Promise<void> {
    await this.simControl('DELETE', '/_sim/faults');
  }

  /** Clears faults and the simulator's counters. */
  async resetSim(): Promise<void> {
    await this.simControl('POST', '/_sim/reset');
  }

  async simStats(): Promise<SimStatsBody> {
    return (await (await this.simControl('GET', '/_sim/stats')).json()) as SimStatsBody;
  }

  private simControl(method: string, path: string, body?: unknown): Promise<Response> {
    return fetch(this.sim.baseUrl.replace(/\/v1$/, '') + path, {
      method,
      headers: body === undefined ? {} : { 'content-type': 'application/json' },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
  }
}

/** The `data:` payloads of an SSE body. */
export function sseEvents(text: string): string[] {
  return text
    .split('\n\n')
    .map((block) => block.trim())
    .filter((block) => block.startsWith('data: '))
    .map((block) => block.slice('data: '.length));
}
