/**
 * `npm run bench`: the gateway's own overhead for non-streaming chat, on the OpenAI-compatible
 * surface (`/v1/chat/completions`) with an enterprise user's personal API key, quotas on and rate
 * limits lifted.
 *
 * Starts the upstream simulator and the api (production mode: PostgreSQL + Redis on this machine)
 * as separate processes, then:
 *  1. latency at a steady arrival rate (open loop, one request every 1000/RATE ms, not bursts):
 *     direct to the simulator, then through the gateway; overhead = gateway - direct at p50/p99;
 *  2. maximum throughput with autocannon (closed loop), direct and through the gateway.
 *  3. streaming: time to first token at a steady rate, direct and through the gateway;
 *     Beside each: the overhead by step as the api reports it in Server-Timing (p50 of auth,
 *     quota and total minus upstream);
 *  4. memory of the api process (RSS) across one 10,000-chunk stream and across 1,000
 *     concurrent streams (does the gateway buffer? it must not).
 *  5. the api's CPU time per request during the steady phase, and its maximum throughput pinned
 *     to one core (`taskset`; everything else on the other cores): that api, and a second one
 *     started with `--single-threaded-gc` (as a process given one core is best run).
 *  6. with BENCH_SWEEP=100,250,500,1000 (rates), the CPU a request costs the simulator alone and
 *     the api, and the overhead, at each of those rates: on a machine whose cores idle between
 *     requests, a request costs more CPU the fewer there are (caches and the scheduler).
 * Environment: BENCH_RATE (500), BENCH_SECONDS (15), BENCH_STREAM_RATE (100),
 * BENCH_DATABASE_URL, BENCH_REDIS_URL; BENCH_API_PROFILE=<dir> writes a V8 CPU profile of the
 * api there (`node --cpu-prof`; open it in Chrome's DevTools); BENCH_API_NODE_ARGS passes flags
 * to the api's node (`--max-semi-space-size=64`, for instance).
 */
import { ChildProcess } from 'node:child_process';
import { availableParallelism } from 'node:os';
import * as hdr from 'hdr-histogram-js';
import { Client } from 'pg';
import { Queue } from 'bullmq';
import { Pool } from 'undici';
import { usageEvent } from '@tiergate/testing';
import {
  closeUsageQueue,
  USAGE_QUEUE,
  usageQueueOptions,
  type UsageEvent,
  type UsageJob,
} from '@tiergate/usage';
import {
  apiEnv,
  benchApiKey,
  cpuSeconds,
  pinProcesses,
  BENCH_MESSAGES,
  BENCH_MODEL as MODEL,
  BENCH_UPSTREAM_KEY,
  benchUser,
  createBenchStores,
  freePort,
  gatewayTarget,
  liftLimits,
  REDIS_URL,
  rssMiB,
  saturate,
  saturateMeasured,
  startProcess,
  StepBreakdown,
  stopProcesses,
  type PinnedRun,
  type Target,
} from './bench-support';

const RATE = Number(process.env.BENCH_RATE ?? 500);
const STREAM_RATE = Number(process.env.BENCH_STREAM_RATE ?? 100);
const SECONDS = Number(process.env.BENCH_SECONDS ?? 15);
const SWEEP_RATES = (process.env.BENCH_SWEEP ?? '')
  .split(',')
  .map(Number)
  .filter((rate) => rate > 0);
const PINNED_RUNS = 3;
const WARMUP_SECONDS = 3;
/**
 * Open-loop load: requests start on schedule (one every 1000/rate ms) whether or not earlier ones
 * finished. `until` reads the answer and returns the moment to measure to; the histogram holds
 * the microseconds from sending to that moment, after a warm-up that is not recorded.
 */
