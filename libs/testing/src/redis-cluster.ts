import { ChildProcess, execFile, spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import Redis from 'ioredis';
import { tryListen } from './ports';
import { waitFor } from './wait';

const run = promisify(execFile);
const HOST = '127.0.0.1';
/** A cluster node also listens on its port + 10000 (the cluster bus). */
const BUS_OFFSET = 10_000;

/** A Redis Cluster of its own for one test file: started on free loopback ports, in a temp dir. */
export interface TestRedisCluster {
  ports: number[];
  /** `redis+cluster://127.0.0.1:P1,...`: what REDIS_URL (or REDIS_CLUSTER_NODES) would say. */
  url: string;
  /** `127.0.0.1:P1,127.0.0.1:P2,...`: the REDIS_CLUSTER_NODES form. */
  nodes: string;
  /** The port of the master that holds a key's slot (to show that keys spread over the masters). */
  masterOf(key: string): Promise<number>;
  /** Kills the servers and removes their directory (safe to call twice). */
  stop(): Promise<void>;
}

const running = new Set<ChildProcess>();
let exitHookInstalled = false;

/** Never leave a server behind, even when a test file dies without its afterAll. */
function killOnExit(): void {
  if (exitHookInstalled) return;
  exitHookInstalled = true;
  process.once('exit', () => running.forEach((child) => child.kill('SIGKILL')));
}

/** A free port whose cluster bus port (+10000) is free too, distinct from those already taken. */
async function freeClusterPort(taken: number[]): Promise<number> {
  for (let attempt = 0; attempt < 50; attempt++) {
    const port = await tryListen(0);
    if (!port || port + BUS_OFFSET > 65_535 || taken.includes(port)) continue;
    if (await tryListen(port + BUS_OFFSET)) return port;
  }
  throw new Error('no free port pair (port and port + 10000) for a Redis Cluster node');
}

async function ping(port: number): Promise<string | undefined> {
  const client = new Redis({
    host: HOST,
    port,
    lazyConnect: true,
    retryStrategy: () => null,
    maxRetriesPerRequest: 0,
  });
  client.on('error', () => undefined);
  try {
    await client.connect();
    return await client.ping();
  } catch {
    return undefined;
  } finally {
    client.disconnect();
  }
}

async function clusterInfo(port: number): Promise<string> {
  const { stdout } = await run('redis-cli', ['-h', HOST, '-p', String(port), 'cluster', 'info']);
  return stdout;
}

/**
 * Starts a Redis Cluster of `masters` nodes (no replicas) with `redis-server --cluster-enabled yes`
 * and `redis-cli --cluster create`, and waits until every node says `cluster_state:ok` and knows
 * the others. Call `stop()` in afterAll; the servers are also killed when the process exits.
 */
export async function startRedisCluster(
  options: { masters?: number; timeoutMs?: number } = {},
): Promise<TestRedisCluster> {
  const masters = options.masters ?? 3;
  const timeoutMs = options.timeoutMs ?? 30_000;
  const dir = mkdtempSync(join(tmpdir(), 'tiergate-redis-cluster-'));
  const children: ChildProcess[] = [];
  const ports: number[] = [];
  killOnExit();

  const stop = async () => {
    await Promise.all(
      children.map(
        (child) =>
          new Promise<void>((resolve) => {
            running.delete(child);
            if (child.exitCode !== null || child.signalCode !== null) return resolve();
            child.once('exit', () => resolve());
            child.kill('SIGKILL');
          }),
      ),
    );
    rmSync(dir, { recursive: true, force: true });
  };

  try {
    for (let i = 0; i < masters; i++) ports.push(await freeClusterPort(ports));
    for (const port of ports) {
      // Arguments as the README's manual setup would give them; logs go to the temp dir.
      const child = spawn(
        'redis-server',
        [
          '--port',
          String(port),
          '--bind',
          HOST,
          '--cluster-enabled',
          'yes',
          '--cluster-config-file',
          join(dir, `nodes-${port}.conf`),
          '--cluster-node-timeout',
          '5000',
          '--dir',
          dir,
          '--save',
          '',
          '--appendonly',
          'no',
          '--daemonize',
          'no',
          '--logfile',
          join(dir, `redis-${port}.log`),
        ],
        { stdio: 'ignore' },
      );
      child.once('error', () => undefined); // seen as a node that never answers
      children.push(child);
      running.add(child);
    }
    await Promise.all(ports.map((port) => waitFor(() => ping(port), timeoutMs, `redis-server on ${port}`)));
    await run(
      'redis-cli',
      [
        '--cluster',
        'create',
        ...ports.map((port) => `${HOST}:${port}`),
        '--cluster-replicas',
        '0',
        '--cluster-yes',
      ],
      { timeout: timeoutMs },
    );
    await waitFor(
      async () => {
        const infos = await Promise.all(ports.map(clusterInfo));
        const ready = infos.every(
          (info) =>
            info.includes('cluster_state:ok') &&
            info.includes('cluster_slots_ok:16384') &&
            info.includes(`cluster_known_nodes:${masters}`),
        );
        return ready || undefined;
      },
      timeoutMs,
      'cluster_state:ok on every node',
    );
  } catch (error) {
    const logs = ports
      .map((port) => {
        try {
          return `--- ${port} ---\n${readFileSync(join(dir, `redis-${port}.log`), 'utf8').slice(-2_000)}`;
        } catch {
          return `--- ${port}: no log ---`;
        }
      })
      .join('\n');
    await stop();
    throw new Error(`could not start a Redis Cluster: ${(error as Error).message}\n${logs}`);
  }

  const nodes = ports.map((port) => `${HOST}:${port}`).join(',');
  const masterOf = async (key: string) => {
    const client = new Redis({ host: HOST, port: ports[0], maxRetriesPerRequest: 0 });
    try {
      const slot = await client.cluster('KEYSLOT', key);
      const ranges = await client.cluster('SLOTS');
      const range = ranges.find(([from, to]) => slot >= from && slot <= to);
      if (!range) throw new Error(`no master holds slot ${slot}`);
      return range[2][1];
    } finally {
      client.disconnect();
    }
  };
  return { ports, nodes, url: `redis+cluster://${nodes}`, masterOf, stop };
}
