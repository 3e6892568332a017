import { ChildProcess, spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { processEnv } from '@tiergate/config';

const START_TIMEOUT_MS = 15_000;

/**
 * Embedded mode without TOGETHER_API_KEY: starts apps/upstream-sim as a child process on SIM_PORT
 * and resolves once it listens. The child is stopped when the api exits.
 */
export function launchEmbeddedSimulator(port: number): Promise<ChildProcess> {
  const entry = join(__dirname, '..', '..', '..', 'upstream-sim', 'src', 'main.js');
  if (!existsSync(entry)) {
    return Promise.reject(new Error(`the simulator is not built (${entry} is missing); run npm run build`));
  }
  const child = spawn(process.execPath, [entry], {
    env: { ...processEnv(), SIM_PORT: String(port), LOG_LEVEL: 'warn' },
    // The IPC channel closes however the api ends (even SIGKILL); the simulator exits with it.
    stdio: ['ignore', 'pipe', 'inherit', 'ipc'],
  });
  const stop = () => child.kill('SIGTERM');
  process.once('exit', stop);

  return new Promise((resolve, reject) => {
    const timer = setTimeout(
      () => fail(new Error(`the simulator did not start within ${START_TIMEOUT_MS} ms`)),
      START_TIMEOUT_MS,
    );
    function fail(error: Error) {
      clearTimeout(timer);
      stop();
      reject(error);
    }
    child.stdout!.on('data', (chunk: Buffer) => {
      if (chunk.toString().includes('listening on')) {
        clearTimeout(timer);
        resolve(child);
      }
    });
    child.once('exit', (code) =>
      fail(
        new Error(
          `the simulator exited with code ${code} (is SIM_PORT ${port} already in use? set SIM_PORT)`,
        ),
      ),
    );
  });
}
