import { randomUUID } from 'node:crypto';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { countPromptTokens, completionWords, type ChatLikeMessage } from '../content';
import { chatCompletion, togetherId, usage } from '../together-shapes';
import { modelOfType, sendError, type SimContext } from './sim-context';

/**
 * Together's Files and Batch APIs (shared/reference/together-api.md §8), with its quirks: the
 * `{job: …}` wrapper on create, a plain array on list, ISO timestamps on jobs (an int on files),
 * `{"error": "<string>"}` bodies on batch errors, capitalised `FileType` / `Processed` on files.
 * A job's status follows the clock (VALIDATING → IN_PROGRESS → COMPLETED), with delays set
 * through `/_sim/batches/config`; `/_sim/batches/faults` makes the next jobs fail, expire or fail lines.
 */

export type BatchStatus = 'VALIDATING' | 'IN_PROGRESS' | 'COMPLETED' | 'FAILED' | 'EXPIRED' | 'CANCELLED';

interface SimFile {
  id: string;
  account: string;
  filename: string;
  purpose: string;
  createdAt: number;
  content: Buffer;
}

export interface BatchFault {
  kind: 'fail' | 'expire' | 'fail_lines';
  customIds: string[];
  message?: string;
}

interface SimBatch {
  id: string;
  account: string;
  inputFileId: string;
  endpoint: string;
  modelId: string | null;
  createdAt: number;
  fault?: BatchFault;
  /** Set once the job reached an end state. */
  final?: {
    status: BatchStatus;
    at: number;
    error: string | null;
    outputFileId: string | null;
    errorFileId: string | null;
  };
}

export interface BatchTimings {
  validatingMs: number;
  inProgressMs: number;
}

const DEFAULT_TIMINGS: BatchTimings = { validatingMs: 200, inProgressMs: 800 };
const MAX_LINES = 50_000;

/** Together's batch error body: a flat string. */
function batchError(reply: FastifyReply, status: number, message: string) {
  return reply.code(status).send({ error: message });
}

function accountOf(request: FastifyRequest): string {
  const auth = request.headers.authorization ?? '';
  return auth.startsWith('Bearer ') ? auth.slice(7).trim() : '';
}

function fileResponse(file: SimFile) {
  return {
    id: file.id,
    object: 'file',
    created_at: Math.floor(file.createdAt / 1000),
    filename: file.filename,
    bytes: file.content.length,
    purpose: file.purpose,
    FileType: 'jsonl',
    Processed: true,
    line_count: 0,
  };
}

interface ParsedLine {
  custom_id?: unknown;
  body?: { model?: unknown; messages?: unknown; max_tokens?: unknown; seed?: unknown };
}

/** One input line → an output line, or an error line. */
function runLine(raw: string, index: number, fault: BatchFault | undefined) {
  let line: ParsedLine;
  try {
    line = JSON.parse(raw) as ParsedLine;
  } catch {
    return {
      error: { custom_id: `line-${index + 1}`, error: { message: 'invalid JSON', code: 'invalid_json' } },
    };
  }
  const customId = typeof line.custom_id === 'string' ? line.custom_id : `line-${index + 1}`;
  const body = line.body ?? {};
  const failed = (message: string, code: string) => ({
    error: { custom_id: customId, error: { message, code } },
  });
  if (fault?.kind === 'fail_lines' && fault.customIds.includes(customId))
    return failed(fault.message ?? 'Simulated failure of this request', 'internal_error');
  const model = modelOfType(body.model, ['chat', 'language', 'code']);
  if (!model)
    return failed(`Unable to access non-serverless model ${String(body.model)}`, 'model_not_available');
  if (!Array.isArray(body.messages) || body.messages.length === 0)
    return failed('messages must be a non-empty array', 'invalid_params');
  const messages = body.messages as ChatLikeMessage[];
  const maxTokens = typeof body.max_tokens === 'number' ? body.max_tokens : undefined;
  const { words, truncated } = completionWords(
    messages,
    maxTokens,
    typeof body.seed === 'number' ? String(body.seed) : '',
  );
  const completion = chatCompletion(
    togetherId(),
    model.id,
    words.join(''),
    truncated ? 'length' : 'stop',
    usage(countPromptTokens(messages), words.length),
  );
  return {
    output: { id: togetherId(), custom_id: customId, response: { status_code: 200, body: completion } },
  };
}

