import { BatchLineError } from './batch.errors';
import type { BatchSettings } from './batch.settings';
import { DomainError, ErrorCode, findUnacceptableText, SUSPECT_JSON_ESCAPE } from '@tiergate/common';

export const BATCH_ENDPOINT = '/v1/chat/completions';

export type BatchLimits = Pick<
  BatchSettings,
  'maxFileBytes' | 'maxLines' | 'maxLineBytes' | 'maxCustomIdLength'
>;

/** One checked request of a batch input file. */
export interface BatchRequestLine {
  customId: string;
  body: Record<string, unknown>;
}

export interface BatchInput {
  requests: BatchRequestLine[];
  /** The one model every line names. */
  model: string;
}

const LINE_KEYS = new Set(['custom_id', 'method', 'url', 'body']);
const ROLES = new Set(['system', 'user', 'assistant', 'tool', 'developer']);

const isObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

function checkBody(line: number, body: unknown): Record<string, unknown> {
  if (!isObject(body)) throw new BatchLineError(line, 'body', 'must be a JSON object (the chat request)');
  if (typeof body.model !== 'string' || body.model.trim() === '')
    throw new BatchLineError(line, 'body.model', 'is required (a model name)');
  if (!Array.isArray(body.messages) || body.messages.length === 0)
    throw new BatchLineError(line, 'body.messages', 'must be a non-empty array');
  body.messages.forEach((message: unknown, i) => {
    if (!isObject(message) || typeof message.role !== 'string' || !ROLES.has(message.role))
      throw new BatchLineError(line, `body.messages[${i}].role`, `must be one of ${[...ROLES].join(', ')}`);
    if (typeof message.content !== 'string' && !Array.isArray(message.content))
      throw new BatchLineError(line, `body.messages[${i}].content`, 'must be a string or an array of parts');
  });
  if (body.stream !== undefined && body.stream !== false)
    throw new BatchLineError(line, 'body.stream', 'is not supported in a batch');
  if (
    body.max_tokens !== undefined &&
    (typeof body.max_tokens !== 'number' || !Number.isInteger(body.max_tokens) || body.max_tokens < 1)
  )
    throw new BatchLineError(line, 'body.max_tokens', 'must be a positive integer');
  return body;
}

/**
 * Checks a batch input file, OpenAI's format: one JSON object per line,
 * `{custom_id, method: "POST", url: "/v1/chat/completions", body: {model, messages, ...}}`.
 * Every problem names its line (1-based) and field. `allowModel` says whether the caller's tier
 * may use a model; a batch runs on one model, as it does on Together and OpenAI.
 */
export function validateBatchInput(
  content: Buffer,
  limits: BatchLimits,
  allowModel: (model: string) => boolean,
): BatchInput {
  if (content.length === 0)
    throw new DomainError(ErrorCode.ValidationFailed, 'The file is empty', { param: 'file' });
  if (content.length > limits.maxFileBytes)
    throw new DomainError(
      ErrorCode.PayloadTooLarge,
      `The file is larger than the limit of ${limits.maxFileBytes} bytes`,
      { param: 'file' },
    );
  // A byte-order mark (as Windows editors write one) is not part of the first line.
  const text = content.toString('utf8').replace(/^\uFEFF/, '');
  if (text.includes('\uFFFD'))
    throw new DomainError(ErrorCode.ValidationFailed, 'The file must be UTF-8 JSONL', { param: 'file' });
  const rawLines = text.split('\n');
  if (rawLines.at(-1)?.trim() === '') rawLines.pop();
  if (rawLines.length > limits.maxLines)
    throw new DomainError(
      ErrorCode.ValidationFailed,
      `The file has ${rawLines.length} lines; a batch holds at most ${limits.maxLines} requests`,
      { param: 'file' },
    );
  const seen = new Set<string>();
  const requests: BatchRequestLine[] = [];
  let model: string | undefined;
  rawLines.forEach((raw, index) => {
    const line = index + 1;
    if (raw.trim() === '') throw new BatchLineError(line, 'line', 'is empty');
    if (Buffer.byteLength(raw) > limits.maxLineBytes)
      throw new BatchLineError(line, 'line', `is longer than ${limits.maxLineBytes} bytes`);
    let parsed: unknown;
    try {
      parsed = JSON.parse(raw);
    } catch {
      throw new BatchLineError(line, 'line', 'is not valid JSON');
    }
    if (!isObject(parsed)) throw new BatchLineError(line, 'line', 'must be a JSON object');
    // A NUL cannot be stored (custom ids go into the ledger); an unpaired surrogate is not text.
    const badText = SUSPECT_JSON_ESCAPE.test(raw) ? findUnacceptableText(parsed, 'line') : undefined;
    if (badText) throw new BatchLineError(line, badText.field, badText.problem);
    const unknown = Object.keys(parsed).find((key) => !LINE_KEYS.has(key));
    if (unknown) throw new BatchLineError(line, unknown, 'is not a recognised field');
    const customId = parsed.custom_id;
    if (typeof customId !== 'string' || customId === '' || customId.length > limits.maxCustomIdLength)
      throw new BatchLineError(
        line,
        'custom_id',
        `must be a string of 1 to ${limits.maxCustomIdLength} characters`,
      );
    if (seen.has(customId))
      throw new BatchLineError(line, 'custom_id', `"${customId}" is used by an earlier line`);
    seen.add(customId);
    if (parsed.method !== 'POST') throw new BatchLineError(line, 'method', 'must be "POST"');
    if (parsed.url !== BATCH_ENDPOINT) throw new BatchLineError(line, 'url', `must be "${BATCH_ENDPOINT}"`);
    const body = checkBody(line, parsed.body);
    const name = body.model as string;
    if (model === undefined) {
      if (!allowModel(name))
        throw new BatchLineError(line, 'body.model', `"${name}" is not available on your tier`);
      model = name;
    } else if (name !== model)
      throw new BatchLineError(
        line,
        'body.model',
        `must be "${model}", like line 1: a batch runs on one model`,
      );
    requests.push({ customId, body });
  });
  return { requests, model: model! };
}

/** The same requests in Together's input format: `{custom_id, body}` (no method or url). */
export function togetherInput(input: BatchInput): Buffer {
  return Buffer.from(
    input.requests.map((r) => JSON.stringify({ custom_id: r.customId, body: r.body })).join('\n') + '\n',
  );
}
