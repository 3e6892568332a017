/**
 * What the benchmark scripts share: their own database, the simulator, api and worker as child
 * processes (built code from dist/, production mode), and a signed-in user.
 */
import { ChildProcess, spawn, spawnSync } from 'node:child_process';
import { once } from 'node:events';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import autocannon from 'autocannon';
import { Client } from 'pg';
import { runMigrations } from '@tiergate/database';
import { deleteKeysWithPrefix } from '@tiergate/redis';

export const ADMIN_DB = process.env.BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
export const REDIS_URL = process.env.BENCH_REDIS_URL ?? 'redis://127.0.0.1:6379';
export const BENCH_MODEL = 'meta-llama/Meta-Llama-3.1-8B-Instruct-Turbo';
export const BENCH_ADMIN_PASSWORD = 'bench-admin-password';
export const BENCH_UPSTREAM_KEY = 'bench-key-000000';
const DIST = join(__dirname, '..', '..');

/** A free loopback port for a process the script starts (the tests' helper). */
export { freePort } from '@tiergate/testing';

/**
 * Starts a built entry point (e.g. `apps/api/src/main.js`) and resolves once it prints `ready`.
 * `nodeArgs` go to node before the script (`--cpu-prof`, for instance); `dist` is the build to
 * start it from (this one by default; another commit's, to compare the two).
 */