export function registerBatchRoutes(context: SimContext): void {
  const { app } = context;
  const files = new Map<string, SimFile>();
  const batches = new Map<string, SimBatch>();
  let timings = { ...DEFAULT_TIMINGS };
  const pendingFaults: BatchFault[] = [];

  const addFile = (account: string, filename: string, purpose: string, content: Buffer): SimFile => {
    const file = { id: `file-${randomUUID()}`, account, filename, purpose, createdAt: Date.now(), content };
    files.set(file.id, file);
    return file;
  };

  /** Ends the job: runs every line and writes the output and error files. */
  const complete = (batch: SimBatch, at: number) => {
    const input = files.get(batch.inputFileId)!;
    const outputs: string[] = [];
    const errors: string[] = [];
    input.content
      .toString('utf8')
      .split('\n')
      .filter((l) => l.trim() !== '')
      .forEach((raw, i) => {
        const result = runLine(raw, i, batch.fault);
        if (result.output) outputs.push(JSON.stringify(result.output));
        else errors.push(JSON.stringify(result.error));
      });
    const out = addFile(
      batch.account,
      `${batch.id}-output.jsonl`,
      'batch-generated',
      Buffer.from(outputs.join('\n') + (outputs.length ? '\n' : '')),
    );
    const err = errors.length
      ? addFile(
          batch.account,
          `${batch.id}-errors.jsonl`,
          'batch-generated',
          Buffer.from(errors.join('\n') + '\n'),
        )
      : undefined;
    batch.final = {
      status: 'COMPLETED',
      at,
      error: null,
      outputFileId: out.id,
      errorFileId: err?.id ?? null,
    };
  };

  /** The job's state now: computed from the clock, settled once it reaches an end state. */
  const view = (batch: SimBatch, now = Date.now()) => {
    const elapsed = now - batch.createdAt;
    let status: BatchStatus = 'VALIDATING';
    let progress = 0;
    if (!batch.final && elapsed >= timings.validatingMs) {
      if (batch.fault?.kind === 'fail')
        batch.final = {
          status: 'FAILED',
          at: batch.createdAt + timings.validatingMs,
          error: batch.fault.message ?? 'Batch failed: the input file could not be processed',
          outputFileId: null,
          errorFileId: null,
        };
      else if (batch.fault?.kind === 'expire' && elapsed >= timings.validatingMs + timings.inProgressMs)
        batch.final = {
          status: 'EXPIRED',
          at: now,
          error: 'Batch expired: not completed within its completion window',
          outputFileId: null,
          errorFileId: null,
        };
      else if (batch.fault?.kind !== 'expire' && elapsed >= timings.validatingMs + timings.inProgressMs)
        complete(batch, batch.createdAt + timings.validatingMs + timings.inProgressMs);
      else {
        status = 'IN_PROGRESS';
        progress = Math.min(99, ((elapsed - timings.validatingMs) / Math.max(1, timings.inProgressMs)) * 100);
      }
    }
    if (batch.final) {
      status = batch.final.status;
      progress = status === 'COMPLETED' ? 100 : progress;
    }
    const input = files.get(batch.inputFileId);
    return {
      id: batch.id,
      user_id: `user-${batch.account.slice(-4)}`,
      input_file_id: batch.inputFileId,
      file_size_bytes: input?.content.length ?? 0,
      status,
      endpoint: batch.endpoint,
      progress: Math.round(progress * 10) / 10,
      model_id: batch.modelId,
      output_file_id: batch.final?.outputFileId ?? null,
      error_file_id: batch.final?.errorFileId ?? null,
      error: batch.final?.error ?? null,
      created_at: new Date(batch.createdAt).toISOString(),
      job_deadline: new Date(batch.createdAt + 24 * 3600_000).toISOString(),
      completed_at: batch.final ? new Date(batch.final.at).toISOString() : null,
    };
  };

  const ownBatch = (request: FastifyRequest<{ Params: { id: string } }>) => {
    const batch = batches.get(request.params.id);
    return batch && batch.account === accountOf(request) ? batch : undefined;
  };
  const ownFile = (request: FastifyRequest<{ Params: { id: string } }>) => {
    const file = files.get(request.params.id);
    return file && file.account === accountOf(request) ? file : undefined;
  };

  app.post('/v1/files/upload', async (request, reply) => {
    if (!request.isMultipart())
      return sendError(
        reply,
        400,
        'The request must be multipart/form-data',
        'invalid_request_error',
        'invalid_params',
      );
    const fields: Record<string, string> = {};
    let content: Buffer | undefined;
    for await (const part of request.parts()) {
      if (part.type === 'file') content = await part.toBuffer();
      else fields[part.fieldname] = String(part.value);
    }
    if (!content)
      return sendError(reply, 400, 'file is required', 'invalid_request_error', 'invalid_params', 'file');
    const purpose = fields.purpose ?? 'batch-api';
    if (!['fine-tune', 'eval', 'batch-api'].includes(purpose))
      return sendError(
        reply,
        400,
        `purpose ${purpose} is not accepted`,
        'invalid_request_error',
        'invalid_params',
        'purpose',
      );
    const file = addFile(accountOf(request), fields.file_name ?? 'upload.jsonl', purpose, content);
    return fileResponse(file);
  });

  app.get<{ Params: { id: string } }>('/v1/files/:id', async (request, reply) => {
    const file = ownFile(request);
    if (!file)
      return sendError(
        reply,
        404,
        `File ${request.params.id} not found`,
        'invalid_request_error',
        'not_found',
      );
    return fileResponse(file);
  });

  app.get<{ Params: { id: string } }>('/v1/files/:id/content', async (request, reply) => {
    const file = ownFile(request);
    if (!file)
      return sendError(
        reply,
        404,
        `File ${request.params.id} not found`,
        'invalid_request_error',
        'not_found',
      );
    return reply.type('application/octet-stream').send(file.content);
  });

  app.post('/v1/batches', async (request, reply) => {
    const body = (request.body ?? {}) as {
      input_file_id?: unknown;
      endpoint?: unknown;
      completion_window?: unknown;
    };
    if (typeof body.input_file_id !== 'string') return batchError(reply, 400, 'input_file_id is required');
    const input = files.get(body.input_file_id);
    if (!input || input.account !== accountOf(request))
      return batchError(reply, 400, `Input file ${body.input_file_id} not found`);
    if (body.endpoint !== '/v1/chat/completions' && body.endpoint !== '/v1/completions')
      return batchError(reply, 400, `endpoint ${String(body.endpoint)} is not supported for batches`);
    const lines = input.content
      .toString('utf8')
      .split('\n')
      .filter((l) => l.trim() !== '');
    if (lines.length === 0) return batchError(reply, 400, 'The input file is empty');
    if (lines.length > MAX_LINES)
      return batchError(reply, 400, `A batch holds at most ${MAX_LINES} requests`);
    let modelId: string | null = null;
    try {
      const model = (JSON.parse(lines[0]) as ParsedLine).body?.model;
      modelId = typeof model === 'string' ? model : null;
    } catch {
      modelId = null;
    }
    const batch: SimBatch = {
      id: randomUUID(),
      account: accountOf(request),
      inputFileId: input.id,
      endpoint: body.endpoint,
      modelId,
      createdAt: Date.now(),
      fault: pendingFaults.shift(),
    };
    batches.set(batch.id, batch);
    return reply.code(201).send({ job: view(batch) });
  });

  app.get('/v1/batches', (request) =>
    [...batches.values()].filter((b) => b.account === accountOf(request)).map((b) => view(b)),
  );

  app.get<{ Params: { id: string } }>('/v1/batches/:id', async (request, reply) => {
    const batch = ownBatch(request);
    if (!batch) return batchError(reply, 404, `Batch job ${request.params.id} not found`);
    return view(batch);
  });

  app.post<{ Params: { id: string } }>('/v1/batches/:id/cancel', async (request, reply) => {
    const batch = ownBatch(request);
    if (!batch) return batchError(reply, 404, `Batch job ${request.params.id} not found`);
    const current = view(batch);
    if (['COMPLETED', 'FAILED', 'EXPIRED', 'CANCELLED'].includes(current.status))
      return batchError(
        reply,
        400,
        `Batch job ${batch.id} is already ${current.status} and cannot be cancelled`,
      );
    batch.final = { status: 'CANCELLED', at: Date.now(), error: null, outputFileId: null, errorFileId: null };
    return view(batch);
  });

  // Control: timings, faults for the next jobs, and every job (with its key's last four characters).
  app.post('/_sim/batches/config', async (request, reply) => {
    const body = (request.body ?? {}) as { validating_ms?: unknown; in_progress_ms?: unknown };
    const ms = (v: unknown, fallback: number) => (typeof v === 'number' && v >= 0 ? v : fallback);
    timings = {
      validatingMs: ms(body.validating_ms, timings.validatingMs),
      inProgressMs: ms(body.in_progress_ms, timings.inProgressMs),
    };
    return reply
      .code(200)
      .send({ validating_ms: timings.validatingMs, in_progress_ms: timings.inProgressMs });
  });
  app.post('/_sim/batches/faults', async (request, reply) => {
    const body = (request.body ?? {}) as {
      kind?: unknown;
      custom_ids?: unknown;
      message?: unknown;
      count?: unknown;
    };
    if (body.kind !== 'fail' && body.kind !== 'expire' && body.kind !== 'fail_lines')
      return batchError(reply, 400, 'kind must be fail, expire or fail_lines');
    const customIds = Array.isArray(body.custom_ids)
      ? body.custom_ids.filter((id): id is string => typeof id === 'string')
      : [];
    const count = typeof body.count === 'number' && body.count > 0 ? body.count : 1;
    for (let i = 0; i < count; i++)
      pendingFaults.push({
        kind: body.kind,
        customIds,
        message: typeof body.message === 'string' ? body.message : undefined,
      });
    return reply.code(201).send({ pending: pendingFaults.length });
  });
  app.delete('/_sim/batches/faults', async (_request, reply) => {
    pendingFaults.length = 0;
    return reply.code(204).send();
  });
  app.get('/_sim/batches', () =>
    [...batches.values()].map((b) => ({ ...view(b), key_last4: b.account.slice(-4) })),
  );
}
