import 'reflect-metadata';
import { plainToInstance, Type } from 'class-transformer';
import {
  Allow,
  ArrayMaxSize,
  IsDefined,
  IsInt,
  IsOptional,
  IsString,
  Max,
  MaxLength,
  Min,
  Validate,
  ValidateIf,
  ValidateNested,
  ValidatePromise,
  ValidatorConstraint,
  validate,
  type ValidatorConstraintInterface,
  type ValidatorOptions,
} from 'class-validator';
import { ValidationPipe } from '@nestjs/common';
import fc from 'fast-check';
import { ChatCompletionDto } from '../together/dto/chat-completion.dto';
import { CodeCompletionDto } from '../together/dto/text-completion.dto';
import { ImageAnalysisDto, ImageGenerationDto } from '../together/dto/image.dto';
import { OpenAiEmbeddingDto } from '../openai/dto/openai-media.dto';
import { OpenAiChatDto, OpenAiCompletionDto } from '../openai/dto/openai-text.dto';
import { createFastPathValidator, type Verdict } from './validation-fast-path';
import { cacheValidationMetadata } from './validation-metadata-cache';
import { BODY_VALIDATOR_OPTIONS, validateBody } from './validation';

cacheValidationMetadata();
const fast = createFastPathValidator();

/** The options the api's ValidationPipe passes to the validator (Nest adds the first and last). */
const PIPE: ValidatorOptions = {
  forbidUnknownValues: false,
  ...BODY_VALIDATOR_OPTIONS,
  validationError: { target: false },
};

/** class-validator's own answer: valid when it reports no error. */
async function classValidatorSays(entity: object, options: ValidatorOptions): Promise<'valid' | 'invalid'> {
  return (await validate(entity, options)).length === 0 ? 'valid' : 'invalid';
}

/** The fast path agrees with class-validator, or hands the object to it. */
async function expectSameDecision(entity: object, options: ValidatorOptions = PIPE): Promise<Verdict> {
  const verdict = fast.verdict(entity, options);
  const expected = await classValidatorSays(entity, options);
  if (verdict !== 'ask class-validator') expect({ verdict, entity }).toEqual({ verdict: expected, entity });
  expect((await fast.validate(entity, options)).length === 0).toBe(expected === 'valid');
  return verdict;
}

const VALUES: unknown[] = [
  null,
  '',
  'x',
  'user',
  'system',
  'developer',
  'assistant',
  'tool',
  'general',
  'Not A Purpose',
  'meta-llama/Meta-Llama-3.1-8B-Instruct-Turbo',
  'bad model id!',
  'together_ai',
  'x'.repeat(65),
  'x'.repeat(257),
  'data:image/png;base64,iVBORw0KGgo=',
  'https://example.com/cat.png',
  0,
  1,
  -1,
  0.5,
  1.5,
  2,
  2.5,
  8,
  512,
  32_768,
  32_769,
  true,
  false,
  [],
  {},
  ['a'],
  ['a', 'b', 'c', 'd', 'e'],
  [1],
  [{}],
  [[]],
  [{ type: 'text', text: 'hi' }],
  [{ type: 'image_url', image_url: { url: 'https://example.com/cat.png' } }],
  [{ type: 'image_url', image_url: { url: 'ftp://nope' } }],
  { include_usage: true },
  { include_usage: 'yes' },
  { include_usage: true, extra: 1 },
  -2.5,
  100_001,
  { '50256': -100, '13': 5.5 },
  { abc: 1 },
  { '1': 101 },
  { type: 'json_object' },
  { type: 'json_object', schema: { type: 'object' } },
  { type: 'json_schema', json_schema: { name: 'reply', schema: { type: 'object' }, strict: true } },
  { type: 'json_schema', json_schema: { schema: {} } },
  { type: 'json_schema' },
  { type: 'regex', pattern: '[a-z]+' },
  { type: 'regex', pattern: '' },
  { type: 'text', extra: 1 },
  { type: 'xml' },
  null,
  'low',
  'auto',
  'required',
  { type: 'function', function: { name: 'lookup' } },
  [{ type: 'function', function: { name: 'lookup', parameters: { type: 'object' } } }],
  [{ type: 'function', function: { name: 'has space' } }],
  [{ id: 'call_1', type: 'function', function: { name: 'lookup', arguments: '{}' } }],
  [{ id: '', type: 'function', function: { name: 'lookup', arguments: 1 } }],
];
const anyValue = fc.oneof(fc.constantFrom(...VALUES), fc.jsonValue({ maxDepth: 2 }));

