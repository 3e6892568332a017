import { isUtf8 } from 'node:buffer';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { parse as secureJsonParse } from 'secure-json-parse';
import { DomainError, ErrorCode } from '@tiergate/common';
import { textProblem } from './text-checks';

/**
 * Limits on the shape of a JSON body, checked on the raw bytes before anything parses it, so no
 * recursive code (class-transformer, class-validator) ever sees a hostile body, and no body makes
 * them walk millions of values. No request this api accepts comes near them: the deepest is a
 * model configuration (about 8 levels), the widest a chat of 500 messages with 32 content parts
 * each (about 50,000 values).
 */
export const MAX_JSON_DEPTH = 64;
export const MAX_JSON_VALUES = 100_000;

const QUOTE = 0x22;
const BACKSLASH = 0x5c;
const COLON = 0x3a;
const COMMA = 0x2c;
const OPEN_OBJECT = 0x7b;
const OPEN_ARRAY = 0x5b;
const CLOSE_OBJECT = 0x7d;
const CLOSE_ARRAY = 0x5d;
const LETTER_U = 0x75;
const DIGIT_0 = 0x30;
const LETTER_D_LOWER = 0x64;
const LETTER_D_UPPER = 0x44;

/** What one pass over a JSON text finds: a broken limit, and whether any string needs a closer look. */
export interface JsonShape {
  problem?: string;
  /**
   * A `\u0000` or `\uD…` escape: a NUL or a surrogate, paired or not, so the parsed strings are
   * checked (the rule: libs/common's unacceptable-text.ts; this is its byte-level first look).
   */
  suspectText: boolean;
}

/** `\u0000`, or `\uD` followed by a hex digit: the escapes of a NUL and of surrogates. */
function isSuspectEscape(body: Buffer, u: number): boolean {
  const first = body[u + 1];
  if (first === DIGIT_0) return body[u + 2] === DIGIT_0 && body[u + 3] === DIGIT_0 && body[u + 4] === DIGIT_0;
  return first === LETTER_D_LOWER || first === LETTER_D_UPPER;
}

/**
 * The first limit the JSON text breaks, without parsing it: one pass over the bytes, tracking
 * strings (UTF-8 continuation bytes never equal these ASCII characters) and whether each open
 * container is an array. Values are counted as object keys (colons) plus array items (commas in
 * arrays, so one short per array). Malformed JSON is left to the parser.
 */
export function jsonShape(body: Buffer): JsonShape {
  const inArray = new Uint8Array(MAX_JSON_DEPTH + 1);
  let depth = 0;
  let values = 0;
  let inString = false;
  let suspectText = false;
  for (let i = 0; i < body.length; i++) {
    const byte = body[i];
    if (inString) {
      if (byte === BACKSLASH) {
        if (body[++i] === LETTER_U && !suspectText) suspectText = isSuspectEscape(body, i);
      } else if (byte === QUOTE) inString = false;
    } else if (byte === QUOTE) inString = true;
    else if (byte === OPEN_OBJECT || byte === OPEN_ARRAY) {
      if (++depth > MAX_JSON_DEPTH) {
        const problem = `The request body is nested too deeply: at most ${MAX_JSON_DEPTH} levels of objects and arrays`;
        return { problem, suspectText: false };
      }
      inArray[depth] = byte === OPEN_ARRAY ? 1 : 0;
    } else if (byte === CLOSE_OBJECT || byte === CLOSE_ARRAY) depth = Math.max(0, depth - 1);
    else if (byte === COLON || (byte === COMMA && inArray[depth] === 1)) {
      if (++values > MAX_JSON_VALUES) {
        const problem = `The request body has too many values: at most ${MAX_JSON_VALUES} object keys and array items in all`;
        return { problem, suspectText: false };
      }
    }
  }
  return { suspectText };
}

function invalidBody(message: string): DomainError {
  return new DomainError(ErrorCode.ValidationFailed, message, { param: 'body' });
}

/**
 * Parses a JSON body: UTF-8 and shape limits first, then secure-json-parse (as Fastify does), which
 * refuses `__proto__` and `constructor.prototype` keys so nothing downstream can reach a prototype;
 * last, where the text holds a NUL or surrogate escape, its strings and keys (text-checks.ts).
 */
export function parseJsonBody(_request: FastifyRequest, body: Buffer): unknown {
  // An empty body is no body (the validation pipe reads it as `{}`), as clients send for actions.
  if (body.length === 0) return undefined;
  // JSON is UTF-8 (RFC 8259): anything else would be read with replacement characters, silently.
  if (!isUtf8(body)) throw invalidBody('The request body is not valid UTF-8');
  const { problem, suspectText } = jsonShape(body);
  if (problem) throw invalidBody(problem);
  let value: unknown;
  try {
    value = secureJsonParse(body.toString('utf8'), { protoAction: 'error', constructorAction: 'error' });
  } catch (error) {
    if (error instanceof SyntaxError && /prototype/.test(error.message))
      throw invalidBody('The request body must not contain the keys __proto__ or constructor.prototype');
    throw invalidBody('The request body is not valid JSON');
  }
  const badText = suspectText ? textProblem(value) : undefined;
  if (badText) throw badText;
  return value;
}

/**
 * Replaces the JSON parser (Nest's is turned off with `bodyParser: false`). Route body limits
 * (bootstrap.ts) still apply: the parser sets none of its own.
 */
export function registerJsonBodyParser(fastify: FastifyInstance): void {
  fastify.removeContentTypeParser('application/json');
  fastify.addContentTypeParser('application/json', { parseAs: 'buffer' }, (request, body, done) => {
    try {
      done(null, parseJsonBody(request, body as Buffer));
    } catch (error) {
      done(error as Error, undefined);
    }
  });
}
