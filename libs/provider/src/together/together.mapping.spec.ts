import { chatRequestBody, completionRequestBody } from './together.mapping';

describe("Together's request bodies", () => {
  const messages = [{ role: 'user' as const, content: 'hi' }];

  it('name every sampling option as Together does', () => {
    const body = chatRequestBody({
      model: 'm',
      messages,
      maxTokens: 64,
      temperature: 0.2,
      topP: 0.9,
      topK: 40,
      minP: 0.05,
      presencePenalty: 0.5,
      frequencyPenalty: -0.5,
      repetitionPenalty: 1.1,
      logitBias: { '13': -100 },
      responseFormat: { type: 'json_schema', json_schema: { name: 'reply', schema: { type: 'object' } } },
      stop: ['\n'],
      seed: 7,
    });
    expect(JSON.parse(JSON.stringify(body))).toEqual({
      model: 'm',
      messages,
      max_tokens: 64,
      temperature: 0.2,
      top_p: 0.9,
      top_k: 40,
      min_p: 0.05,
      presence_penalty: 0.5,
      frequency_penalty: -0.5,
      repetition_penalty: 1.1,
      logit_bias: { '13': -100 },
      response_format: { type: 'json_schema', json_schema: { name: 'reply', schema: { type: 'object' } } },
      stop: ['\n'],
      seed: 7,
    });
  });

  it('send nothing for an option the caller left out', () => {
    expect(JSON.stringify(completionRequestBody({ model: 'm', prompt: 'Once' }))).toBe(
      '{"model":"m","prompt":"Once"}',
    );
  });
});
