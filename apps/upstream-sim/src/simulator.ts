import { setTimeout as sleep } from 'node:timers/promises';
import Fastify, { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { catalogResponse, findModel } from './catalog';
import { completionWords, countPromptTokens, directives, type ChatLikeMessage } from './content';
import { Fault, FaultParseError, FaultRegistry, parseFaultHeader } from './faults';
import { chatChunk, chatCompletion, errorBody, finalChatChunk, togetherId, usage } from './together-shapes';

export interface SimulatorOptions {
  logger?: boolean | { level: string };
}

export interface Simulator {
  app: FastifyInstance;
  faults: FaultRegistry;
  stats: SimStats;
}

export interface SimStats {
  requests: number;
  byPath: Record<string, number>;
  /** Streams whose client went away before the end. */
  streamsAbandoned: number;
}

interface ChatBody {
  model?: unknown;
  messages?: unknown;
  max_tokens?: unknown;
  stream?: unknown;
  seed?: unknown;
}

const CHAT_PATH = '/v1/chat/completions';

function sendError(
  reply: FastifyReply,
  status: number,
  message: string,
  type: string,
  code: string | null,
  param: string | null = null,
) {
  return reply.code(status).send(errorBody(message, type, code, param));
}

/** Answers the fault kinds that apply before any content: error, hang, reset, latency. */
async function applyPreContentFault(
  fault: Fault | undefined,
  request: FastifyRequest,
  reply: FastifyReply,
): Promise<boolean> {
  if (!fault) return false;
  switch (fault.kind) {
    case 'error': {
      const status = fault.status ?? 500;
      if (status === 429 || status === 503) {
        const reset = String(fault.retryAfter ?? 1);
        reply.headers({
          'x-ratelimit-limit': '10',
          'x-ratelimit-remaining': '0',
          'x-ratelimit-reset': reset,
          'x-tokenlimit-limit': '20000',
          'x-tokenlimit-remaining': '0',
        });
        if (fault.retryAfter !== undefined) reply.header('retry-after', String(fault.retryAfter));
      }
      const [type, code, message] =
        status === 429
          ? [
              'rate_limit_exceeded',
              'rate_limit_exceeded',
              'You have been rate limited. Your rate limit is 600 queries per minute.',
            ]
          : status === 503
            ? ['service_unavailable', 'service_unavailable', 'The server is overloaded or not ready yet.']
            : status >= 500
              ? ['server_error', 'internal_error', 'Internal server error']
              : ['invalid_request_error', 'invalid_request', 'Simulated client error'];
      await sendError(reply, status, message, type, code);
      return true;
    }
    case 'hang':
      reply.hijack(); // never answer; the connection is closed by the client or at shutdown
      return true;
    case 'reset':
      reply.hijack();
      request.raw.socket.destroy();
      return true;
    case 'latency':
      await sleep(fault.latencyMs ?? 0);
      return false;
    default:
      return false;
  }
}

async function writeChunk(raw: FastifyReply['raw'], data: string): Promise<void> {
  if (!raw.write(`data: ${data}\n\n`)) await new Promise((resolve) => raw.once('drain', resolve));
}

async function streamChat(
  reply: FastifyReply,
  model: string,
  words: string[],
  finish: string,
  counts: ReturnType<typeof usage>,
  fault: Fault | undefined,
  delayMs: number,
  stats: SimStats,
) {
  reply.hijack();
  const raw = reply.raw;
  raw.writeHead(200, {
    'content-type': 'text/event-stream;charset=utf-8',
    'cache-control': 'no-cache',
    connection: 'keep-alive',
  });
  const id = togetherId();
  const created = Math.floor(Date.now() / 1000);
  let closed = false;
  raw.once('close', () => {
    closed = true;
    if (!raw.writableFinished && fault?.kind !== 'cut') stats.streamsAbandoned += 1;
  });
  for (let i = 0; i < words.length && !closed; i++) {
    if (fault && i === (fault.afterChunks ?? 0)) {
      if (fault.kind === 'cut') {
        await sleep(50); // let the chunks already written reach the client first
        return raw.destroy();
      }
      if (fault.kind === 'stall') return; // keep the connection open, send nothing more
      if (fault.kind === 'malformed') await writeChunk(raw, '{"id": "broken", "choices": [');
    }
    await writeChunk(raw, JSON.stringify(chatChunk(id, created, model, words[i], 1000 + i)));
    if (delayMs > 0) await sleep(delayMs);
  }
  if (closed) return;
  await writeChunk(raw, JSON.stringify(finalChatChunk(id, created, model, finish, counts)));
  if (fault?.kind !== 'no_done') await writeChunk(raw, '[DONE]');
  raw.end();
}

export function buildSimulator(options: SimulatorOptions = {}): Simulator {
  const app = Fastify({
    logger: options.logger ?? false,
    forceCloseConnections: true,
    bodyLimit: 100 * 1024 * 1024,
  });
  const faults = new FaultRegistry();
  const stats: SimStats = { requests: 0, byPath: {}, streamsAbandoned: 0 };

  app.addHook('onRequest', async (request, reply) => {
    const path = request.url.split('?')[0];
    if (path.startsWith('/_sim')) return;
    stats.requests += 1;
    stats.byPath[path] = (stats.byPath[path] ?? 0) + 1;
    const auth = request.headers.authorization;
    const key = auth?.startsWith('Bearer ') ? auth.slice(7).trim() : '';
    if (!key || key.startsWith('invalid')) {
      await sendError(
        reply,
        401,
        'Invalid API key provided. You can find your API key at https://api.together.xyz/settings/api-keys.',
        'invalid_request_error',
        'invalid_api_key',
      );
    }
  });

  app.get('/v1/models', async (request, reply) => {
    const fault = headerFault(request, reply) ?? faults.take(undefined, '/v1/models');
    if (reply.sent || (await applyPreContentFault(fault, request, reply))) return reply;
    return catalogResponse();
  });

  app.post(CHAT_PATH, async (request, reply) => {
    const body = (request.body ?? {}) as ChatBody;
    const fault =
      headerFault(request, reply) ??
      faults.take(typeof body.model === 'string' ? body.model : undefined, CHAT_PATH);
    if (reply.sent || (await applyPreContentFault(fault, request, reply))) return reply;
    if (typeof body.model !== 'string')
      return sendError(reply, 400, 'model is required', 'invalid_request_error', 'invalid_params', 'model');
    const model = findModel(body.model);
    if (!model || !['chat', 'code', 'language'].includes(model.type)) {
      return sendError(
        reply,
        400,
        `Unable to access non-serverless model ${body.model}. Please visit https://api.together.ai/models to view the list of supported models.`,
        'invalid_request_error',
        'model_not_available',
      );
    }
    if (!Array.isArray(body.messages) || body.messages.length === 0) {
      return sendError(
        reply,
        400,
        'messages must be a non-empty array',
        'invalid_request_error',
        'invalid_params',
        'messages',
      );
    }
    const messages = body.messages as ChatLikeMessage[];
    const maxTokens = typeof body.max_tokens === 'number' ? body.max_tokens : undefined;
    const { words, truncated } = completionWords(
      messages,
      maxTokens,
      typeof body.seed === 'number' ? String(body.seed) : '',
    );
    const counts = usage(countPromptTokens(messages), words.length);
    const finish = truncated ? 'length' : 'stop';
    if (body.stream === true) {
      return streamChat(
        reply,
        model.id,
        words,
        finish,
        counts,
        fault,
        directives(messages).delayMs ?? 0,
        stats,
      );
    }
    if (fault?.kind === 'stall') return reply.hijack();
    if (fault?.kind === 'cut') {
      reply.hijack();
      reply.raw.writeHead(200, { 'content-type': 'application/json' });
      reply.raw.write('{"id": "');
      return reply.raw.destroy();
    }
    if (fault?.kind === 'malformed') return reply.type('application/json').send('{"id": "broken", ');
    return chatCompletion(togetherId(), model.id, words.join(''), finish, counts);
  });

  registerControl(app, faults, stats);

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

  function headerFault(request: FastifyRequest, reply: FastifyReply): Fault | undefined {
    const header = request.headers['x-sim-fault'];
    if (typeof header !== 'string' || header === '') return undefined;
    try {
      return parseFaultHeader(header);
    } catch (error) {
      void sendError(
        reply,
        400,
        `x-sim-fault: ${(error as Error).message}`,
        'invalid_request_error',
        'invalid_fault',
      );
      return undefined;
    }
  }

  return { app, faults, stats };
}

/** The control endpoint: arm faults for calls that come through the gateway, read counters. */
function registerControl(app: FastifyInstance, faults: FaultRegistry, stats: Simulator['stats']) {
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
