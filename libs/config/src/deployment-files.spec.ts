import { execFile } from 'node:child_process';
import { copyFileSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { getMetadataStorage } from 'class-validator';
import { parse } from 'yaml';
import { loadApiConfig } from './api-config';
import { ApiEnv } from './env/api-env.schema';
import { SimEnv } from './env/sim-env.schema';
import { WorkerEnv } from './env/worker-env.schema';
import { loadSimConfig } from './sim-config';
import { loadWorkerConfig } from './worker-config';

const root = join(__dirname, '..', '..', '..');
const run = promisify(execFile);
interface ComposeFile {
  services: Record<
    string,
    {
      environment?: Record<string, string>;
      healthcheck?: unknown;
      profiles?: string[];
      command?: string[];
      ports?: string[];
      volumes?: string[];
    }
  >;
  volumes?: Record<string, unknown>;
}
const readCompose = (file: string) =>
  parse(readFileSync(join(root, file), 'utf8'), { merge: true }) as ComposeFile;
const compose = readCompose('docker-compose.yml');

/** The Dockerfile's last stage (the image that runs): its instructions, continuation lines joined. */
function finalStage(): Array<{ op: string; args: string }> {
  const lines = readFileSync(join(root, 'Dockerfile'), 'utf8')
    .replace(/\\\n/g, ' ')
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => line && !line.startsWith('#'));
  const from = lines.map((line) => /^FROM\s/i.test(line)).lastIndexOf(true);
  return lines.slice(from).map((line) => {
    const [op, ...rest] = line.split(/\s+/);
    return { op: op.toUpperCase(), args: rest.join(' ') };
  });
}

/** `ENV A=1 B=2` → { A: '1', B: '2' } over every ENV of the stage. */
function envOf(stage: Array<{ op: string; args: string }>): Record<string, string> {
  return Object.fromEntries(
    stage
      .filter(({ op }) => op === 'ENV')
      .flatMap(({ args }) => [...args.matchAll(/(\w+)=(\S+)/g)].map((m) => [m[1], m[2]])),
  );
}

function variables(schema: new () => object): string[] {
  return [
    ...new Set(
      getMetadataStorage()
        .getTargetValidationMetadatas(schema, '', true, false)
        .map((m) => m.propertyName),
    ),
  ];
}

/** `${X:-default}` → default; `${X:?message}` (required) → a valid sample value for X. */
const SAMPLES: Record<string, string> = {
  TOGETHER_API_KEY: 'together-key-sample',
  JWT_SECRET: 'x'.repeat(48),
  ENCRYPTION_KEY: 'a'.repeat(64),
};
function resolve(env: Record<string, string> = {}): Record<string, string> {
  return Object.fromEntries(
    Object.entries(env).map(([key, value]) => [
      key,
      String(value).replace(
        /\$\{(\w+)(:-([^}]*)|:\?[^}]*)?\}/g,
        (_m, name: string, _op, fallback?: string) => fallback ?? SAMPLES[name] ?? '',
      ),
    ]),
  );
}

