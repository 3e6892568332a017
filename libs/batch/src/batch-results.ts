import { randomBytes } from 'node:crypto';

/** One line of a finished batch, read from Together's output or error file. */
export interface BatchLineResult {
  customId: string;
  statusCode: number;
  /** The chat completion, for a line that succeeded. */
  body: Record<string, unknown> | null;
  error: { code: string; message: string } | null;
  model: string | null;
  promptTokens: number;
  completionTokens: number;
}

const lineId = () => `batch_req_${randomBytes(12).toString('hex')}`;

function parseLines(content: Buffer | null): Array<Record<string, unknown>> {
  if (!content) return [];
  const lines: Array<Record<string, unknown>> = [];
  for (const raw of content.toString('utf8').split('\n')) {
    if (raw.trim() === '') continue;
    try {
      const parsed = JSON.parse(raw) as unknown;
      if (parsed && typeof parsed === 'object' && !Array.isArray(parsed))
        lines.push(parsed as Record<string, unknown>);
    } catch {
      /* a broken line is skipped: it cannot be attributed to a request */
    }
  }
  return lines;
}

const text = (value: unknown, fallback: string) =>
  typeof value === 'string' && value !== '' ? value : fallback;
const num = (value: unknown) =>
  typeof value === 'number' && Number.isFinite(value) && value >= 0 ? value : 0;

/**
 * Reads Together's output lines (`{custom_id, response: {status_code, body}}`) and error lines
 * (`{custom_id, error: {message, code}}`), one result per custom_id (the first wins).
 */
export function readBatchResults(output: Buffer | null, errors: Buffer | null): BatchLineResult[] {
  const results = new Map<string, BatchLineResult>();
  for (const line of parseLines(output)) {
    const customId = typeof line.custom_id === 'string' ? line.custom_id : null;
    if (!customId || results.has(customId)) continue;
    const response = (line.response ?? {}) as { status_code?: unknown; body?: unknown };
    const body =
      response.body && typeof response.body === 'object' ? (response.body as Record<string, unknown>) : null;
    const usage = (body?.usage ?? {}) as { prompt_tokens?: unknown; completion_tokens?: unknown };
    const statusCode = typeof response.status_code === 'number' ? response.status_code : body ? 200 : 500;
    const error = line.error as { message?: unknown; code?: unknown } | null | undefined;
    results.set(customId, {
      customId,
      statusCode,
      body,
      error:
        statusCode >= 400 || error
          ? {
              code: text(error?.code, 'request_failed'),
              message: text(error?.message, 'The request failed'),
            }
          : null,
      model: typeof body?.model === 'string' ? body.model : null,
      promptTokens: num(usage.prompt_tokens),
      completionTokens: num(usage.completion_tokens),
    });
  }
  for (const line of parseLines(errors)) {
    const customId = typeof line.custom_id === 'string' ? line.custom_id : null;
    if (!customId || results.has(customId)) continue;
    const error = (line.error ?? {}) as { message?: unknown; code?: unknown; status_code?: unknown };
    results.set(customId, {
      customId,
      statusCode: typeof error.status_code === 'number' ? error.status_code : 400,
      body: null,
      error: {
        code: text(error.code, 'request_failed'),
        message: text(error.message, 'The request failed'),
      },
      model: null,
      promptTokens: 0,
      completionTokens: 0,
    });
  }
  return [...results.values()];
}

/** The user's output file (OpenAI's batch output format) and error file, or null when empty. */
export function openAiResultFiles(results: BatchLineResult[]): {
  output: Buffer | null;
  errors: Buffer | null;
} {
  const ok = results.filter((r) => r.error === null);
  const failed = results.filter((r) => r.error !== null);
  const jsonl = (lines: object[]) =>
    lines.length ? Buffer.from(lines.map((l) => JSON.stringify(l)).join('\n') + '\n') : null;
  return {
    output: jsonl(
      ok.map((r) => ({
        id: lineId(),
        custom_id: r.customId,
        response: { status_code: r.statusCode, request_id: lineId(), body: r.body },
        error: null,
      })),
    ),
    errors: jsonl(
      failed.map((r) => ({ id: lineId(), custom_id: r.customId, response: null, error: r.error })),
    ),
  };
}
