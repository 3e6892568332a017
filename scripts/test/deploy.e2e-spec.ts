import { execFile, spawn } from 'node:child_process';
import { existsSync, readdirSync, readlinkSync, writeFileSync } from 'node:fs';
import { basename, join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { ApiTestClient, freePort, TestInfrastructure } from '@tiergate/testing';
import { startSimulator } from '../../apps/upstream-sim/src/simulator';

const REPO = resolve(__dirname, '../..');
const SCRIPT = join(REPO, 'scripts/deploy_together_ai.sh');
const run = promisify(execFile);

/** Runs the deploy script; resolves with its exit code and output (never rejects). */
function deploy(args: string[], env: Record<string, string> = {}): Promise<{ code: number; output: string }> {
  return new Promise((done) => {
    const child = spawn('bash', [SCRIPT, ...args], {
      cwd: REPO,
      env: {
        ...process.env,
        DEPLOY_SKIP_TYPECHECK: '1',
        API_INSTANCES: '2',
        DEPLOY_HEALTH_TIMEOUT: '30',
        ...env,
      },
    });
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.on('close', (code) => done({ code: code ?? -1, output }));
  });
}

describe('scripts/deploy_together_ai.sh (e2e: real deploys into a temporary directory)', () => {
  /** The deploys' database and Redis namespace; its data directory holds the env files and `root/`. */
  let stores: TestInfrastructure;
  let sim: Awaited<ReturnType<typeof startSimulator>>;
  let root: string;
  let port: number;
  let api: ApiTestClient;
  let envFile: string;
  let badEnvFile: string;
  const current = () => basename(readlinkSync(join(root, 'root', 'current')));
  const releases = () =>
    readdirSync(join(root, 'root', 'releases'))
      .filter((name) => name.startsWith('tiergate-'))
      .sort();
  let token: string;

  /** The status of a chat through the deployed api; 0 when the connection fails. */
  const chat = () =>
    api
      .post(
        '/api/v1/together/chat/completions',
        { messages: [{ role: 'user', content: 'hello' }], max_tokens: 4 },
        token,
      )
      .then(
        (r) => r.status,
        () => 0,
      );

  beforeAll(async () => {
    [stores, sim, port] = await Promise.all([TestInfrastructure.create(), startSimulator(0), freePort()]);
    root = stores.dataDir;
    api = new ApiTestClient(`http://127.0.0.1:${port}`);
    const settings = (upstream: string) =>
      [
        `DATABASE_URL=${stores.db.url}`,
        `REDIS_URL=${stores.redis.url}`,
        `REDIS_KEY_PREFIX=${stores.redis.prefix}`,
        'JWT_SECRET=deploy-test-secret-deploy-test-secret-0000',
        `ENCRYPTION_KEY=${'e'.repeat(64)}`,
        'TOGETHER_API_KEY=deploy-test-key-0001',
        `TOGETHER_BASE_URL=${upstream}`,
        'ADMIN_EMAIL=admin@deploy.test',
        'ADMIN_PASSWORD=deploy-admin-password',
        `PORT=${port}`,
        'LOG_LEVEL=warn',
      ].join('\n') + '\n';
    envFile = join(root, 'development.env');
    writeFileSync(envFile, settings(sim.baseUrl));
    // Readiness checks the upstream: this release can never pass its health check.
    badEnvFile = join(root, 'broken.env');
    writeFileSync(badEnvFile, settings('http://127.0.0.1:9/v1'));
  });

  afterAll(async () => {
    await run(join(REPO, 'node_modules/.bin/pm2'), ['kill'], {
      env: { ...process.env, PM2_HOME: join(root, 'root/pm2') },
    }).catch(() => undefined);
    await sim.close();
    await stores.close();
  });

  const target = () => ['--environment', 'development', '--env-file', envFile, '--root', join(root, 'root')];

  it('passes shellcheck, and the workflow passes the GitHub Actions validator', async () => {
    await expect(run('shellcheck', [SCRIPT])).resolves.toBeDefined();
    await expect(
      run(join(REPO, 'node_modules/.bin/action-validator'), [
        join(REPO, '.github/workflows/together-ai.yml'),
      ]),
    ).resolves.toBeDefined();
  });

  it('explains itself, and refuses what it must', async () => {
    expect((await deploy(['--help'])).output).toContain('--environment development|staging|production');
    const missing = await deploy([]);
    expect(missing.code).not.toBe(0);
    expect(missing.output).toContain('--environment is required');
    const unknown = await deploy(['--environment', 'moon']);
    expect(unknown.output).toContain('must be development, staging or production');
    const production = await deploy(['--environment', 'production', '--root', join(root, 'prod')], {
      CI: '',
    });
    expect(production.code).not.toBe(0);
    expect(production.output).toContain('production needs --yes');
  });

  it('--dry-run prints every step and changes nothing', async () => {
    const dry = await deploy([...target(), '--dry-run']);
    expect(dry.code).toBe(0);
    for (const step of ['preflight', 'package', 'migrate', 'switch', 'processes', 'health'])
      expect(dry.output).toContain(`step ${step}: started`);
    expect(dry.output).toContain('[dry-run] pm2 startOrReload');
    expect(existsSync(join(root, 'root', 'current'))).toBe(false);
    expect(existsSync(join(root, 'root', 'releases'))).toBe(false);
  });

  it('the first release comes up healthy and serves a chat through the simulator', async () => {
    const first = await deploy(target());
    expect(first.output).toMatch(/deployed tiergate-0\.1\.0-\w+-\d{14}/);
    expect(first.code).toBe(0);
    expect(first.output).toMatch(/step migrate: done in \d+ s/);
    expect(releases()).toHaveLength(1);
    const packages = readdirSync(join(root, 'root', 'packages'));
    expect(packages).toEqual(expect.arrayContaining([`${current()}.tar.gz`, `${current()}.tar.gz.sha256`]));
    expect((await api.get('/health/ready')).status).toBe(200);
    token = await api.signIn('admin@deploy.test', 'deploy-admin-password');
    expect(await chat()).toBe(200);
  }, 120_000);

  it('a second release deploys with no failed request during the switch', async () => {
    const firstRelease = current();
    let running = true;
    const statuses: number[] = [];
    const loop = (async () => {
      while (running) statuses.push(await chat());
    })();
    const second = await deploy(target());
    running = false;
    await loop;
    expect(second.code).toBe(0);
    expect(current()).not.toBe(firstRelease);
    expect(second.output).toContain('dependencies unchanged: hard-linking them');
    expect(statuses.length).toBeGreaterThan(10);
    expect(statuses.filter((status) => status !== 200)).toEqual([]);
  }, 120_000);

  it('a third release that fails its health check rolls back to the second, which keeps serving', async () => {
    const secondRelease = current();
    const third = await deploy(
      ['--environment', 'development', '--env-file', badEnvFile, '--root', join(root, 'root')],
      {
        DEPLOY_HEALTH_TIMEOUT: '8',
      },
    );
    expect(third.code).not.toBe(0);
    expect(third.output).toContain(`rolled back to ${secondRelease}, which is serving`);
    expect(current()).toBe(secondRelease);
    expect(await chat()).toBe(200);
    expect(readdirSync(join(root, 'root', 'releases')).some((name) => name.startsWith('failed-'))).toBe(true);
  }, 120_000);

  it('--rollback returns to the release before the current one', async () => {
    const [firstRelease, secondRelease] = releases();
    expect(current()).toBe(secondRelease);
    const back = await deploy([...target(), '--rollback']);
    expect(back.code).toBe(0);
    expect(current()).toBe(firstRelease);
    expect((await api.get('/health/ready')).status).toBe(200);
    expect(await chat()).toBe(200);
  }, 120_000);
});
