import { plainToInstance } from 'class-transformer';
import { OpenAiChatDto } from '../openai/dto/openai-text.dto';
import { ChatCompletionDto } from '../together/dto/chat-completion.dto';
import { validateBody } from './validation';
import { responseFormatProblem } from './validators';

const messages = [{ role: 'user', content: 'hi' }];
const samplingOf = (body: object) => plainToInstance(OpenAiChatDto, { messages, ...body }).sampling();

describe('decoding options (both surfaces)', () => {
  it('become the gateway sampling options, absent ones absent', () => {
    expect(samplingOf({ top_k: 5, min_p: 0.1, presence_penalty: 1, frequency_penalty: -1 })).toMatchObject({
      topK: 5,
      minP: 0.1,
      presencePenalty: 1,
      frequencyPenalty: -1,
    });
    const plain = samplingOf({});
    expect(JSON.parse(JSON.stringify(plain))).toEqual({});
    const together = plainToInstance(ChatCompletionDto, {
      messages,
      repetition_penalty: 1.2,
      logit_bias: { '7': 2 },
    });
    expect(together.sampling()).toMatchObject({ repetitionPenalty: 1.2, logitBias: { '7': 2 } });
  });

  it("put the legacy response formats (a schema beside the type) in OpenAI's form", () => {
    const schema = { type: 'object', properties: { a: { type: 'number' } } };
    const named = { type: 'json_schema', json_schema: { name: 'response', schema } };
    expect(samplingOf({ response_format: { type: 'json_object', schema } }).responseFormat).toEqual(named);
    expect(samplingOf({ response_format: { type: 'json_schema', schema } }).responseFormat).toEqual(named);
    expect(samplingOf({ response_format: { type: 'json_object' } }).responseFormat).toEqual({
      type: 'json_object',
    });
    expect(samplingOf({ response_format: { type: 'regex', pattern: '\\d+' } }).responseFormat).toEqual({
      type: 'regex',
      pattern: '\\d+',
    });
  });

  it.each([
    [{ type: 'text' }],
    [{ type: 'json_schema', json_schema: { name: 'r', schema: {}, strict: true, description: 'd' } }],
    [{ type: 'json_object', schema: { type: 'object' } }],
    [{ type: 'regex', pattern: '[a-z]+' }],
  ])('response_format %j is accepted', (value) => {
    expect(responseFormatProblem('response_format', value)).toBeUndefined();
  });

  it.each([
    [[], 'response_format must be an object'],
    [{ type: 'text', schema: {} }, 'response_format.schema is not a recognised field for type text'],
    [{ type: 'json_object', schema: [] }, 'response_format.schema must be a JSON Schema object'],
    [{ type: 'json_schema' }, 'response_format.schema is required'],
    [{ type: 'json_schema', json_schema: 'x' }, 'response_format.json_schema must be an object'],
    [{ type: 'json_schema', json_schema: { name: 'a b' } }, 'response_format.json_schema.name must be'],
    [
      { type: 'json_schema', json_schema: { name: 'a', strict: 1 } },
      'response_format.json_schema.strict must be',
    ],
    [
      { type: 'json_schema', json_schema: { name: 'a', extra: 1 } },
      'response_format.json_schema.extra is not',
    ],
    [{ type: 'regex', pattern: 5 }, 'response_format.pattern must be a regular expression'],
    [{ type: 'yaml' }, 'response_format.type must be one of'],
  ])('response_format %j: %s', (value, problem) => {
    expect(responseFormatProblem('response_format', value)).toContain(problem);
  });

  it('refuse a schema too large to pass on', async () => {
    const schema = { type: 'object', description: 'x'.repeat(100_001) };
    await expect(
      validateBody(OpenAiChatDto, { messages, response_format: { type: 'json_object', schema } }),
    ).rejects.toMatchObject({ param: 'response_format', message: expect.stringContaining('at most 100000') });
  });
});
