import { ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ApiTestClient, freePort, sseEvents, waitFor } from '@tiergate/testing';
import { startSimulator } from '../../upstream-sim/src/simulator';

const ENTRY = join(__dirname, '..', '..', '..', 'dist', 'apps', 'api', 'src', 'main.js');

/**
 * Starts `node dist/apps/api/src/main.js` with no DATABASE_URL, REDIS_URL or TOGETHER_API_KEY in
 * its environment (`cwd`: where it looks for a .env file).
 */
async function startEmbedded(
  dataDir: string,
  port: number,
  simPort: number,
  options: { cwd?: string; env?: Record<string, string> } = {},
) {
  let output = '';
  const child = spawn(process.execPath, [ENTRY], {
    cwd: options.cwd,
    env: {
      PATH: process.env.PATH,
      HOME: process.env.HOME,
      PORT: String(port),
      SIM_PORT: String(simPort),
      DATA_DIR: dataDir,
      LOG_LEVEL: 'info',
      ...options.env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
  await waitFor(
    () =>
      output.includes('Listening on')
        ? true
        : child.exitCode !== null
          ? Promise.reject(new Error(output))
          : undefined,
    60_000,
    'the embedded api',
  );
  return { child, output: () => output };
}

async function stop(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise((resolve) => child.once('exit', resolve));
  child.kill('SIGTERM');
  await exited;
}

/** The local addresses listening on a TCP port, as the kernel reports them (hex, e.g. 0100007F). */
function listenersOn(port: number): string[] {
  const hexPort = port.toString(16).toUpperCase().padStart(4, '0');
  return ['/proc/net/tcp', '/proc/net/tcp6'].flatMap((file) =>
    readFileSync(file, 'utf8')
      .split('\n')
      .slice(1)
      .map((line) => line.trim().split(/\s+/))
      .filter(([, local, , state]) => state === '0A' && local?.endsWith(`:${hexPort}`))
      .map(([, local]) => local.split(':')[0]),
  );
}

describe('embedded mode: npm start on a bare machine (e2e)', () => {
  jest.setTimeout(120_000);
  const dataDir = mkdtempSync(join(tmpdir(), 'tiergate-embedded-'));
  let running: Awaited<ReturnType<typeof startEmbedded>> | undefined;

  afterAll(async () => {
    if (running) await stop(running.child);
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('starts PGlite and the simulator, says so, and completes the curl walk-through', async () => {
    const [port, simPort] = [await freePort(), await freePort()];
    running = await startEmbedded(dataDir, port, simPort);
    const log = running.output();
    expect(log).toContain('Embedded mode');
    expect(log).toContain(`local upstream simulator at http://127.0.0.1:${simPort}/v1`);
    const password = /Generated password[^:]*: (\S+)/.exec(log)?.[1];
    expect(password).toBeDefined();
    // Loopback only, and the log says where it really listens (no "localhost" for another address).
    expect(listenersOn(port)).toEqual(['0100007F']);
    expect(log).toContain(`Listening on 127.0.0.1:${port} (this machine only`);
    expect(log).toContain(`the dashboard at http://127.0.0.1:${port},`);
    expect(log).not.toContain('METRICS_TOKEN is not set');

    const api = new ApiTestClient(`http://127.0.0.1:${port}`);
    expect(
      (await api.post('/api/v1/auth/register', { email: 'new@example.com', password: 'password-123' }))
        .status,
    ).toBe(201);
    const token = await api.signIn('new@example.com', 'password-123');
    const chat = await api.post(
      '/api/v1/together/chat/completions',
      { messages: [{ role: 'user', content: 'Hello' }] },
      token,
    );
    expect(chat.status).toBe(200);
    expect(chat.body).toMatchObject({ message: { role: 'assistant' }, provider: 'together_ai' });
    const stream = await api.post(
      '/api/v1/together/chat/completions',
      { messages: [{ role: 'user', content: 'Hello' }], stream: true },
      token,
    );
    expect(sseEvents(stream.text).at(-1)).toBe('[DONE]');
    // A stored Responses API answer (PGlite's jsonb), continued by the next request.
    const first = await api.post('/v1/responses', { input: 'Remember apple' }, token);
    expect(first.body).toMatchObject({ status: 'completed', store: true });
    const next = await api.post(
      '/v1/responses',
      { input: 'Which?', previous_response_id: first.body.id },
      token,
    );
    expect(next.body).toMatchObject({ status: 'completed', previous_response_id: first.body.id });
    expect(next.body.usage.input_tokens).toBeGreaterThan(first.body.usage.input_tokens);

    const admin = await api.post('/api/v1/auth/login', { email: 'admin@tiergate.local', password });
    expect(admin.status).toBe(200);
    expect((await api.get('/health/ready')).status).toBe(200);
    // Embedded mode on loopback keeps /metrics open to this machine.
    expect((await api.get('/metrics')).status).toBe(200);
    await stop(running.child);

    // A restart keeps the data and the secrets, and prints no new admin password.
    running = await startEmbedded(dataDir, port, simPort);
    expect(running.output()).not.toContain('Generated password');
    const again = await api.post('/api/v1/auth/login', {
      email: 'new@example.com',
      password: 'password-123',
    });
    expect(again.status).toBe(200);
    expect((await api.get('/api/v1/me', token)).status).toBe(200);
  });
});

describe('embedded mode given a real TOGETHER_API_KEY later, in a .env file (e2e)', () => {
  jest.setTimeout(180_000);
  const dataDir = mkdtempSync(join(tmpdir(), 'tiergate-embedded-'));
  const envDir = mkdtempSync(join(tmpdir(), 'tiergate-dotenv-'));
  const REAL_KEY = 'together-real-key-9876';
  let sim: Awaited<ReturnType<typeof startSimulator>> | undefined;
  let running: Awaited<ReturnType<typeof startEmbedded>> | undefined;

  afterAll(async () => {
    if (running) await stop(running.child);
    await sim?.close();
    rmSync(dataDir, { recursive: true, force: true });
    rmSync(envDir, { recursive: true, force: true });
  });

  it('reads .env (the environment first), retires the placeholder key once and listens where HOST says', async () => {
    const [port, simPort, otherPort] = [await freePort(), await freePort(), await freePort()];
    running = await startEmbedded(dataDir, port, simPort);
    const password = /Generated password[^:]*: (\S+)/.exec(running.output())![1];
    await stop(running.child);

    // The operator copies .env.example to .env and fills in a real key; PORT stays in the environment.
    sim = await startSimulator(0);
    writeFileSync(
      join(envDir, '.env'),
      [
        `TOGETHER_API_KEY=${REAL_KEY}`,
        `TOGETHER_BASE_URL=${sim.baseUrl}`,
        'HOST=0.0.0.0',
        `PORT=${otherPort}`,
      ].join('\n'),
    );
    running = await startEmbedded(dataDir, port, simPort, { cwd: envDir });
    const log = running.output();
    expect(log).toContain(`Upstream: Together AI at ${sim.baseUrl}`);
    expect(log).not.toContain('local upstream simulator');
    expect(log).toContain(`Listening on 0.0.0.0:${port} (every network interface)`);
    expect(log).toContain(`the dashboard at http://127.0.0.1:${port},`);
    expect(listenersOn(port)).toEqual(['00000000']);
    expect(log).toContain('METRICS_TOKEN is not set');

    const api = new ApiTestClient(`http://127.0.0.1:${port}`);
    // Reachable from other machines now, so /metrics is off without a token.
    expect((await api.get('/metrics')).status).toBe(404);
    const admin = await api.signIn('admin@tiergate.local', password);
    const { data: keys } = (
      await api.get<{
        data: Array<{ id: string; key_hint: string; status: string; status_reason: string | null }>;
      }>('/api/v1/admin/provider-keys', admin)
    ).body;
    const placeholder = keys.find((key) => key.key_hint === '…-key')!;
    expect(placeholder).toMatchObject({
      status: 'retired',
      status_reason: expect.stringContaining('placeholder'),
    });
    expect(keys.find((key) => key.key_hint === '…9876')).toMatchObject({ status: 'active' });

    expect(
      (await api.post('/api/v1/auth/register', { email: 'op@example.com', password: 'password-123' })).status,
    ).toBe(201);
    const user = await api.signIn('op@example.com', 'password-123');
    for (let i = 0; i < 4; i++) {
      const chat = await api.post(
        '/api/v1/together/chat/completions',
        { messages: [{ role: 'user', content: 'Hi' }] },
        user,
      );
      expect(chat.status).toBe(200);
    }
    // Every upstream call went out with the real key, none with the placeholder.
    expect(sim.stats.keysSeen).toEqual({ '9876': expect.any(Number) });

    const retirements = async () =>
      (
        await api.get<{ data: Array<{ target_id: string | null; actor_email: string }> }>(
          `/api/v1/admin/audit?action=provider_key.retire&target_id=${placeholder.id}`,
          admin,
        )
      ).body.data;
    expect(await retirements()).toEqual([
      expect.objectContaining({ target_id: placeholder.id, actor_email: 'system' }),
    ]);
    await stop(running.child);

    // Once: a later start finds nothing left to retire.
    running = await startEmbedded(dataDir, port, simPort, { cwd: envDir });
    const adminAgain = await api.signIn('admin@tiergate.local', password);
    const entries = await api.get('/api/v1/admin/audit?action=provider_key.retire', adminAgain);
    expect(entries.body.data).toHaveLength(1);
  });
});
