import { Readable } from 'node:stream';
import type { UpstreamHttpClient, UpstreamResponse } from '../http/upstream-http.client';
import type { TextStreamEvent } from '../llm-provider';
import { togetherStreamEvents } from './together.stream';

/** A response whose body is these SSE data payloads, as Together sends them. */
function response(...payloads: object[]): UpstreamResponse {
  const text = payloads.map((p) => `data: ${JSON.stringify(p)}\n\n`).join('') + 'data: [DONE]\n\n';
  return {
    status: 200,
    headers: {},
    body: Readable.from([Buffer.from(text)]) as unknown as UpstreamResponse['body'],
    signal: new AbortController().signal,
  };
}

async function events(upstream: UpstreamResponse): Promise<TextStreamEvent[]> {
  const seen: TextStreamEvent[] = [];
  const http = { classify: (error: unknown) => error } as unknown as UpstreamHttpClient;
  for await (const event of togetherStreamEvents(upstream, http, { provider: 'Together AI', model: 'm' }))
    seen.push(event);
  return seen;
}

const chunk = (delta: object, extra: object = {}) => ({
  id: 'x',
  object: 'chat.completion.chunk',
  choices: [
    {
      index: 0,
      text: '',
      logprobs: null,
      finish_reason: null,
      seed: null,
      delta: { role: 'assistant', ...delta },
      ...extra,
    },
  ],
  usage: null,
});

describe("Together's stream", () => {
  it('a tool call as Together streams it (the finish reason twice, usage last) becomes pieces and one end', async () => {
    // The sequence observed in 2026-04 (shared/reference/together-api.md §2.4).
    const usage = { prompt_tokens: 40, completion_tokens: 9, total_tokens: 49 };
    const seen = await events(
      response(
        chunk({ content: '' }),
        chunk({
          tool_calls: [
            { index: 0, id: 'call_abc', type: 'function', function: { name: 'get_weather', arguments: '' } },
          ],
        }),
        chunk(
          { tool_calls: [{ index: 0, function: { arguments: '{"city":"Paris"}' } }] },
          { finish_reason: 'tool_calls' },
        ),
        { ...chunk({ content: '', token_id: 128009 }, { finish_reason: 'tool_calls' }), usage },
      ),
    );
    expect(seen).toEqual([
      { type: 'tool_call', index: 0, id: 'call_abc', name: 'get_weather', arguments: '' },
      { type: 'tool_call', index: 0, arguments: '{"city":"Paris"}' },
      {
        type: 'end',
        finishReason: 'tool_calls',
        usage: { promptTokens: 40, completionTokens: 9, totalTokens: 49 },
      },
    ]);
  });

  it('text deltas, then one end with the usage of a trailing usage-only chunk', async () => {
    const seen = await events(
      response(chunk({ content: 'Hel' }), chunk({ content: 'lo' }, { finish_reason: 'stop' }), {
        id: 'x',
        choices: [],
        usage: { prompt_tokens: 2, completion_tokens: 2, total_tokens: 4 },
      }),
    );
    expect(seen).toEqual([
      { type: 'delta', content: 'Hel' },
      { type: 'delta', content: 'lo' },
      { type: 'end', finishReason: 'stop', usage: { promptTokens: 2, completionTokens: 2, totalTokens: 4 } },
    ]);
  });

  it("a reasoning model's thinking (under either key) comes first, and never as the answer's text", async () => {
    const seen = await events(
      response(
        chunk({ content: null, reasoning: 'Let me' }, { text: 'Let me' }),
        chunk({ content: null, reasoning_content: ' think.' }),
        chunk({ content: 'Four.' }, { text: 'Four.', finish_reason: 'stop' }),
      ),
    );
    expect(seen.slice(0, 3)).toEqual([
      { type: 'reasoning', content: 'Let me' },
      { type: 'reasoning', content: ' think.' },
      { type: 'delta', content: 'Four.' },
    ]);
  });
});