export async function startProcess(
  entry: string,
  env: Record<string, string>,
  ready: string,
  nodeArgs: string[] = [],
  dist = DIST,
): Promise<ChildProcess> {
  const child = spawn(process.execPath, [...nodeArgs, join(dist, entry)], {
    env: { ...process.env, ...env },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  let output = '';
  await new Promise<void>((resolve, reject) => {
    child.stdout.on('data', (chunk: Buffer) => {
      if (output.length < 100_000) output += chunk.toString();
      if (output.includes(ready)) resolve();
    });
    child.once('exit', (code) => reject(new Error(`${entry} exited with ${code}: ${output.slice(-2000)}`)));
  });
  child.stdout.resume();
  return child;
}

export async function stopProcesses(processes: ChildProcess[]): Promise<void> {
  for (const child of [...processes].reverse()) child.kill('SIGTERM');
  await Promise.all(
    processes.map((child) =>
      child.exitCode === null && child.signalCode === null ? once(child, 'exit') : Promise.resolve(),
    ),
  );
}

/** The CPU time (user + system, in seconds) a process has used so far. */
export function cpuSeconds(pid: number): number {
  // /proc/<pid>/stat: fields 14 and 15 (utime, stime) in clock ticks, after the parenthesised name.
  const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ');
  return (Number(fields[11]) + Number(fields[12])) / CLOCK_TICKS_PER_SECOND;
}

const CLOCK_TICKS_PER_SECOND = 100; // USER_HZ on Linux

/**
 * Pins processes (all their threads) to CPUs with `taskset`; false when taskset is missing or
 * refused, so the caller can say the figure was not taken.
 */
export function pinProcesses(pids: number[], cpus: string): boolean {
  return pids.every(
    (pid) => spawnSync('taskset', ['-a', '-p', '-c', cpus, String(pid)], { stdio: 'ignore' }).status === 0,
  );
}

export function rssMiB(pid: number): number {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  return Number(/VmRSS:\s+(\d+)/.exec(status)![1]) / 1024;
}

/** A migrated database and a Redis key prefix of the script's own, dropped by `drop()`. */
export interface BenchStores {
  databaseUrl: string;
  keyPrefix: string;
  drop(): Promise<void>;
}

export async function createBenchStores(name: string): Promise<BenchStores> {
  const database = `tiergate_${name}_${Date.now()}`;
  const admin = new Client({ connectionString: ADMIN_DB });
  await admin.connect();
  await admin.query(`CREATE DATABASE "${database}"`);
  const url = new URL(ADMIN_DB);
  url.pathname = `/${database}`;
  await runMigrations({ url: url.toString() });
  const keyPrefix = `tiergate-${name}-${Date.now()}:`;
  return {
    databaseUrl: url.toString(),
    keyPrefix,
    async drop() {
      await admin.query(`DROP DATABASE IF EXISTS "${database}" WITH (FORCE)`);
      await admin.end();
      await deleteKeysWithPrefix(REDIS_URL, keyPrefix);
    },
  };
}

/** The api's environment in production mode against the simulator. */
export function apiEnv(options: {
  port: number;
  simPort: number;
  databaseUrl: string;
  redisUrl: string;
  keyPrefix: string;
}): Record<string, string> {
  return {
    PORT: String(options.port),
    DATABASE_URL: options.databaseUrl,
    REDIS_URL: options.redisUrl,
    TOGETHER_API_KEY: BENCH_UPSTREAM_KEY,
    TOGETHER_BASE_URL: `http://127.0.0.1:${options.simPort}/v1`,
    JWT_SECRET: 'bench-secret-bench-secret-bench-secret-0000',
    ENCRYPTION_KEY: '1'.repeat(64),
    ADMIN_PASSWORD: BENCH_ADMIN_PASSWORD,
    LOG_LEVEL: 'info',
    UPSTREAM_MAX_CONNECTIONS: '2048',
    REDIS_KEY_PREFIX: options.keyPrefix,
  };
}

/** Where the load goes: the simulator directly, or the api. */
export interface Target {
  name: string;
  origin: string;
  path: string;
  headers: Record<string, string>;
  body: string;
}

export const BENCH_MESSAGES = [{ role: 'user', content: 'Benchmark: say something short.' }];

/** The bench's request through the api: issue 14's setup (non-streaming chat on `/v1`, a personal API key). */
export function gatewayTarget(name: string, origin: string, apiKey: string): Target {
  return {
    name,
    origin,
    path: '/v1/chat/completions',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${apiKey}` },
    // No model named: the platform chooses the enterprise tier's chat model.
    body: JSON.stringify({ messages: BENCH_MESSAGES, max_tokens: 16 }),
  };
}

/** autocannon's closed loop on the target, 64 connections for 10 s; any non-2xx answer fails the bench. */
export async function saturate(target: Target): Promise<autocannon.Result> {
  const result = await autocannon({
    url: target.origin + target.path,
    method: 'POST',
    headers: target.headers,
    body: target.body,
    connections: 64,
    duration: 10,
  });
  if (result.non2xx > 0) throw new Error(`${target.name}: ${result.non2xx} non-2xx answers under load`);
  return result;
}

/** One pinned measurement: the api's throughput under `saturate`, and its CPU time per request. */
export interface PinnedRun {
  requestsPerSecond: number;
  cpuMsPerRequest: number;
}

/** `saturate` on the target, reading the CPU time the process `pid` spent on it. */
export async function saturateMeasured(target: Target, pid: number): Promise<PinnedRun> {
  const cpuBefore = cpuSeconds(pid);
  const result = await saturate(target);
  const cpuMs = (cpuSeconds(pid) - cpuBefore) * 1000;
  return {
    requestsPerSecond: result.requests.average,
    cpuMsPerRequest: cpuMs / Math.max(1, result.requests.total),
  };
}

/** A JSON call to the api that must succeed. */
export async function callApi<T = Record<string, unknown>>(
  api: string,
  method: string,
  path: string,
  token?: string,
  body?: unknown,
): Promise<T> {
  const response = await fetch(api + path, {
    method,
    headers: {
      'content-type': 'application/json',
      ...(token && { authorization: `Bearer ${token}` }),
    },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  if (!response.ok) throw new Error(`${method} ${path}: ${response.status} ${await response.text()}`);
  return response.json() as Promise<T>;
}

export async function signIn(api: string, email: string, password: string): Promise<string> {
  const { access_token } = await callApi<{ access_token: string }>(
    api,
    'POST',
    '/api/v1/auth/login',
    undefined,
    {
      email,
      password,
    },
  );
  return access_token;
}

/** Registers a user and returns their access token and id. */
export async function benchUser(api: string, email: string): Promise<{ token: string; id: string }> {
  await callApi(api, 'POST', '/api/v1/auth/register', undefined, { email, password: 'bench-password' });
  const token = await signIn(api, email, 'bench-password');
  const me = await callApi<{ id: string }>(api, 'GET', '/api/v1/me', token);
  return { token, id: me.id };
}

/** Moves the user to a tier and gives them a personal API key (`Authorization: Bearer tg_…`). */
export async function benchApiKey(
  api: string,
  user: { token: string; id: string },
  tier: string,
): Promise<string> {
  const admin = await signIn(api, 'admin@tiergate.local', BENCH_ADMIN_PASSWORD);
  await callApi(api, 'PATCH', `/api/v1/admin/users/${user.id}`, admin, { tier });
  const { key } = await callApi<{ key: string }>(api, 'POST', '/api/v1/me/api-keys', user.token, {
    name: 'bench',
  });
  return key;
}

/**
 * Quotas stay on (every request still makes its reservation), but the user's daily limits and
 * the tier's rate limits are lifted so that they never refuse a benchmark request.
 */
export async function liftLimits(api: string, userId: string, tier: string): Promise<void> {
  const admin = await signIn(api, 'admin@tiergate.local', BENCH_ADMIN_PASSWORD);
  const unlimited = { requests_per_day: null, tokens_per_day: null, tokens_per_request: null };
  await callApi(api, 'PUT', `/api/v1/admin/quotas/users/${userId}`, admin, {
    features: { text_generation: unlimited },
  });
  await callApi(api, 'PUT', `/api/v1/admin/quotas/tiers/${tier}`, admin, {
    rate_limits: {
      requests_per_second: null,
      requests_per_minute: null,
      tokens_per_minute: null,
      concurrent_streams: null,
    },
  });
}

/**
 * The gateway's own account of each answer, from its `Server-Timing` header
 * (`auth;dur=0.08, quota;dur=0.41, upstream;dur=2.77, total;dur=3.90`): the time of each step and
 * total minus upstream (the overhead as the api measures it, without the network and the client).
 */
function percentile(values: number[], p: number): number {
  if (!values.length) return NaN;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
}

export class StepBreakdown {
  private readonly samples: Record<'auth' | 'quota' | 'upstream' | 'overhead', number[]> = {
    auth: [],
    quota: [],
    upstream: [],
    overhead: [],
  };
  private missing = 0;

  add(header: string | string[] | undefined): void {
    const entries = new Map<string, number>();
    for (const entry of String(header ?? '').split(',')) {
      const match = /^\s*(\w+);dur=([\d.]+)\s*$/.exec(entry);
      if (match) entries.set(match[1], Number(match[2]));
    }
    const total = entries.get('total');
    if (total === undefined) {
      this.missing += 1;
      return;
    }
    this.samples.auth.push(entries.get('auth') ?? 0);
    this.samples.quota.push(entries.get('quota') ?? 0);
    this.samples.upstream.push(entries.get('upstream') ?? 0);
    this.samples.overhead.push(total - (entries.get('upstream') ?? 0));
  }

  /** The median of a step's durations, in ms (NaN before any answer). */
  median(step: 'auth' | 'quota' | 'upstream' | 'overhead'): number {
    return percentile(this.samples[step], 50);
  }

  /** `auth p50 0.05 ms  quota p50 0.40 ms  total-upstream p50 1.10 ms (p99 3.20 ms)  n=7500`. */
  report(): string {
    const ms = (value: number) => `${value.toFixed(2)} ms`;
    const { auth, quota, overhead } = this.samples;
    const missing = this.missing ? `, ${this.missing} answers without Server-Timing` : '';
    return `auth p50 ${ms(percentile(auth, 50))}   quota p50 ${ms(percentile(quota, 50))}   total-upstream p50 ${ms(percentile(overhead, 50))} (p99 ${ms(percentile(overhead, 99))})   n=${overhead.length}${missing}`;
  }
}
