import { createServer } from 'node:net';

const LOOPBACK = '127.0.0.1';

/**
 * Binds `port` on loopback for a moment and lets it go: the port bound (for 0, the one the system
 * picked), or undefined when the port is taken.
 */
export function tryListen(port: number): Promise<number | undefined> {
  return new Promise((resolve) => {
    const server = createServer();
    server.once('error', () => resolve(undefined));
    server.listen(port, LOOPBACK, () => {
      const { port: bound } = server.address() as { port: number };
      server.close(() => resolve(bound));
    });
  });
}

/** A loopback port free right now, for a process the test starts and that binds the port itself. */
export async function freePort(): Promise<number> {
  const port = await tryListen(0);
  if (!port) throw new Error('no free port on 127.0.0.1');
  return port;
}
