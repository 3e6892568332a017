import type { Logger } from '@nestjs/common';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import type { FastifyInstance } from 'fastify';

const draining = new WeakSet<FastifyInstance>();

/**
 * Registered before the server listens: while the process drains, every response says
 * `Connection: close`, so keep-alive clients move to a fresh connection (the new process).
 */
export function addDrainHook(fastify: FastifyInstance): void {
  fastify.addHook('onRequest', (_request, reply, done) => {
    if (draining.has(fastify)) void reply.header('connection', 'close');
    done();
  });
}

/**
 * Zero-downtime stops (pm2 reload, rolling deploys): on SIGINT or SIGTERM the api keeps
 * answering for a grace period, then closes: no new connections, idle ones closed, requests in
 * flight finished, then the database and Redis.
 */
export function installGracefulShutdown(app: NestFastifyApplication, logger: Logger, graceMs: number): void {
  const fastify = app.getHttpAdapter().getInstance();
  const stop = (signal: NodeJS.Signals) => {
    if (draining.has(fastify)) return;
    draining.add(fastify);
    logger.log(`${signal}: draining for ${graceMs} ms, then closing`);
    setTimeout(() => {
      const deadline = setTimeout(() => process.exit(1), 15_000).unref();
      app.close().then(
        () => {
          clearTimeout(deadline);
          process.exit(0);
        },
        (error: Error) => {
          logger.error(`shutdown failed: ${error.message}`);
          process.exit(1);
        },
      );
    }, graceMs);
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}
