import { setTimeout as sleep } from 'node:timers/promises';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { Fault, FaultParseError, FaultRegistry, parseFaultHeader } from '../faults';
import { findModel, type SimModel } from '../catalog';
import { errorBody } from '../together-shapes';

export interface SimStats {
  requests: number;
  byPath: Record<string, number>;
  /** Streams whose client went away before the end. */
  streamsAbandoned: number;
  /** Requests per API key, by the key's last four characters (which key served what). */
  keysSeen: Record<string, number>;
  /** Requests per model named in the body. */
  byModel: Record<string, number>;
}

/** What every route needs: the app, the armed faults and the counters. */
export interface SimContext {
  app: FastifyInstance;
  faults: FaultRegistry;
  stats: SimStats;
  /** Generated files served back for `response_format: url` answers. */
  files: Map<string, { body: Buffer; contentType: string }>;
  /** Models beyond the catalog (dedicated endpoints, uploaded models), asked in turn. */
  customModels: CustomModelSource[];
}

/** A served custom model, `not_running` for a known endpoint that is not STARTED, else undefined. */
export type CustomModelSource = (id: string) => SimModel | 'not_running' | undefined;

/** The custom model named `id`, if a source knows it. */
export function customModel(context: SimContext, id: unknown): SimModel | 'not_running' | undefined {
  if (typeof id !== 'string') return undefined;
  for (const source of context.customModels) {
    const found = source(id);
    if (found) return found;
  }
  return undefined;
}

/** Together's answer for a dedicated endpoint that is not running (reference §9.1). */
export function endpointNotRunning(reply: FastifyReply, model: string) {
  return sendError(
    reply,
    400,
    `The dedicated endpoint for ${model} is not running. Start it and try again.`,
    'invalid_request_error',
    'dedicated_endpoint_not_running',
  );
}

export function sendError(
  reply: FastifyReply,
  status: number,
  message: string,
  type: string,
  code: string | null,
  param: string | null = null,
) {
  return reply.code(status).send(errorBody(message, type, code, param));
}

export function invalidParams(reply: FastifyReply, param: string, message: string) {
  return sendError(reply, 400, message, 'invalid_request_error', 'invalid_params', param);
}

/** The 400 Together answers for a model it does not serve (or not for this endpoint). */
export function modelNotAvailable(reply: FastifyReply, model: unknown) {
  return sendError(
    reply,
    400,
    `Unable to access non-serverless model ${String(model)}. Please visit https://api.together.ai/models to view the list of supported models.`,
    'invalid_request_error',
    'model_not_available',
  );
}

/** The model named in the body, if it exists and has one of `types`. */
export function modelOfType(model: unknown, types: SimModel['type'][]): SimModel | undefined {
  const found = findModel(model);
  return found && types.includes(found.type) ? found : undefined;
}

/** The fault for this call: the `x-sim-fault` header, else one armed through the control endpoint. */
export function takeFault(
  context: SimContext,
  request: FastifyRequest,
  reply: FastifyReply,
  model: string | undefined,
): Fault | undefined {
  if (model) context.stats.byModel[model] = (context.stats.byModel[model] ?? 0) + 1;
  const header = request.headers['x-sim-fault'];
  if (typeof header === 'string' && header !== '') {
    try {
      return parseFaultHeader(header);
    } catch (error) {
      if (!(error instanceof FaultParseError)) throw error;
      void sendError(reply, 400, `x-sim-fault: ${error.message}`, 'invalid_request_error', 'invalid_fault');
      return undefined;
    }
  }
  return context.faults.take(model, request.url.split('?')[0]);
}

/**
 * Applies the fault kinds that act before any content (error, hang, reset, latency). Returns true
 * when the reply has been taken care of and the route must stop.
 */
/** Together's answer when prompt tokens plus max_tokens exceed the model's context window. */
export function contextLengthExceeded(reply: FastifyReply, limit: number, requested: number) {
  return sendError(
    reply,
    400,
    `Input validation error: \`inputs\` tokens + \`max_new_tokens\` must be <= ${limit}. Given: ${requested} tokens`,
    'invalid_request_error',
    'context_length_exceeded',
  );
}

export async function applyPreContentFault(
  fault: Fault | undefined,
  request: FastifyRequest,
  reply: FastifyReply,
): Promise<boolean> {
  if (reply.sent) return true;
  if (!fault) return false;
  switch (fault.kind) {
    case 'error': {
      // `latency_ms` first: an edge in front of a silent model answers 504 only after its own wait.
      if (fault.latencyMs) await sleep(fault.latencyMs);
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
    case 'context_length':
      await contextLengthExceeded(reply, 8192, 9000);
      return true;
    case 'content_policy':
      await sendError(
        reply,
        400,
        'The request was rejected by the content safety system: the prompt was flagged as violent content.',
        'invalid_request_error',
        'content_policy_violation',
      );
      return true;
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

/** The content faults of a non-streaming JSON answer: stall, cut, malformed. */
export function applyBodyFault(fault: Fault | undefined, reply: FastifyReply): boolean {
  if (fault?.kind === 'stall') {
    reply.hijack();
    return true;
  }
  if (fault?.kind === 'cut') {
    reply.hijack();
    reply.raw.writeHead(200, { 'content-type': 'application/json' });
    reply.raw.write('{"id": "');
    reply.raw.destroy();
    return true;
  }
  if (fault?.kind === 'malformed') {
    void reply.type('application/json').send('{"id": "broken", ');
    return true;
  }
  return false;
}

async function writeData(raw: FastifyReply['raw'], data: string): Promise<void> {
  if (!raw.write(`data: ${data}\n\n`)) await new Promise((resolve) => raw.once('drain', resolve));
}

/**
 * Streams SSE `data:` chunks as Together does, applying the stream faults: `cut` (connection
 * dropped), `stall` (silence), `malformed` (a broken chunk), `no_done` (no `[DONE]`).
 */
export async function streamChunks(
  context: SimContext,
  reply: FastifyReply,
  chunks: Iterable<object>,
  final: object,
  fault: Fault | undefined,
  delayMs: number,
): Promise<void> {
  reply.hijack();
  const raw = reply.raw;
  raw.writeHead(200, {
    'content-type': 'text/event-stream;charset=utf-8',
    'cache-control': 'no-cache',
    connection: 'keep-alive',
  });
  let closed = false;
  raw.once('close', () => {
    closed = true;
    if (!raw.writableFinished && fault?.kind !== 'cut') context.stats.streamsAbandoned += 1;
  });
  let index = 0;
  for (const chunk of chunks) {
    if (closed) return;
    if (fault && index === (fault.afterChunks ?? 0)) {
      if (fault.kind === 'cut') {
        await sleep(50); // let the chunks already written reach the client first
        raw.destroy();
        return;
      }
      if (fault.kind === 'stall') return; // keep the connection open, send nothing more
      if (fault.kind === 'malformed') await writeData(raw, '{"id": "broken", "choices": [');
    }
    await writeData(raw, JSON.stringify(chunk));
    index += 1;
    if (delayMs > 0) await sleep(delayMs);
  }
  if (closed) return;
  await writeData(raw, JSON.stringify(final));
  if (fault?.kind !== 'no_done') await writeData(raw, '[DONE]');
  raw.end();
}