describe('docker-compose.yml and .env.example agree with the config schemas', () => {
  it.each([
    ['api', ApiEnv],
    ['worker', WorkerEnv],
    ['upstream-sim', SimEnv],
  ])('%s sets only variables its schema knows', (service, schema) => {
    const known = variables(schema);
    const unknown = Object.keys(compose.services[service].environment ?? {}).filter(
      (name) => !known.includes(name),
    );
    expect(unknown).toEqual([]);
  });

  it('the api, worker and simulator environments pass their own validation', () => {
    expect(() => loadApiConfig(resolve(compose.services.api.environment))).not.toThrow();
    expect(loadApiConfig(resolve(compose.services.api.environment)).mode).toBe('production');
    expect(() => loadWorkerConfig(resolve(compose.services.worker.environment))).not.toThrow();
    expect(() => loadSimConfig(resolve(compose.services['upstream-sim'].environment))).not.toThrow();
  });

  it('every long-running service has a health check, and the simulator sits behind the sim profile', () => {
    for (const name of ['postgres', 'redis', 'api', 'upstream-sim'])
      expect(compose.services[name].healthcheck).toBeDefined();
    expect(compose.services['upstream-sim'].profiles).toEqual(['sim']);
  });

  it('the commands point at built entry points that exist in the source tree', () => {
    for (const service of ['api', 'worker', 'upstream-sim', 'migrate']) {
      const entry = compose.services[service].command!.find((part) => part.startsWith('dist/'))!;
      const source = entry.replace(/^dist\//, '').replace(/\.js$/, '.ts');
      expect(() => readFileSync(join(root, source))).not.toThrow();
    }
  });

  it('.env.example documents every variable of every app', () => {
    const example = readFileSync(join(root, '.env.example'), 'utf8');
    const documented = new Set([...example.matchAll(/^#?\s*([A-Z][A-Z0-9_]+)=/gm)].map((m) => m[1]));
    const all = new Set([...variables(ApiEnv), ...variables(WorkerEnv), ...variables(SimEnv)]);
    expect([...all].filter((name) => !documented.has(name))).toEqual([]);
  });
});

describe('the Docker image and compose file keep data, and publish only the api', () => {
  const stage = finalStage();
  const env = envOf(stage);
  const dataDir = env.DATA_DIR;

  it('the image writes DATA_DIR to a volume that its unprivileged user owns', () => {
    expect(dataDir).toMatch(/^\/(?!app\b)/); // absolute, and not inside the root-owned /app
    const index = (op: string, test: (args: string) => boolean) =>
      stage.findIndex((step) => step.op === op && test(step.args));
    const created = index('RUN', (args) => args.includes(`mkdir -p ${dataDir}`));
    const chowned = index('RUN', (args) =>
      new RegExp(`chown (-R )?node(:node)? ${dataDir}(\\s|$)`).test(args),
    );
    const volume = index(
      'VOLUME',
      (args) => args.includes(`"${dataDir}"`) || args.split(/\s+/).includes(dataDir),
    );
    const user = stage.map((step) => step.op).lastIndexOf('USER');
    const missing = Object.entries({ created, chowned, volume }).filter(([, at]) => at < 0);
    expect(missing.map(([step]) => step)).toEqual([]);
    expect(stage[user].args).toBe('node');
    expect(Math.max(created, chowned)).toBeLessThan(user);
  });

  it('the image listens on every interface (the container is reached through its published port)', () => {
    expect(env.HOST).toBe('0.0.0.0');
    expect(env.NODE_ENV).toBe('production');
  });

  it('the image installs exactly the lock file (npm ci)', () => {
    const dockerfile = readFileSync(join(root, 'Dockerfile'), 'utf8');
    expect(dockerfile).toMatch(/^RUN npm ci\b/m);
    expect(dockerfile).not.toMatch(/^RUN npm install\b/m);
  });

  it('the lock file is complete: npm ci (the image, the deploy script, the workflow) accepts it', async () => {
    // An optional dependency missing from the lock makes npm ci refuse to install at all.
    const dir = mkdtempSync(join(tmpdir(), 'tiergate-lock-'));
    try {
      for (const file of ['package.json', 'package-lock.json'])
        copyFileSync(join(root, file), join(dir, file));
      await expect(
        run('npm', ['ci', '--dry-run', '--offline', '--ignore-scripts', '--no-audit', '--no-fund'], {
          cwd: dir,
          timeout: 60_000,
        }),
      ).resolves.toBeDefined();
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }, 90_000);

  it('compose mounts a named volume at the api’s DATA_DIR', () => {
    const api = compose.services.api;
    const apiDataDir = api.environment?.DATA_DIR ?? dataDir;
    const mount = api.volumes?.find((volume) => volume.split(':')[1] === apiDataDir);
    expect(mount).toBeDefined();
    expect(Object.keys(compose.volumes ?? {})).toContain(mount!.split(':')[0]);
  });

  it('compose publishes only the api; PostgreSQL, Redis and the simulator stay inside its network', () => {
    const published = Object.entries(compose.services)
      .filter(([, service]) => service.ports?.length)
      .map(([name]) => name);
    expect(published).toEqual(['api']);
    expect(compose.services.api.ports).toEqual(['${PORT:-3000}:3000']);
  });

  it('the optional debugging file publishes on this host’s loopback only', () => {
    const dev = readCompose('docker-compose.dev.yml');
    const ports = Object.values(dev.services).flatMap((service) => service.ports ?? []);
    expect(ports.length).toBeGreaterThan(0);
    for (const port of ports) expect(port).toMatch(/^127\.0\.0\.1:\d+:\d+$/);
  });

  it('Redis persists (AOF, fsync every second) to a named volume', () => {
    const redis = compose.services.redis;
    expect(redis.command?.join(' ')).toMatch(/--appendonly yes/);
    expect(redis.command?.join(' ')).toMatch(/--appendfsync everysec/);
    const mount = redis.volumes?.find((volume) => volume.split(':')[1] === '/data');
    expect(mount).toBeDefined();
    expect(Object.keys(compose.volumes ?? {})).toContain(mount!.split(':')[0]);
  });
});
