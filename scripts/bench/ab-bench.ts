/**
 * `npm run bench:ab`: two builds of the api compared on one core, in turn. On a shared machine two
 * consecutive `npm run bench` runs of the same commit can differ by more than a change does; taking
 * the two apis in alternation on one stack cancels most of that drift.
 *
 * One stack (simulator, usage worker, PostgreSQL, Redis) and two api processes: A and B. Each round
 * pins one api (all its threads) to the last CPU, everything else to the others, and runs
 * autocannon's closed loop (64 connections, 10 s) on it; then the other. The order alternates
 * between rounds. The request is `npm run bench`'s: non-streaming chat on `/v1` with an enterprise
 * user's personal API key, quotas on, rate limits lifted.
 *
 * Environment:
 *   BENCH_A_DIST, BENCH_B_DIST   the builds (`dist/` folders) to start each api from; both default
 *                                to this one. Another commit's: `git worktree add /tmp/a <commit>`,
 *                                link this node_modules into it, `npx swc apps libs scripts -d dist`.
 *   BENCH_A_NODE_ARGS, BENCH_B_NODE_ARGS   flags for each api's node (`--single-threaded-gc`).
 *   BENCH_ROUNDS (4), BENCH_DATABASE_URL, BENCH_REDIS_URL.
 */
import { ChildProcess } from 'node:child_process';
import { availableParallelism } from 'node:os';
import { join } from 'node:path';
import {
  apiEnv,
  benchApiKey,
  benchUser,
  createBenchStores,
  freePort,
  gatewayTarget,
  liftLimits,
  pinProcesses,
  REDIS_URL,
  saturate,
  saturateMeasured,
  startProcess,
  stopProcesses,
  type PinnedRun,
  type Target,
} from './bench-support';

const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 4);
const THIS_BUILD = join(__dirname, '..', '..');

interface Contender {
  name: 'A' | 'B';
  dist: string;
  nodeArgs: string[];
  api?: ChildProcess;
  origin?: string;
  target?: Target;
  runs: PinnedRun[];
}

function contender(name: 'A' | 'B'): Contender {
  return {
    name,
    dist: process.env[`BENCH_${name}_DIST`] ?? THIS_BUILD,
    nodeArgs: process.env[`BENCH_${name}_NODE_ARGS`]?.split(' ').filter(Boolean) ?? [],
    runs: [],
  };
}

const mean = (values: number[]) => values.reduce((sum, value) => sum + value, 0) / values.length;
const sd = (values: number[]) => Math.sqrt(mean(values.map((value) => (value - mean(values)) ** 2)));

async function main(): Promise<void> {
  const cpus = availableParallelism();
  if (cpus < 2) throw new Error('bench:ab pins each api to its own core: it needs two CPUs');
  const stores = await createBenchStores('ab');
  const contenders = [contender('A'), contender('B')];
  const processes: ChildProcess[] = [];
  try {
    const simPort = await freePort();
    const { databaseUrl, keyPrefix } = stores;
    processes.push(
      await startProcess(
        'apps/upstream-sim/src/main.js',
        { SIM_PORT: String(simPort), LOG_LEVEL: 'silent' },
        'listening on',
      ),
      await startProcess(
        'apps/worker/src/main.js',
        { DATABASE_URL: databaseUrl, REDIS_URL, REDIS_KEY_PREFIX: keyPrefix, LOG_LEVEL: 'info' },
        'Tiergate worker started',
      ),
    );
    for (const c of contenders) {
      const port = await freePort();
      c.api = await startProcess(
        'apps/api/src/main.js',
        apiEnv({ port, simPort, databaseUrl, redisUrl: REDIS_URL, keyPrefix }),
        'Listening on',
        c.nodeArgs,
        c.dist,
      );
      processes.push(c.api);
      c.origin = `http://127.0.0.1:${port}`;
    }
    // Both apis share the database and Redis: one user, one key, good on either.
    const first = contenders[0].origin!;
    const user = await benchUser(first, 'bench@example.com');
    const apiKey = await benchApiKey(first, user, 'enterprise');
    await liftLimits(first, user.id, 'enterprise');
    for (const c of contenders) c.target = gatewayTarget(c.name, c.origin!, apiKey);
    for (const c of contenders) for (let i = 0; i < 2; i++) await saturate(c.target!); // warm-up

    const rest = [process.pid, ...processes.slice(0, 2).map((p) => p.pid!)];
    pinProcesses(rest, `0-${cpus - 2}`);
    console.log(`A: ${describe(contenders[0])}\nB: ${describe(contenders[1])}`);
    for (let round = 0; round < ROUNDS; round++) {
      for (const c of round % 2 ? [...contenders].reverse() : contenders) {
        const other = contenders.find((o) => o !== c)!;
        pinProcesses([c.api!.pid!], String(cpus - 1));
        pinProcesses([other.api!.pid!], `0-${cpus - 2}`);
        const run = await saturateMeasured(c.target!, c.api!.pid!);
        c.runs.push(run);
        console.log(
          `round ${round + 1} ${c.name}: ${run.requestsPerSecond.toFixed(0)} req/s, ${run.cpuMsPerRequest.toFixed(3)} ms CPU per request`,
        );
      }
    }
    for (const c of contenders) {
      const rps = c.runs.map((run) => run.requestsPerSecond);
      const cpu = c.runs.map((run) => run.cpuMsPerRequest);
      console.log(
        `${c.name}: ${mean(rps).toFixed(0)} ± ${sd(rps).toFixed(0)} req/s, ${mean(cpu).toFixed(3)} ± ${sd(cpu).toFixed(3)} ms CPU per request (${ROUNDS} × 10 s, pinned)`,
      );
    }
  } finally {
    await stopProcesses(processes);
    await stores.drop();
  }
}

function describe(c: Contender): string {
  return `${c.dist}${c.nodeArgs.length ? ` with ${c.nodeArgs.join(' ')}` : ''}`;
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
