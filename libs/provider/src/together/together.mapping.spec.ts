import { chatRequestBody, chunkLogprobs, completionRequestBody, toTextGeneration } from './together.mapping';

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
      reasoningEffort: 'low',
      reasoningEnabled: false,
      stop: ['\n'],
      seed: 7,
      choices: 3,
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
      reasoning_effort: 'low',
      reasoning: { enabled: false },
      stop: ['\n'],
      seed: 7,
      n: 3,
    });
  });

  it('send nothing for an option the caller left out', () => {
    expect(JSON.stringify(completionRequestBody({ model: 'm', prompt: 'Once' }))).toBe(
      '{"model":"m","prompt":"Once"}',
    );
  });

  it('ask for at least one logprob (Together counts the chosen token among them)', () => {
    expect(chatRequestBody({ model: 'm', messages, logprobs: 0 }).logprobs).toBe(1);
    expect(chatRequestBody({ model: 'm', messages, logprobs: 5 }).logprobs).toBe(5);
    expect(chatRequestBody({ model: 'm', messages }).logprobs).toBeUndefined();
  });

  it("put tool calls on the assistant turn and the call id on the tool message, in Together's words", () => {
    const call = { id: 'call_1', type: 'function' as const, function: { name: 'f', arguments: '{}' } };
    const body = chatRequestBody({
      model: 'm',
      messages: [
        ...messages,
        { role: 'assistant', content: '', toolCalls: [call] },
        { role: 'tool', content: '42', toolCallId: 'call_1' },
      ],
      tools: { definitions: [{ type: 'function', function: { name: 'f' } }], choice: 'auto' },
    });
    expect(body.messages.slice(1)).toEqual([
      { role: 'assistant', content: null, tool_calls: [call] },
      { role: 'tool', content: '42', tool_call_id: 'call_1' },
    ]);
    expect(body).toMatchObject({
      tools: [{ type: 'function', function: { name: 'f' } }],
      tool_choice: 'auto',
    });
  });
});

describe("Together's answers", () => {
  const ctx = { provider: 'Together AI', model: 'm' };
  const answer = (choice: object) => ({
    id: 'x',
    model: 'm',
    choices: [{ finish_reason: 'stop', ...choice }],
    usage: { prompt_tokens: 3, completion_tokens: 2, total_tokens: 5 },
  });

  it('read the legacy logprobs token by token, with the alternatives', () => {
    const generation = toTextGeneration(
      answer({
        message: { content: 'New York' },
        logprobs: {
          tokens: ['New', ' York'],
          token_logprobs: [-0.4, -0.01],
          top_logprobs: [{ New: -0.4, Old: -2 }, null],
        },
      }),
      'm',
      ctx,
    );
    expect(generation.logprobs).toEqual([
      {
        token: 'New',
        logprob: -0.4,
        top: [
          { token: 'New', logprob: -0.4 },
          { token: 'Old', logprob: -2 },
        ],
      },
      { token: ' York', logprob: -0.01, top: [] },
    ]);
  });

  it("read an echoed prompt's logprobs, and ask for the echo only when told", () => {
    const generation = toTextGeneration(
      {
        ...answer({ text: ' York' }),
        prompt: [
          { text: 'New', logprobs: { tokens: ['New'], token_logprobs: [null], top_logprobs: [null] } },
        ],
      },
      'm',
      ctx,
    );
    expect(generation.promptLogprobs).toEqual([{ token: 'New', logprob: 0, top: [] }]);
    expect(toTextGeneration(answer({ text: 'x' }), 'm', ctx)).not.toHaveProperty('promptLogprobs');
    expect(completionRequestBody({ model: 'm', prompt: 'p', logprobs: 1, echo: true })).toMatchObject({
      echo: true,
    });
  });

  it("read a stream chunk's logprobs as the spec's one number or as the legacy object", () => {
    expect(chunkLogprobs(-0.25, ' York')).toEqual([{ token: ' York', logprob: -0.25, top: [] }]);
    expect(chunkLogprobs({ tokens: [' York'], token_logprobs: [-0.5], top_logprobs: null }, ' York')).toEqual(
      [{ token: ' York', logprob: -0.5, top: [] }],
    );
    expect(chunkLogprobs(null, 'x')).toBeUndefined();
  });

  it("read a reasoning model's thinking under either key", () => {
    expect(
      toTextGeneration(answer({ message: { content: '4', reasoning: 'add' } }), 'm', ctx).reasoning,
    ).toBe('add');
    expect(
      toTextGeneration(answer({ message: { content: '4', reasoning_content: 'sum' } }), 'm', ctx).reasoning,
    ).toBe('sum');
    expect(
      toTextGeneration(answer({ message: { content: '4', reasoning: '' } }), 'm', ctx),
    ).not.toHaveProperty('reasoning');
  });

  it('read tool calls, and leave out an empty list of them', () => {
    const call = { index: 0, id: 'call_1', type: 'function', function: { name: 'f', arguments: '{"a":1}' } };
    const called = toTextGeneration(
      answer({ finish_reason: 'tool_calls', message: { content: null, tool_calls: [call] } }),
      'm',
      ctx,
    );
    expect(called).toMatchObject({ content: '', finishReason: 'tool_calls' });
    expect(called.toolCalls).toEqual([
      { id: 'call_1', type: 'function', function: { name: 'f', arguments: '{"a":1}' } },
    ]);
    const plain = toTextGeneration(answer({ message: { content: 'hi', tool_calls: [] } }), 'm', ctx);
    expect(plain.toolCalls).toBeUndefined();
    expect(plain.logprobs).toBeUndefined();
  });

  it('read every answer when several were asked for (n), the first as the generation', () => {
    const generation = toTextGeneration(
      {
        ...answer({ message: { content: 'one' } }),
        choices: [
          { finish_reason: 'stop', message: { content: 'one' } },
          { finish_reason: 'length', message: { content: 'two' } },
          { finish_reason: 'stop', message: { content: 'three', reasoning: 'hm' } },
        ],
      },
      'm',
      ctx,
    );
    expect(generation).toMatchObject({ content: 'one', finishReason: 'stop' });
    expect(generation.alternatives).toEqual([
      { content: 'two', finishReason: 'length' },
      { content: 'three', finishReason: 'stop', reasoning: 'hm' },
    ]);
    expect(toTextGeneration(answer({ message: { content: 'one' } }), 'm', ctx)).not.toHaveProperty(
      'alternatives',
    );
  });
});
