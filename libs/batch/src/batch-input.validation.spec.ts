import { ErrorCode } from '@tiergate/common';
import { togetherInput, validateBatchInput, type BatchLimits } from './batch-input.validation';
import { readBatchResults } from './batch-results';

const LIMITS: BatchLimits = { maxFileBytes: 10_000, maxLines: 5, maxLineBytes: 600, maxCustomIdLength: 64 };
const MODEL = 'meta-llama/Llama-3.3-70B-Instruct-Turbo';
const allow = (model: string) => model === MODEL || model === 'other/model';

const line = (i: number, patch: (l: any) => void = () => undefined) => {
  const value: any = {
    custom_id: `req-${i}`,
    method: 'POST',
    url: '/v1/chat/completions',
    body: { model: MODEL, messages: [{ role: 'user', content: `hello ${i}` }], max_tokens: 8 },
  };
  patch(value);
  return JSON.stringify(value);
};
const file = (...lines: string[]) => Buffer.from(lines.join('\n') + '\n');

describe('validateBatchInput', () => {
  it('accepts OpenAI batch lines and converts them to Together input', () => {
    const input = validateBatchInput(file(line(1), line(2)), LIMITS, allow);
    expect(input.model).toBe(MODEL);
    expect(input.requests.map((r) => r.customId)).toEqual(['req-1', 'req-2']);
    const together = togetherInput(input)
      .toString()
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l));
    expect(together[0]).toEqual({ custom_id: 'req-1', body: expect.objectContaining({ model: MODEL }) });
    expect(together[0]).not.toHaveProperty('method');
  });

  it('reads a file that starts with a byte-order mark, and emoji sent as escapes', () => {
    const escaped = line(1, (l) => (l.custom_id = 'smile')).replace('smile', '\\ud83d\\ude00');
    const bom = Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), file(escaped)]);
    expect(validateBatchInput(bom, LIMITS, allow).requests[0].customId).toBe('😀');
  });

  it.each([
    ['not JSON', file(line(1), '{oops'), 'Line 2: line is not valid JSON', 'line 2: line'],
    ['an array', file('[1]'), 'Line 1: line must be a JSON object', 'line 1: line'],
    ['an empty line', file(line(1), '', line(3)), 'Line 2: line is empty', 'line 2: line'],
    [
      'an unknown field',
      file(line(1, (l) => (l.extra = 1))),
      'Line 1: extra is not a recognised',
      'line 1: extra',
    ],
    [
      'a NUL in a custom_id',
      file(
        line(1),
        line(2, (l) => (l.custom_id = 'a\u0000b')),
      ),
      'Line 2: custom_id contains a NUL character',
      'line 2: custom_id',
    ],
    [
      'an unpaired surrogate in a message',
      file(line(1, (l) => (l.body.messages[0].content = 'x\ud800'))),
      'Line 1: body.messages[0].content contains an unpaired UTF-16 surrogate',
      'line 1: body.messages[0].content',
    ],
    [
      'no custom_id',
      file(line(1, (l) => delete l.custom_id)),
      'Line 1: custom_id must be',
      'line 1: custom_id',
    ],
    [
      'a long custom_id',
      file(line(1, (l) => (l.custom_id = 'x'.repeat(65)))),
      'Line 1: custom_id',
      'line 1: custom_id',
    ],
    [
      'a duplicate custom_id',
      file(line(1), line(1)),
      'Line 2: custom_id "req-1" is used',
      'line 2: custom_id',
    ],
    [
      'method GET',
      file(line(1, (l) => (l.method = 'GET'))),
      'Line 1: method must be "POST"',
      'line 1: method',
    ],
    ['another url', file(line(1, (l) => (l.url = '/v1/embeddings'))), 'Line 1: url must be', 'line 1: url'],
    ['no body', file(line(1, (l) => delete l.body)), 'Line 1: body must be a JSON object', 'line 1: body'],
    [
      'no model',
      file(line(1, (l) => delete l.body.model)),
      'Line 1: body.model is required',
      'line 1: body.model',
    ],
    [
      'a model the tier lacks',
      file(line(1, (l) => (l.body.model = 'x/y'))),
      'not available on your tier',
      'line 1: body.model',
    ],
    [
      'two models',
      file(
        line(1),
        line(2, (l) => (l.body.model = 'other/model')),
      ),
      'Line 2: body.model must be',
      'line 2: body.model',
    ],
    [
      'empty messages',
      file(line(1, (l) => (l.body.messages = []))),
      'Line 1: body.messages must be',
      'line 1: body.messages',
    ],
    [
      'a bad role',
      file(line(1, (l) => (l.body.messages[0].role = 'robot'))),
      'body.messages[0].role',
      'line 1: body.messages[0].role',
    ],
    [
      'no content',
      file(line(1, (l) => delete l.body.messages[0].content)),
      'body.messages[0].content',
      'line 1: body.messages[0].content',
    ],
    [
      'stream',
      file(line(1, (l) => (l.body.stream = true))),
      'Line 1: body.stream is not supported',
      'line 1: body.stream',
    ],
    [
      'max_tokens 0',
      file(line(1, (l) => (l.body.max_tokens = 0))),
      'Line 1: body.max_tokens',
      'line 1: body.max_tokens',
    ],
    [
      'a long line',
      file(line(1, (l) => (l.body.messages[0].content = 'x'.repeat(700)))),
      'Line 1: line is longer',
      'line 1: line',
    ],
  ])('refuses %s, naming the line and field', (_name, content, message, param) => {
    expect(() => validateBatchInput(content, LIMITS, allow)).toThrow(
      expect.objectContaining({
        code: ErrorCode.ValidationFailed,
        message: expect.stringContaining(message),
        param,
      }),
    );
  });

  it.each([
    ['an empty file', Buffer.alloc(0), ErrorCode.ValidationFailed, 'empty'],
    [
      'too many lines',
      file(...[1, 2, 3, 4, 5, 6].map((i) => line(i))),
      ErrorCode.ValidationFailed,
      'at most 5',
    ],
    ['too many bytes', Buffer.alloc(10_001, 'a'), ErrorCode.PayloadTooLarge, 'larger than'],
  ])('refuses %s as a whole', (_name, content, code, message) => {
    expect(() => validateBatchInput(content, LIMITS, allow)).toThrow(
      expect.objectContaining({ code, param: 'file', message: expect.stringContaining(message) }),
    );
  });
});

describe('readBatchResults', () => {
  it('reads Together output and error lines, one result per custom_id', () => {
    const output = Buffer.from(
      [
        {
          custom_id: 'a',
          response: {
            status_code: 200,
            body: { model: MODEL, usage: { prompt_tokens: 5, completion_tokens: 7 } },
          },
        },
        { custom_id: 'a', response: { status_code: 200, body: {} } },
      ]
        .map((l) => JSON.stringify(l))
        .join('\n'),
    );
    const errors = Buffer.from(
      JSON.stringify({ custom_id: 'b', error: { message: 'no', code: 'bad' } }) + '\nnot json\n',
    );
    expect(readBatchResults(output, errors)).toEqual([
      expect.objectContaining({
        customId: 'a',
        statusCode: 200,
        promptTokens: 5,
        completionTokens: 7,
        error: null,
      }),
      expect.objectContaining({ customId: 'b', statusCode: 400, error: { code: 'bad', message: 'no' } }),
    ]);
  });
});
