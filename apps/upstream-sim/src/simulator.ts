import multipart from '@fastify/multipart';
import Fastify, { FastifyInstance } from 'fastify';
import { catalogResponse } from './catalog';
import { registerRateLimits } from './rate-limits';
import { Fault, FaultParseError, FaultRegistry } from './faults';
import { registerBatchRoutes } from './routes/batch.routes';
import { registerEndpointRoutes } from './routes/endpoint.routes';
import { registerModelUploadRoutes } from './routes/model-upload.routes';
import { registerMediaRoutes } from './routes/media.routes';
import { registerTextRoutes } from './routes/text.routes';
import {
  applyPreContentFault,
  sendError,
  takeFault,
  type SimContext,
  type SimStats,
} from './routes/sim-context';

export type { SimStats } from './routes/sim-context';

export interface SimulatorOptions {
  logger?: boolean | { level: string };
}

export interface Simulator {
  app: FastifyInstance;
  faults: FaultRegistry;
  stats: SimStats;
}

export function buildSimulator(options: SimulatorOptions = {}): Simulator {
  const app = Fastify({
    logger: options.logger ?? false,
    forceCloseConnections: true,
    bodyLimit: 100 * 1024 * 1024,
  });
  void app.register(multipart);
  const faults = new FaultRegistry();
  const stats: SimStats = { requests: 0, byPath: {}, streamsAbandoned: 0, keysSeen: {}, byModel: {} };
  const context: SimContext = { app, faults, stats, files: new Map(), customModels: [] };
  /** Keys the "account" has revoked: refused with 401 like any invalid key. */
  const revokedKeys = new Set<string>();

  app.addHook('onRequest', async (request, reply) => {
    const path = request.url.split('?')[0];
    if (path.startsWith('/_sim')) return;
    stats.requests += 1;
    stats.byPath[path] = (stats.byPath[path] ?? 0) + 1;
    const auth = request.headers.authorization;
    const key = auth?.startsWith('Bearer ') ? auth.slice(7).trim() : '';
    stats.keysSeen[key.slice(-4)] = (stats.keysSeen[key.slice(-4)] ?? 0) + 1;
    if (!key || key.startsWith('invalid') || revokedKeys.has(key)) {
      await sendError(
        reply,
        401,
        'Invalid API key provided. You can find your API key at https://api.together.xyz/settings/api-keys.',
        'invalid_request_error',
        'invalid_api_key',
      );
    }
  });

  registerRateLimits(app);

  app.get('/v1/models', async (request, reply) => {
    const fault = takeFault(context, request, reply, undefined);
    if (await applyPreContentFault(fault, request, reply)) return reply;
    return catalogResponse();
  });
  registerTextRoutes(context);
  registerMediaRoutes(context);
  registerBatchRoutes(context);
  registerEndpointRoutes(context);
  registerModelUploadRoutes(context);
  registerControl(app, faults, stats, revokedKeys);

  app.setNotFoundHandler((request, reply) =>
    sendError(
      reply,
      404,
      `Unknown path ${request.method} ${request.url}`,
      'invalid_request_error',
      'not_found',
    ),
  );
  app.setErrorHandler((error: { statusCode?: number; message: string }, _request, reply) =>
    sendError(
      reply,
      error.statusCode && error.statusCode < 500 ? error.statusCode : 500,
      error.message,
      'invalid_request_error',
      null,
    ),
  );

  return { app, faults, stats };
}

/** The control endpoint: arm faults for calls that come through the gateway, read counters. */
function registerControl(
  app: FastifyInstance,
  faults: FaultRegistry,
  stats: Simulator['stats'],
  revokedKeys: Set<string>,
) {
  // Revoke keys at the "provider": later calls with them get 401 invalid_api_key.
  app.post('/_sim/keys/revoke', async (request, reply) => {
    const key = (request.body as { key?: unknown } | undefined)?.key;
    if (typeof key !== 'string' || !key)
      return sendError(reply, 400, 'key (string) is required', 'invalid_request_error', 'invalid_key');
    revokedKeys.add(key);
    return reply.code(204).send();
  });
  app.post('/_sim/faults', async (request, reply) => {
    const body = (request.body ?? {}) as Record<string, unknown>;
    const num = (v: unknown) => (typeof v === 'number' ? v : undefined);
    try {
      const id = faults.arm(
        {
          kind: body.kind as Fault['kind'],
          status: num(body.status),
          latencyMs: num(body.latency_ms),
          afterChunks: num(body.after_chunks),
          retryAfter: num(body.retry_after),
          model: typeof body.model === 'string' ? body.model : undefined,
        },
        num(body.count) ?? 1,
        typeof body.path === 'string' ? body.path : undefined,
      );
      return reply.code(201).send({ id });
    } catch (error) {
      if (error instanceof FaultParseError)
        return sendError(reply, 400, error.message, 'invalid_request_error', 'invalid_fault');
      throw error;
    }
  });
  app.get('/_sim/faults', () => ({ faults: faults.list() }));
  app.delete('/_sim/faults', async (_request, reply) => {
    faults.clear();
    return reply.code(204).send();
  });
  app.get('/_sim/stats', () => stats);
  app.post('/_sim/reset', async (_request, reply) => {
    faults.clear();
    stats.requests = 0;
    stats.byPath = {};
    stats.streamsAbandoned = 0;
    stats.keysSeen = {};
    stats.byModel = {};
    revokedKeys.clear();
    return reply.code(204).send();
  });
}

/** Starts a simulator; port 0 picks a free port. Resolves with its base URL (ending in /v1). */
export async function startSimulator(port = 0, host = '127.0.0.1', options: SimulatorOptions = {}) {
  const simulator = buildSimulator(options);
  await simulator.app.listen({ port, host });
  const address = simulator.app.server.address();
  const actualPort = typeof address === 'object' && address ? address.port : port;
  return {
    ...simulator,
    port: actualPort,
    baseUrl: `http://${host}:${actualPort}/v1`,
    close: () => simulator.app.close(),
  };
}
