import { ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { waitFor } from '@tiergate/testing';
import { sseEvents } from './support/test-api';

const ENTRY = join(__dirname, '..', '..', '..', 'dist', 'apps', 'api', 'src', 'main.js');

function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const server = createServer().listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

/** Starts `node dist/apps/api/src/main.js` with no DATABASE_URL, REDIS_URL or TOGETHER_API_KEY. */
async function startEmbedded(dataDir: string, port: number, simPort: number) {
  let output = '';
  const child = spawn(process.execPath, [ENTRY], {
    env: {
      PATH: process.env.PATH,
      HOME: process.env.HOME,
      PORT: String(port),
      SIM_PORT: String(simPort),
      DATA_DIR: dataDir,
      LOG_LEVEL: 'info',
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

    const base = `http://127.0.0.1:${port}`;
    const post = (path: string, body: unknown, token?: string) =>
      fetch(base + path, {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          ...(token ? { authorization: `Bearer ${token}` } : {}),
        },
        body: JSON.stringify(body),
      });

    expect(
      (await post('/api/v1/auth/register', { email: 'new@example.com', password: 'password-123' })).status,
    ).toBe(201);
    const { access_token } = (await (
      await post('/api/v1/auth/login', { email: 'new@example.com', password: 'password-123' })
    ).json()) as { access_token: string };
    const chat = await post(
      '/api/v1/together/chat/completions',
      { messages: [{ role: 'user', content: 'Hello' }] },
      access_token,
    );
    expect(chat.status).toBe(200);
    expect(await chat.json()).toMatchObject({ message: { role: 'assistant' }, provider: 'together_ai' });
    const stream = await post(
      '/api/v1/together/chat/completions',
      { messages: [{ role: 'user', content: 'Hello' }], stream: true },
      access_token,
    );
    expect(sseEvents(await stream.text()).at(-1)).toBe('[DONE]');

    const admin = await post('/api/v1/auth/login', { email: 'admin@tiergate.local', password });
    expect(admin.status).toBe(200);
    expect((await fetch(`${base}/health/ready`)).status).toBe(200);
    await stop(running.child);

    // A restart keeps the data and the secrets, and prints no new admin password.
    running = await startEmbedded(dataDir, port, simPort);
    expect(running.output()).not.toContain('Generated password');
    const again = await post('/api/v1/auth/login', { email: 'new@example.com', password: 'password-123' });
    expect(again.status).toBe(200);
    const me = await fetch(`${base}/api/v1/me`, { headers: { authorization: `Bearer ${access_token}` } });
    expect(me.status).toBe(200);
  });
});