/** A path into a request body: a top-level field, or a field of one of its messages. */
type Edit =
  { at: 'body' | number; key: string; value: unknown } | { at: 'body' | number; key: string; drop: true };

function applyEdits(base: Record<string, unknown>, edits: Edit[]): Record<string, unknown> {
  const body = structuredClone(base);
  for (const edit of edits) {
    const messages = body.messages as Record<string, unknown>[] | undefined;
    const target =
      edit.at === 'body'
        ? body
        : Array.isArray(messages) && typeof messages[edit.at] === 'object' && messages[edit.at] !== null
          ? messages[edit.at]
          : undefined;
    if (!target) continue;
    if ('drop' in edit) delete target[edit.key];
    else target[edit.key] = edit.value;
  }
  return body;
}

function edits(keys: string[]): fc.Arbitrary<Edit[]> {
  const at = fc.oneof(fc.constant<'body'>('body'), fc.nat(2));
  const key = fc.constantFrom(...keys, 'extra');
  return fc.array(
    fc.oneof(fc.record({ at, key, value: anyValue }), fc.record({ at, key, drop: fc.constant<true>(true) })),
    { minLength: 0, maxLength: 3 },
  );
}

const CHAT_KEYS = [
  'messages',
  'model',
  'provider',
  'max_tokens',
  'max_completion_tokens',
  'temperature',
  'top_p',
  'stop',
  'seed',
  'n',
  'stream',
  'stream_options',
  'user',
  'purpose',
  'cache',
  'top_k',
  'min_p',
  'presence_penalty',
  'frequency_penalty',
  'repetition_penalty',
  'logit_bias',
  'response_format',
  'tools',
  'tool_choice',
  'parallel_tool_calls',
  'tool_calls',
  'tool_call_id',
  'logprobs',
  'top_logprobs',
  'reasoning_effort',
  'reasoning',
  'enabled',
  'reasoning_content',
  'refusal',
  'role',
  'content',
  'name',
];

const CASES: Array<{ dto: new () => object; base: Record<string, unknown>; keys: string[] }> = [
  {
    dto: OpenAiChatDto,
    base: {
      messages: [
        { role: 'system', content: 'Be brief.' },
        { role: 'user', content: [{ type: 'text', text: 'hi' }], name: 'ann' },
      ],
      max_tokens: 16,
      temperature: 0.5,
      stop: ['\n'],
      stream: true,
      stream_options: { include_usage: true },
      model: 'meta-llama/Meta-Llama-3.1-8B-Instruct-Turbo',
    },
    keys: CHAT_KEYS,
  },
  {
    dto: ChatCompletionDto,
    base: { messages: [{ role: 'user', content: 'hi' }], max_tokens: 16, stop: ['a'], purpose: 'coding' },
    keys: CHAT_KEYS,
  },
  {
    dto: OpenAiCompletionDto,
    base: { prompt: 'Once upon a time', max_tokens: 8, stop: 'x' },
    keys: [
      'prompt',
      'max_tokens',
      'temperature',
      'stop',
      'n',
      'stream',
      'model',
      'top_k',
      'logit_bias',
      'logprobs',
      'echo',
    ],
  },
  {
    dto: CodeCompletionDto,
    base: { prompt: 'def f():', language: 'python', max_tokens: 8 },
    keys: ['prompt', 'language', 'max_tokens', 'temperature', 'seed'],
  },
  {
    dto: OpenAiEmbeddingDto,
    base: { input: ['a', 'b'], model: 'togethercomputer/m2-bert-80M-8k-retrieval' },
    keys: ['input', 'model', 'encoding_format', 'dimensions', 'user'],
  },
  {
    dto: ImageGenerationDto,
    base: { prompt: 'a cat', width: 512, height: 512, num_inference_steps: 4, n: 1 },
    keys: [
      'prompt',
      'negative_prompt',
      'width',
      'height',
      'num_inference_steps',
      'n',
      'seed',
      'model',
      'response_format',
    ],
  },
  {
    dto: ImageAnalysisDto,
    base: { image_url: 'https://example.com/cat.png', prompt: 'What is this?' },
    keys: ['image_url', 'prompt', 'max_tokens', 'model'],
  },
];

