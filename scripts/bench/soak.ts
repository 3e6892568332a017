/**
 * `npm run bench:soak`: a long run under steady load with a fault injected every minute.
 *
 * Starts the simulator, the api and the usage worker (production mode); the api and the worker
 * reach PostgreSQL and Redis through TCP proxies that the script cuts. Then SOAK_RATE requests/s
 * (default 200; a third of them streamed) for SOAK_SECONDS (default 600) from a premium user's
 * API key, while every minute one fault from FAULTS below is injected in turn. Reports:
 *  - answers by status and error code, and how many were unexpected (goal 0): a 5xx other than a
 *    documented 503 with Retry-After, a 4xx, a failed connection, a stream without its end;
 *  - the api's RSS after the first minute and at the end (goal: growth < 10%);
 *  - lost usage rows (goal 0): successes whose request id is missing from the ledger once the
 *    worker has drained, and duplicated rows.
 * Environment: SOAK_RATE, SOAK_SECONDS, SOAK_STREAM_SHARE (0.33), BENCH_DATABASE_URL,
 * BENCH_REDIS_URL.
 */
import { ChildProcess } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { Client } from 'pg';
import { Pool } from 'undici';
import { TcpProxy } from '@tiergate/testing';
import {
  apiEnv,
  BENCH_ADMIN_PASSWORD,
  callApi,
  createBenchStores,
  freePort,
  liftLimits,
  benchUser,
  REDIS_URL,
  rssMiB,
  signIn,
  startProcess,
  stopProcesses,
  ADMIN_DB,
} from './bench-support';

const RATE = Number(process.env.SOAK_RATE ?? 200);
const SECONDS = Number(process.env.SOAK_SECONDS ?? 600);
const STREAM_SHARE = Number(process.env.SOAK_STREAM_SHARE ?? 0.33);
const FAULT_EVERY_MS = 60_000;
const OUTAGE_MS = 3_000;

interface Tally {
  byOutcome: Map<string, number>;
  unexpected: Map<string, number>;
  successIds: string[];
}

interface Context {
  simControl: (method: string, path: string, body?: unknown) => Promise<void>;
  postgres: TcpProxy;
  redis: TcpProxy;
}

/** The faults, one per minute in this order, then again from the top. */
const FAULTS: Array<{ name: string; inject: (context: Context) => Promise<void> }> = [
  {
    name: 'upstream 503 on the next 40 calls',
    inject: (c) => c.simControl('POST', '/_sim/faults', { kind: 'error', status: 503, count: 40 }),
  },
  {
    name: 'PostgreSQL unreachable for 3 s',
    inject: (c) => outage(c.postgres),
  },
  {
    name: 'upstream silent (no answer) on the next 5 calls',
    inject: (c) => c.simControl('POST', '/_sim/faults', { kind: 'hang', count: 5 }),
  },
  {
    name: 'Redis unreachable for 3 s',
    inject: (c) => outage(c.redis),
  },
  {
    name: 'streams cut after 3 chunks on the next 20 calls',
    inject: (c) => c.simControl('POST', '/_sim/faults', { kind: 'cut', after_chunks: 3, count: 20 }),
  },
  {
    name: 'upstream 429 with retry-after 1 on the next 30 calls',
    inject: (c) =>
      c.simControl('POST', '/_sim/faults', { kind: 'error', status: 429, retry_after: 1, count: 30 }),
  },
  {
    name: 'connections reset on the next 20 calls',
    inject: (c) => c.simControl('POST', '/_sim/faults', { kind: 'reset', count: 20 }),
  },
];

async function outage(proxy: TcpProxy): Promise<void> {
  await proxy.down();
  await new Promise((resolve) => setTimeout(resolve, OUTAGE_MS));
  await proxy.up();
}

function count(map: Map<string, number>, key: string): void {
  map.set(key, (map.get(key) ?? 0) + 1);
}