async function openLoop(
  target: Target,
  rate: number,
  seconds: number,
  connections: number,
  until: (body: AsyncIterable<Buffer> & { dump(): Promise<void> }) => Promise<bigint>,
  steps?: StepBreakdown,
): Promise<hdr.Histogram> {
  const pool = new Pool(target.origin, { connections, pipelining: 1 });
  const histogram = hdr.build({
    lowestDiscernibleValue: 1,
    highestTrackableValue: 60_000_000,
    numberOfSignificantValueDigits: 3,
  });
  const send = async (record: boolean) => {
    const started = process.hrtime.bigint();
    const response = await pool.request({
      method: 'POST',
      path: target.path,
      headers: target.headers,
      body: target.body,
    });
    if (response.statusCode !== 200)
      throw new Error(`${target.name}: HTTP ${response.statusCode} ${await response.body.text()}`);
    const at = await until(response.body as AsyncIterable<Buffer> & { dump(): Promise<void> });
    if (record) histogram.recordValue(Number(at - started) / 1000);
    if (record) steps?.add(response.headers['server-timing']);
  };
  const run = async (duration: number, record: boolean) => {
    const total = Math.round(duration * rate);
    const start = performance.now();
    const pending: Promise<void>[] = [];
    for (let i = 0; i < total; i++) {
      const due = start + (i * 1000) / rate;
      const wait = due - performance.now();
      if (wait > 1) await new Promise((resolve) => setTimeout(resolve, wait));
      else if (wait > 0) while (performance.now() < due) await Promise.resolve();
      const sent = send(record);
      sent.catch(() => undefined); // reported by Promise.all below, after cleanup is still possible
      pending.push(sent);
    }
    await Promise.all(pending);
  };
  await run(WARMUP_SECONDS, false);
  await run(seconds, true);
  await pool.close();
  return histogram;
}

/** Runs a steady phase (warm-up included) and the CPU time `pid` spent per request on it. */
async function cpuPerRequest<T>(
  pid: number,
  rate: number,
  run: () => Promise<T>,
): Promise<{ result: T; cpuMs: number }> {
  const before = cpuSeconds(pid);
  const result = await run();
  return { result, cpuMs: ((cpuSeconds(pid) - before) * 1000) / ((WARMUP_SECONDS + SECONDS) * rate) };
}

/** Latency of whole answers. */
function steadyLatency(
  target: Target,
  rate: number,
  seconds: number,
  steps?: StepBreakdown,
): Promise<hdr.Histogram> {
  return openLoop(
    target,
    rate,
    seconds,
    256,
    async (body) => {
      await body.dump();
      return process.hrtime.bigint();
    },
    steps,
  );
}

/** Streaming: the time until the first content chunk arrives (the rest is read, not timed). */
function steadyTimeToFirstToken(
  target: Target,
  rate: number,
  seconds: number,
  steps?: StepBreakdown,
): Promise<hdr.Histogram> {
  return openLoop(
    target,
    rate,
    seconds,
    512,
    async (body) => {
      let firstToken: bigint | undefined;
      for await (const chunk of body) {
        if (firstToken === undefined && chunk.includes('"content":"')) firstToken = process.hrtime.bigint();
      }
      return firstToken ?? process.hrtime.bigint();
    },
    steps,
  );
}

/** Runs `work` while sampling the process's RSS every 50 ms; returns the baseline and the peak. */
async function peakRss(
  pid: number,
  work: () => Promise<void>,
): Promise<{ before: number; peak: number; after: number }> {
  const before = rssMiB(pid);
  let peak = before;
  const timer = setInterval(() => (peak = Math.max(peak, rssMiB(pid))), 50);
  try {
    await work();
  } finally {
    clearInterval(timer);
  }
  return { before, peak: Math.max(peak, rssMiB(pid)), after: rssMiB(pid) };
}

/** Opens `count` streams at once and reads them to the end: the bytes passed, and the refusals by error code. */
async function consumeStreams(
  target: Target,
  count: number,
): Promise<{ bytes: number; refused: Record<string, number> }> {
  const pool = new Pool(target.origin, { connections: count, pipelining: 1 });
  let bytes = 0;
  const refused: Record<string, number> = {};
  await Promise.all(
    Array.from({ length: count }, async () => {
      const response = await pool.request({
        method: 'POST',
        path: target.path,
        headers: target.headers,
        body: target.body,
      });
      if (response.statusCode !== 200) {
        const text = await response.body.text();
        const code = `${response.statusCode} ${/"code":"([^"]+)"/.exec(text)?.[1] ?? 'unknown'}`;
        refused[code] = (refused[code] ?? 0) + 1;
        return;
      }
      for await (const chunk of response.body as AsyncIterable<Buffer>) bytes += chunk.length;
    }),
  );
  await pool.close();
  return { bytes, refused };
}