describe('the validation fast path', () => {
  it.each(CASES.map((c) => [c.dto.name, c] as const))(
    'decides %s bodies exactly as class-validator does (valid, edited and hostile ones)',
    async (_name, { dto, base, keys }) => {
      expect(fast.verdict(plainToInstance(dto, base), PIPE)).toBe('valid');
      const seen = new Set<Verdict>();
      await fc.assert(
        fc.asyncProperty(
          fc.oneof(
            { weight: 4, arbitrary: edits(keys).map((e) => applyEdits(base, e)) },
            { weight: 1, arbitrary: fc.dictionary(fc.constantFrom(...keys), anyValue) },
          ),
          fc.constantFrom<ValidatorOptions>(PIPE, { ...PIPE, forbidUnknownValues: true }),
          async (body, options) => {
            seen.add(await expectSameDecision(plainToInstance(dto, body), options));
          },
        ),
        { numRuns: 300 },
      );
      expect([...seen].sort()).toEqual(['invalid', 'valid']); // the bodies tried were of both kinds
    },
  );

  it("is what the api's body validation uses: valid bodies become instances, errors keep their words", async () => {
    const body = await validateBody(OpenAiChatDto, {
      messages: [{ role: 'developer', content: 'Be brief.' }],
      max_tokens: 8,
    });
    expect(body).toBeInstanceOf(OpenAiChatDto);
    expect(body.chatMessages()).toEqual([{ role: 'system', content: 'Be brief.' }]);
    await expect(
      validateBody(OpenAiChatDto, { messages: [{ role: 'user', content: 'hi' }], max_tokens: 0 }),
    ).rejects.toMatchObject({ param: 'max_tokens', message: 'max_tokens must be at least 1' });
    await expect(
      validateBody(OpenAiChatDto, { messages: [{ role: 'robot', content: 'hi' }] }),
    ).rejects.toMatchObject({ param: 'messages[0].role' });
  });

  it.each(CASES.map((c) => [c.dto.name, c] as const))(
    "lets the body pipe answer %s bodies exactly as Nest's ValidationPipe with class-validator does",
    async (_name, { dto, base, keys }) => {
      const reference = new ValidationPipe({
        ...BODY_VALIDATOR_OPTIONS,
        transform: true,
        transformOptions: { enableImplicitConversion: false },
      });
      const outcome = (pipe: (body: unknown) => Promise<unknown>, body: unknown) =>
        pipe(structuredClone(body)).then(
          (value) => ({ valid: true, value, instance: value instanceof dto }),
          () => ({ valid: false }),
        );
      await fc.assert(
        fc.asyncProperty(
          fc.oneof(
            { weight: 4, arbitrary: edits(keys).map((e) => applyEdits(base, e)) },
            { weight: 1, arbitrary: fc.dictionary(fc.constantFrom(...keys, 'constructor'), anyValue) },
          ),
          async (body) => {
            const ours = await outcome((b) => validateBody(dto, b), body);
            const nest = await outcome((b) => reference.transform(b, { type: 'body', metatype: dto }), body);
            expect({ body, ours }).toEqual({ body, ours: nest });
          },
        ),
        { numRuns: 150 },
      );
    },
  );

  it("answers a valid body without Nest's pipe, and hands everything else to it", async () => {
    const nestPipe = jest.spyOn(ValidationPipe.prototype, 'transform');
    try {
      const valid = { messages: [{ role: 'user', content: 'hi' }], max_tokens: 8 };
      await expect(validateBody(OpenAiChatDto, valid)).resolves.toBeInstanceOf(OpenAiChatDto);
      expect(nestPipe).not.toHaveBeenCalled();

      await expect(validateBody(OpenAiChatDto, { ...valid, max_tokens: 0 })).rejects.toMatchObject({
        param: 'max_tokens',
      });
      expect(nestPipe).toHaveBeenCalledTimes(1);

      // A `constructor` key goes nowhere, as in Nest's pipe (class-transformer does not copy it).
      const withConstructor = await validateBody(OpenAiChatDto, { ...valid, constructor: 'x' });
      expect(withConstructor).toBeInstanceOf(OpenAiChatDto);
      expect(Object.hasOwn(withConstructor, 'constructor')).toBe(false);
    } finally {
      nestPipe.mockRestore();
    }
  });

  it('hands the object to class-validator when, without forbidNonWhitelisted, it would strip a field', async () => {
    const options = { ...PIPE, forbidNonWhitelisted: false };
    const entity = plainToInstance(ChatCompletionDto, {
      messages: [{ role: 'user', content: 'hi' }],
      extra: 1,
    });
    expect(fast.verdict(entity, options)).toBe('ask class-validator');
    expect(await fast.validate(entity, options)).toEqual([]);
    expect(entity).not.toHaveProperty('extra');
  });

  it('hands over an option it does not implement, and a value that is not an object', () => {
    const entity = plainToInstance(ChatCompletionDto, { messages: [] });
    expect(fast.verdict(entity, { ...PIPE, skipMissingProperties: true })).toBe('ask class-validator');
    expect(fast.verdict(entity, { ...PIPE, skipMissingProperties: false })).toBe('invalid');
    expect(fast.verdict('text', PIPE)).toBe('ask class-validator');
    expect(fast.verdict(null, PIPE)).toBe('ask class-validator');
  });
});