/** Sends one request and classifies the answer. */
async function sendOne(pool: Pool, token: string, stream: boolean, tally: Tally): Promise<void> {
  const requestId = randomUUID();
  let outcome: string;
  let expected: boolean;
  try {
    const response = await pool.request({
      method: 'POST',
      path: '/v1/chat/completions',
      headers: {
        'content-type': 'application/json',
        authorization: `Bearer ${token}`,
        'x-request-id': requestId,
      },
      body: JSON.stringify({
        model: 'meta-llama/Meta-Llama-3.1-8B-Instruct-Turbo',
        messages: [{ role: 'user', content: stream ? 'Soak #sim tokens=24 delay=5' : 'Soak: say hi.' }],
        max_tokens: 32,
        stream,
      }),
      headersTimeout: 120_000,
      bodyTimeout: 120_000,
    });
    const text = await response.body.text();
    const status = response.statusCode;
    if (status === 200) {
      const complete = !stream || text.includes('data: [DONE]');
      const streamError = stream && text.includes('"error"');
      outcome = stream ? (complete && !streamError ? '200 stream' : '200 stream without its end') : '200';
      expected = outcome !== '200 stream without its end';
      if (expected) tally.successIds.push(requestId);
    } else {
      let code = 'no_error_body';
      try {
        code = (JSON.parse(text) as { error?: { code?: string } }).error?.code ?? code;
      } catch {
        // not JSON: counted under no_error_body
      }
      const retryAfter = response.headers['retry-after'] !== undefined;
      outcome = `${status} ${code}${retryAfter ? ' (Retry-After)' : ''}`;
      // A documented outage answer: 503 with Retry-After. Anything else is a failure of ours.
      expected = status === 503 && retryAfter;
    }
  } catch (error) {
    outcome = `connection error: ${(error as Error).message}`;
    expected = false;
  }
  count(tally.byOutcome, outcome);
  if (!expected) count(tally.unexpected, outcome);
}

/** Open loop: one request every 1000/RATE ms until `seconds` have passed. */
async function load(pool: Pool, token: string, tally: Tally, seconds: number): Promise<void> {
  const total = Math.round(seconds * RATE);
  const start = performance.now();
  const pending = new Set<Promise<void>>();
  for (let i = 0; i < total; i++) {
    const wait = start + (i * 1000) / RATE - performance.now();
    if (wait > 0) await new Promise((resolve) => setTimeout(resolve, wait));
    const request = sendOne(pool, token, Math.random() < STREAM_SHARE, tally);
    pending.add(request);
    void request.finally(() => pending.delete(request));
  }
  await Promise.all(pending);
}

/** Waits until the ledger stops growing (the worker has drained), then compares it with the successes. */
async function checkLedger(databaseUrl: string, successIds: string[]) {
  const db = new Client({ connectionString: databaseUrl });
  await db.connect();
  try {
    const rows = async () =>
      Number((await db.query<{ n: string }>('SELECT count(*) AS n FROM usage_events')).rows[0].n);
    let last = -1;
    let stableSince = performance.now();
    const deadline = performance.now() + 120_000;
    while (performance.now() < deadline) {
      const now = await rows();
      if (now !== last) [last, stableSince] = [now, performance.now()];
      else if (performance.now() - stableSince > 5_000) break;
      await new Promise((resolve) => setTimeout(resolve, 500));
    }
    const found = await db.query<{ request_id: string; n: string }>(
      `SELECT request_id, count(*) AS n FROM usage_events WHERE request_id = ANY($1) AND status < 400
       GROUP BY request_id`,
      [successIds],
    );
    const duplicated = found.rows.filter((row) => Number(row.n) > 1).length;
    return { rows: last, lost: successIds.length - found.rows.length, duplicated };
  } finally {
    await db.end();
  }
}