const refusals = (refused: Record<string, number>) =>
  Object.keys(refused).length
    ? Object.entries(refused)
        .map(([code, n]) => `${n} × ${code}`)
        .join(', ')
    : 'none refused';

async function maxThroughput(target: Target): Promise<number> {
  return (await saturate(target)).requests.average;
}

async function main(): Promise<void> {
  const stores = await createBenchStores('bench');
  const [simPort, apiPort] = [await freePort(), await freePort()];
  const processes: ChildProcess[] = [];
  try {
    processes.push(
      await startProcess(
        'apps/upstream-sim/src/main.js',
        { SIM_PORT: String(simPort), LOG_LEVEL: 'silent' },
        'listening on',
      ),
    );
    const { databaseUrl, keyPrefix } = stores;
    processes.push(
      await startProcess(
        'apps/api/src/main.js',
        apiEnv({ port: apiPort, simPort, databaseUrl, redisUrl: REDIS_URL, keyPrefix }),
        'Listening on',
        [
          ...(process.env.BENCH_API_NODE_ARGS?.split(' ').filter(Boolean) ?? []),
          ...(process.env.BENCH_API_PROFILE
            ? ['--cpu-prof', `--cpu-prof-dir=${process.env.BENCH_API_PROFILE}`]
            : []),
        ],
      ),
    );
    // The usage worker runs throughout, as in production: every request's event is written.
    processes.push(
      await startProcess(
        'apps/worker/src/main.js',
        { DATABASE_URL: databaseUrl, REDIS_URL, REDIS_KEY_PREFIX: keyPrefix, LOG_LEVEL: 'info' },
        'Tiergate worker started',
      ),
    );
    const api = `http://127.0.0.1:${apiPort}`;
    // The setup: an enterprise user's personal API key on the OpenAI-compatible surface,
    // quotas on (every request reserves and settles), rate limits lifted.
    const user = await benchUser(api, 'bench@example.com');
    const apiKey = await benchApiKey(api, user, 'enterprise');
    await liftLimits(api, user.id, 'enterprise');

    const direct: Target = {
      name: 'direct',
      origin: `http://127.0.0.1:${simPort}`,
      path: '/v1/chat/completions',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${BENCH_UPSTREAM_KEY}` },
      body: JSON.stringify({ model: MODEL, messages: BENCH_MESSAGES, max_tokens: 16 }),
    };
    const gateway = gatewayTarget('gateway', api, apiKey);

    console.log(`Steady load: ${RATE} requests/s for ${SECONDS} s each (after ${WARMUP_SECONDS} s warm-up)`);
    const d = await steadyLatency(direct, RATE, SECONDS);
    const steps = new StepBreakdown();
    const apiPid = processes[1].pid!;
    const { result: g, cpuMs: cpuPerRequestMs } = await cpuPerRequest(apiPid, RATE, () =>
      steadyLatency(gateway, RATE, SECONDS, steps),
    );
    const ms = (us: number) => (us / 1000).toFixed(2);
    const row = (name: string, h: hdr.Histogram) =>
      `${name.padEnd(22)} p50 ${ms(h.getValueAtPercentile(50)).padStart(7)} ms   p99 ${ms(h.getValueAtPercentile(99)).padStart(7)} ms   max ${ms(h.maxValue).padStart(8)} ms   n=${h.totalCount}`;
    console.log(row('direct to simulator', d));
    console.log(row('through the gateway', g));
    console.log(
      `gateway overhead       p50 ${ms(g.getValueAtPercentile(50) - d.getValueAtPercentile(50)).padStart(7)} ms   p99 ${ms(g.getValueAtPercentile(99) - d.getValueAtPercentile(99)).padStart(7)} ms`,
    );
    console.log(`overhead by step (the api's Server-Timing)   ${steps.report()}`);
    // The same simulator answer, timed by the api (Server-Timing upstream) and by a direct client:
    // what the api adds there is time the answer waited for its event loop (other requests).
    console.log(
      `the simulator's answer as the api waits for it   p50 ${steps.median('upstream').toFixed(2)} ms (asked directly: ${ms(d.getValueAtPercentile(50))} ms)`,
    );
    console.log(`api CPU time per request (user + system)   ${cpuPerRequestMs.toFixed(2)} ms`);

    if (SWEEP_RATES.length) {
      console.log(`CPU per request by arrival rate (${SECONDS} s each, after ${WARMUP_SECONDS} s warm-up)`);
      const simulatorPid = processes[0].pid!;
      for (const rate of SWEEP_RATES) {
        const alone = await cpuPerRequest(simulatorPid, rate, () => steadyLatency(direct, rate, SECONDS));
        const through = await cpuPerRequest(apiPid, rate, () => steadyLatency(gateway, rate, SECONDS));
        const p50 = (h: hdr.Histogram) => h.getValueAtPercentile(50);
        console.log(
          `${String(rate).padStart(5)} req/s   simulator ${alone.cpuMs.toFixed(2)} ms   api ${through.cpuMs.toFixed(2)} ms   ` +
            `overhead p50 ${ms(p50(through.result) - p50(alone.result))} ms`,
        );
      }
    }

    const streaming = (t: Target, content: string): Target => ({
      ...t,
      body: JSON.stringify({
        ...(t.name === 'direct' && { model: MODEL }),
        messages: [{ role: 'user', content }],
        max_tokens: 20_000,
        stream: true,
      }),
    });
    console.log(`Streaming time to first token: ${STREAM_RATE} streams/s for ${SECONDS} s each`);
    const ds = await steadyTimeToFirstToken(streaming(direct, 'Stream #sim tokens=32'), STREAM_RATE, SECONDS);
    const streamSteps = new StepBreakdown();
    const gs = await steadyTimeToFirstToken(
      streaming(gateway, 'Stream #sim tokens=32'),
      STREAM_RATE,
      SECONDS,
      streamSteps,
    );
    console.log(row('direct TTFT', ds));
    console.log(row('gateway TTFT', gs));
    console.log(
      `TTFT overhead          p50 ${ms(gs.getValueAtPercentile(50) - ds.getValueAtPercentile(50)).padStart(7)} ms   p99 ${ms(gs.getValueAtPercentile(99) - ds.getValueAtPercentile(99)).padStart(7)} ms`,
    );
    console.log(`TTFT overhead by step (Server-Timing, to the first byte)   ${streamSteps.report()}`);

    const long = await peakRss(apiPid, async () => {
      const { bytes, refused } = await consumeStreams(streaming(gateway, 'Long #sim tokens=10000'), 1);
      console.log(
        `one 10,000-chunk stream: ${(bytes / 1024 / 1024).toFixed(1)} MiB passed through (${refusals(refused)})`,
      );
    });
    console.log(
      `api RSS across it: before ${long.before.toFixed(0)} MiB, peak ${long.peak.toFixed(0)} MiB, after ${long.after.toFixed(0)} MiB`,
    );
    const many = await peakRss(apiPid, async () => {
      const { bytes, refused } = await consumeStreams(
        streaming(gateway, 'Many #sim tokens=200 delay=10'),
        1000,
      );
      console.log(
        `1,000 concurrent streams of 200 chunks: ${(bytes / 1024 / 1024).toFixed(1)} MiB passed through (${refusals(refused)})`,
      );
    });
    console.log(
      `api RSS across them: before ${many.before.toFixed(0)} MiB, peak ${many.peak.toFixed(0)} MiB (${(((many.peak - many.before) * 1024) / 1000).toFixed(0)} KiB per open stream), after ${many.after.toFixed(0)} MiB`,
    );

    console.log('Maximum throughput (autocannon, 64 connections, 10 s each)');
    const directRps = await maxThroughput(direct);
    const gatewayRps = await maxThroughput(gateway);
    console.log(
      `direct ${directRps.toFixed(0)} req/s, gateway ${gatewayRps.toFixed(0)} req/s, ratio ${(gatewayRps / directRps).toFixed(2)}`,
    );
    const others = () => [process.pid, ...processes.filter((p) => p !== processes[1]).map((p) => p.pid!)];
    await pinnedThroughput('api pinned to one core', gateway, apiPid, others());
    // The same on a second api started as one given a single core should be: V8's parallel GC
    // threads only take turns with the main thread there (docs/performance.md).
    const oneCorePort = await freePort();
    const oneCoreApi = await startProcess(
      'apps/api/src/main.js',
      apiEnv({ port: oneCorePort, simPort, databaseUrl, redisUrl: REDIS_URL, keyPrefix }),
      'Listening on',
      ['--single-threaded-gc'],
    );
    try {
      const oneCore: Target = {
        ...gateway,
        name: 'gateway (single-threaded GC)',
        origin: `http://127.0.0.1:${oneCorePort}`,
      };
      // Warmed up first, as the first api was by the phases before.
      for (let i = 0; i < 3; i++) await maxThroughput(oneCore);
      await pinnedThroughput('the same with --single-threaded-gc', oneCore, oneCoreApi.pid!, others());
    } finally {
      await stopProcesses([oneCoreApi]);
    }

    await usageWriterThroughput(databaseUrl, keyPrefix);
  } finally {
    await stopProcesses(processes);
    await stores.drop();
  }
}

/**
 * The api's maximum throughput on one core: the api (all its threads) pinned to the last CPU,
 * the load generator, simulator and worker to the others (PostgreSQL and Redis are left where
 * the system runs them). Skipped when the machine has one CPU or taskset is unavailable.
 */
async function pinnedThroughput(
  label: string,
  gateway: Target,
  apiPid: number,
  others: number[],
): Promise<void> {
  const cpus = availableParallelism();
  const all = `0-${cpus - 1}`;
  if (cpus < 2 || !pinProcesses([apiPid], String(cpus - 1)) || !pinProcesses(others, `0-${cpus - 2}`)) {
    console.log('Pinned throughput: skipped (needs two CPUs and taskset)');
    return;
  }
  try {
    // Three 10 s runs, the median reported: one run on a shared machine is too noisy to compare.
    const runs: PinnedRun[] = [];
    for (let i = 0; i < PINNED_RUNS; i++) runs.push(await saturateMeasured(gateway, apiPid));
    runs.sort((a, b) => a.requestsPerSecond - b.requestsPerSecond);
    const median = runs[Math.floor(runs.length / 2)];
    console.log(
      `${label} (taskset, 64 connections, median of ${PINNED_RUNS} × 10 s): ` +
        `${median.requestsPerSecond.toFixed(0)} req/s, ${median.cpuMsPerRequest.toFixed(2)} ms CPU per request ` +
        `(runs: ${runs.map((run) => run.requestsPerSecond.toFixed(0)).join(', ')} req/s)`,
    );
  } finally {
    pinProcesses([apiPid, ...others], all);
  }
}

/**
 * The usage worker's write rate: 50,000 events queued as 100 batches of 500 (as the api's
 * recorder batches them), timed until every row is in PostgreSQL (with its rollups).
 */
async function usageWriterThroughput(databaseUrl: string, keyPrefix: string): Promise<void> {
  const EVENTS = 50_000;
  const BATCH = 500;
  const queue = new Queue<UsageJob>(USAGE_QUEUE, usageQueueOptions(REDIS_URL, keyPrefix));
  const db = new Client({ connectionString: databaseUrl });
  await db.connect();
  try {
    await new Promise((resolve) => setTimeout(resolve, 3_000)); // let the requests' own events drain
    const count = async () =>
      Number((await db.query<{ n: string }>('SELECT count(*) AS n FROM usage_events')).rows[0].n);
    const before = await count();
    const [user] = (await db.query<{ id: string }>('SELECT id FROM users LIMIT 1')).rows;
    const started = performance.now();
    for (let b = 0; b < EVENTS / BATCH; b++) {
      const events = Array.from({ length: BATCH }, (_, i) => benchEvent(user.id, `bench-${b}-${i}`));
      await queue.add('batch', { events }, { removeOnComplete: true });
    }
    while ((await count()) < before + EVENTS) await new Promise((resolve) => setTimeout(resolve, 50));
    const seconds = (performance.now() - started) / 1000;
    console.log(
      `Usage worker: ${EVENTS.toLocaleString('en')} events written in ${seconds.toFixed(2)} s = ${(EVENTS / seconds).toFixed(0)} events/s`,
    );
  } finally {
    await db.end();
    await closeUsageQueue(queue);
  }
}

function benchEvent(userId: string, requestId: string): UsageEvent {
  return usageEvent({
    requestId,
    userId,
    servedModel: MODEL,
    provider: 'together_ai',
    promptTokens: 20,
    completionTokens: 16,
    totalTokens: 36,
    costUsd: 0.0000065,
    latencyMs: 3,
  });
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