@ValidatorConstraint({ name: 'eventually', async: true })
class EventuallyTrue implements ValidatorConstraintInterface {
  validate(): Promise<boolean> {
    return Promise.resolve(true);
  }
}

@ValidatorConstraint({ name: 'sometimesAsync' })
class SometimesAsync implements ValidatorConstraintInterface {
  validate(value: unknown): boolean | Promise<boolean> {
    return value === 'later' ? Promise.resolve(false) : value === 'now';
  }
}

class Leaf {
  @IsInt()
  @Min(0)
  n!: number;
}

class Base {
  @IsDefined()
  id!: unknown;

  @IsOptional()
  @IsString({ each: true })
  @MaxLength(3, { each: true })
  tags?: string[] | Set<string> | Map<string, string>;
}

class Edges extends Base {
  @IsOptional()
  @ValidateNested({ each: true })
  @Type(() => Leaf)
  leaves?: Leaf[] | Leaf[][];

  @IsOptional()
  @ValidateNested()
  free?: object;

  @ValidateIf((o: Edges) => o.kind === 'counted')
  @IsInt()
  @Max(5)
  count?: number;

  @IsOptional()
  @IsString()
  kind?: string;

  @IsOptional()
  @Min(10, { groups: ['strict'] })
  @Min(1, { always: true })
  grouped?: number;

  @IsOptional()
  @Validate(SometimesAsync)
  maybe?: string;

  @Allow()
  anything?: unknown;

  @IsOptional()
  @ArrayMaxSize(2)
  @IsInt({ each: true, validateIf: (o: Edges) => o.kind !== 'loose' })
  loose?: unknown[];
}

class Deferred {
  @Validate(EventuallyTrue)
  later!: string;
}

class Promised {
  @ValidatePromise()
  @IsInt()
  promised!: Promise<number> | number;
}

/** An Edges object as the pipe would build it from `body` (which may hold values JSON cannot). */
function edges(body: Record<string, unknown>): Edges {
  return Object.assign(new Edges(), body, { leaves: plainToInstance(Edges, { leaves: body.leaves }).leaves });
}