async function main(): Promise<void> {
  const stores = await createBenchStores('soak');
  const processes: ChildProcess[] = [];
  const postgresTarget = new URL(ADMIN_DB);
  const postgres = await TcpProxy.start({
    host: postgresTarget.hostname,
    port: Number(postgresTarget.port || 5432),
  });
  const redisTarget = new URL(REDIS_URL);
  const redis = await TcpProxy.start({ host: redisTarget.hostname, port: Number(redisTarget.port || 6379) });
  const throughProxy = (url: string, proxy: TcpProxy) => {
    const proxied = new URL(url);
    proxied.hostname = '127.0.0.1';
    proxied.port = String(proxy.port);
    return proxied.toString();
  };
  const databaseUrl = throughProxy(stores.databaseUrl, postgres);
  const redisUrl = throughProxy(REDIS_URL, redis);
  const [simPort, apiPort] = [await freePort(), await freePort()];
  try {
    processes.push(
      await startProcess(
        'apps/upstream-sim/src/main.js',
        { SIM_PORT: String(simPort), LOG_LEVEL: 'silent' },
        'listening on',
      ),
    );
    const keyPrefix = stores.keyPrefix;
    processes.push(
      await startProcess(
        'apps/api/src/main.js',
        apiEnv({ port: apiPort, simPort, databaseUrl, redisUrl, keyPrefix }),
        'Listening on',
      ),
    );
    processes.push(
      await startProcess(
        'apps/worker/src/main.js',
        { DATABASE_URL: databaseUrl, REDIS_URL: redisUrl, REDIS_KEY_PREFIX: keyPrefix, LOG_LEVEL: 'info' },
        'Tiergate worker started',
      ),
    );
    const api = `http://127.0.0.1:${apiPort}`;
    const user = await benchUser(api, 'soak@example.com');
    const admin = await signIn(api, 'admin@tiergate.local', BENCH_ADMIN_PASSWORD);
    await callApi(api, 'PATCH', `/api/v1/admin/users/${user.id}`, admin, { tier: 'premium' });
    await liftLimits(api, user.id, 'premium');
    const { key } = await callApi<{ key: string }>(api, 'POST', '/api/v1/me/api-keys', user.token, {
      name: 'soak',
    });
    const simControl = async (method: string, path: string, body?: unknown) => {
      const response = await fetch(`http://127.0.0.1:${simPort}${path}`, {
        method,
        headers: { 'content-type': 'application/json' },
        body: body === undefined ? undefined : JSON.stringify(body),
      });
      if (!response.ok)
        throw new Error(`simulator ${method} ${path}: ${response.status} ${await response.text()}`);
    };
    const context: Context = { simControl, postgres, redis };

    const apiPid = processes[1].pid!;
    const tally: Tally = { byOutcome: new Map(), unexpected: new Map(), successIds: [] };
    const pool = new Pool(api, { connections: 512, pipelining: 1 });
    console.log(`Soak: ${RATE} requests/s for ${SECONDS} s, ${Math.round(STREAM_SHARE * 100)}% streamed`);
    const started = performance.now();
    let rssAfterFirstMinute = rssMiB(apiPid);
    const timers = [
      setTimeout(() => (rssAfterFirstMinute = rssMiB(apiPid)), Math.min(60_000, (SECONDS * 1000) / 4)),
    ];
    // Faults at 30 s, 90 s, 150 s, ...: each mid-minute, with the load well under way.
    for (let at = FAULT_EVERY_MS / 2, n = 0; at < SECONDS * 1000 - 10_000; at += FAULT_EVERY_MS, n++) {
      const fault = FAULTS[n % FAULTS.length];
      timers.push(
        setTimeout(() => {
          const second = ((performance.now() - started) / 1000).toFixed(0);
          console.log(`  t=${second}s: ${fault.name}`);
          fault
            .inject(context)
            .catch((error: unknown) => console.error(`  could not inject: ${String(error)}`));
        }, at),
      );
    }
    await load(pool, key, tally, SECONDS);
    timers.forEach(clearTimeout);
    await pool.close();
    const rssAtEnd = rssMiB(apiPid);
    const ledger = await checkLedger(stores.databaseUrl, tally.successIds);

    const total = [...tally.byOutcome.values()].reduce((a, b) => a + b, 0);
    console.log(`Answers (${total}):`);
    for (const [outcome, n] of [...tally.byOutcome].sort((a, b) => b[1] - a[1]))
      console.log(`  ${String(n).padStart(7)}  ${outcome}`);
    const unexpected = [...tally.unexpected.values()].reduce((a, b) => a + b, 0);
    console.log(`Unexpected answers: ${unexpected}`);
    for (const [outcome, n] of tally.unexpected) console.log(`  ${String(n).padStart(7)}  ${outcome}`);
    const growth = ((rssAtEnd - rssAfterFirstMinute) / rssAfterFirstMinute) * 100;
    console.log(
      `api RSS: ${rssAfterFirstMinute.toFixed(0)} MiB after the first minute, ${rssAtEnd.toFixed(0)} MiB at the end (${growth >= 0 ? '+' : ''}${growth.toFixed(1)}%)`,
    );
    console.log(
      `Usage ledger: ${tally.successIds.length} successes, ${ledger.lost} missing from the ledger, ${ledger.duplicated} duplicated (${ledger.rows} rows in all)`,
    );
  } finally {
    await stopProcesses(processes);
    await Promise.all([postgres.down(), redis.down()]);
    await stores.drop();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