describe('the validation fast path on every kind of rule', () => {
  const cases: Array<[string, Record<string, unknown>]> = [
    ['a defined id and nothing else', { id: 0 }],
    ['a missing id (IsDefined)', {}],
    ['a null id', { id: null }],
    ['each rule on an array', { id: 1, tags: ['a', 'bb'] }],
    ['each rule failing on one item', { id: 1, tags: ['a', 'long'] }],
    ['each rule on a set', { id: 1, tags: new Set(['a']) }],
    ['each rule failing in a set', { id: 1, tags: new Set(['a', 'long']) }],
    ['each rule on a map (its values)', { id: 1, tags: new Map([['long key', 'a']]) }],
    ['each rule failing on a map value', { id: 1, tags: new Map([['k', 'long']]) }],
    ['each rule on a holey array', { id: 1, tags: ['a', , 'b'] }], // eslint-disable-line no-sparse-arrays
    ['nested items', { id: 1, leaves: [{ n: 1 }, { n: 2 }] }],
    ['a nested item failing', { id: 1, leaves: [{ n: 1 }, { n: -1 }] }],
    ['a nested item with an unknown field', { id: 1, leaves: [{ n: 1, m: 2 }] }],
    ['nested arrays of items', { id: 1, leaves: [[{ n: 1 }], [{ n: 2 }]] }],
    ['nested arrays with a failing item', { id: 1, leaves: [[{ n: 1 }], [{ n: -2 }]] }],
    ['a primitive where an item belongs', { id: 1, leaves: [1] }],
    ['a primitive where a nested object belongs', { id: 1, leaves: 'x' }],
    ['a nested object of no class', { id: 1, free: { a: 1 } }],
    ['an empty nested object of no class', { id: 1, free: {} }],
    ['a condition that skips the rules', { id: 1, count: 99 }],
    ['a condition that applies them', { id: 1, kind: 'counted', count: 99 }],
    ['a condition that applies them, passing', { id: 1, kind: 'counted', count: 3 }],
    ['a rule in a group applies when no group is asked for', { id: 1, grouped: 5 }],
    ['both rules passing', { id: 1, grouped: 10 }],
    ['the always-applied rule failing', { id: 1, grouped: 0 }],
    ['a sync result from a sometimes-async rule', { id: 1, maybe: 'now' }],
    ['a failing sync result from it', { id: 1, maybe: 'never' }],
    ['a promise from it', { id: 1, maybe: 'later' }],
    ['an allowed field of any value', { id: 1, anything: { deep: [1] } }],
    ['a rule skipped by its own validateIf', { id: 1, kind: 'loose', loose: ['x'] }],
    ['the same rule applied', { id: 1, loose: ['x'] }],
    ['an unknown field', { id: 1, unknown: true }],
  ];
  const optionSets: Array<[string, ValidatorOptions]> = [
    ['the pipe', PIPE],
    ['unknown values forbidden', { ...PIPE, forbidUnknownValues: true }],
    ['the strict group', { ...PIPE, groups: ['strict'] }],
    ['strict groups', { ...PIPE, strictGroups: true }],
    ['always', { ...PIPE, always: true }],
    ['no whitelist', { forbidUnknownValues: false }],
  ];

  it.each(optionSets)('decides as class-validator does, with %s', async (_name, options) => {
    for (const [, body] of cases) await expectSameDecision(edges(body), options);
  });

  it('decides the cases as listed', () => {
    const verdicts = Object.fromEntries(cases.map(([name, body]) => [name, fast.verdict(edges(body), PIPE)]));
    expect(verdicts).toEqual({
      'a defined id and nothing else': 'valid',
      'a missing id (IsDefined)': 'invalid',
      'a null id': 'invalid',
      'each rule on an array': 'valid',
      'each rule failing on one item': 'invalid',
      'each rule on a set': 'valid',
      'each rule failing in a set': 'invalid',
      'each rule on a map (its values)': 'valid',
      'each rule failing on a map value': 'invalid',
      'each rule on a holey array': 'valid',
      'nested items': 'valid',
      'a nested item failing': 'invalid',
      'a nested item with an unknown field': 'invalid',
      'nested arrays of items': 'valid',
      'nested arrays with a failing item': 'invalid',
      'a primitive where an item belongs': 'invalid',
      'a primitive where a nested object belongs': 'invalid',
      'a nested object of no class': 'invalid', // no rules, so its field is not whitelisted
      'an empty nested object of no class': 'valid', // the pipe does not forbid unknown values
      'a condition that skips the rules': 'valid',
      'a condition that applies them': 'invalid',
      'a condition that applies them, passing': 'valid',
      'a rule in a group applies when no group is asked for': 'invalid',
      'both rules passing': 'valid',
      'the always-applied rule failing': 'invalid',
      'a sync result from a sometimes-async rule': 'valid',
      'a failing sync result from it': 'invalid',
      'a promise from it': 'ask class-validator',
      'an allowed field of any value': 'valid',
      'a rule skipped by its own validateIf': 'valid',
      'the same rule applied': 'invalid',
      'an unknown field': 'invalid',
    });
  });

  it('hands asynchronous rules and promised values to class-validator', async () => {
    expect(fast.verdict(Object.assign(new Deferred(), { later: 'x' }), PIPE)).toBe('ask class-validator');
    expect(await fast.validate(Object.assign(new Deferred(), { later: 'x' }), PIPE)).toEqual([]);
    const promised = Object.assign(new Promised(), { promised: Promise.resolve(1.5) });
    expect(fast.verdict(promised, PIPE)).toBe('ask class-validator');
    expect(await fast.validate(promised, PIPE)).toMatchObject([{ property: 'promised' }]);
    expect(fast.verdict(Object.assign(new Promised(), { promised: 2 }), PIPE)).toBe('valid');
  });
});
