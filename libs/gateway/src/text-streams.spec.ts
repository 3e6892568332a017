import type { TextGeneration, TokenUsage } from '@tiergate/provider';
import { countTextTokens } from '@tiergate/quota';
import type { AnswerSource, GatewayStreamEvent } from './gateway.types';
import {
  keepAnswer,
  openedFrom,
  replayFirst,
  settledWhenDone,
  ToolCallAssembly,
  type StreamEvent,
} from './text-streams';
import type { UsageTicket } from './usage-ticket';

jest.mock('@tiergate/quota', () => {
  const actual = jest.requireActual<typeof import('@tiergate/quota')>('@tiergate/quota');
  return { ...actual, countTextTokens: jest.fn(actual.countTextTokens) };
});
const tokenizer = countTextTokens as jest.MockedFunction<typeof countTextTokens>;

const SOURCE: AnswerSource = {
  providerId: 'together_ai',
  providerName: 'Together AI',
  requestedModel: null,
  servedModel: 'meta-llama/Meta-Llama-3.1-8B-Instruct-Turbo',
  attempts: 1,
  keySource: 'system',
  isFallback: false,
  fallbackStrategy: null,
  fallbackReason: null,
  cached: false,
  costUsd: null,
  indicator: null,
};
const UPSTREAM_USAGE: TokenUsage = { promptTokens: 12, completionTokens: 3, totalTokens: 15 };

/** A ticket that records how it was settled (the real one settles once; so must the stream). */
function ticket(): { ticket: UsageTicket; settle: jest.Mock } {
  const settle = jest.fn().mockResolvedValue(0.000042);
  return { ticket: { settle } as unknown as UsageTicket, settle };
}

async function* upstream(events: StreamEvent[]): AsyncGenerator<StreamEvent> {
  yield* events;
}

const deltas = (...texts: string[]): StreamEvent[] => texts.map((content) => ({ type: 'delta', content }));

async function drain(events: AsyncIterable<GatewayStreamEvent>): Promise<GatewayStreamEvent[]> {
  const seen: GatewayStreamEvent[] = [];
  for await (const event of events) seen.push(event);
  return seen;
}

describe('settledWhenDone (a stream settled exactly once, with the best usage known)', () => {
  beforeEach(() => tokenizer.mockClear());

  it('settles once with the usage the upstream reported, without tokenising the text', async () => {
    const { ticket: t, settle } = ticket();
    const events = await drain(
      settledWhenDone(
        upstream([
          ...deltas('Hello', ', world'),
          { type: 'end', finishReason: 'stop', usage: UPSTREAM_USAGE },
        ]),
        { source: SOURCE, promptTokens: 10, ticket: t, ttftMs: 7 },
      ),
    );
    expect(events.at(-1)).toEqual({
      type: 'end',
      finishReason: 'stop',
      usage: UPSTREAM_USAGE,
      source: { ...SOURCE, costUsd: 0.000042 },
    });
    expect(settle.mock.calls).toEqual([[UPSTREAM_USAGE, SOURCE, 7]]);
    expect(tokenizer).not.toHaveBeenCalled();
  });

  it('counts the streamed text when the upstream reported no usage', async () => {
    const { ticket: t, settle } = ticket();
    const events = await drain(
      settledWhenDone(
        upstream([...deltas('Hello', ', world'), { type: 'end', finishReason: 'length', usage: null }]),
        {
          source: SOURCE,
          promptTokens: 10,
          ticket: t,
          ttftMs: 7,
        },
      ),
    );
    const completionTokens = countTextTokens('Hello, world');
    const usage = { promptTokens: 10, completionTokens, totalTokens: 10 + completionTokens };
    expect(events.at(-1)).toMatchObject({ type: 'end', usage });
    expect(settle.mock.calls).toEqual([[usage, SOURCE, 7]]);
  });

  it('settles with what was streamed when the client leaves before the end', async () => {
    const { ticket: t, settle } = ticket();
    const stream = settledWhenDone(
      upstream([
        ...deltas('Once', ' upon', ' a time'),
        { type: 'end', finishReason: 'stop', usage: UPSTREAM_USAGE },
      ]),
      { source: SOURCE, promptTokens: 10, ticket: t, ttftMs: 7 },
    );
    await stream.next();
    await stream.next();
    await stream.return(undefined);
    const completionTokens = countTextTokens('Once upon');
    expect(settle.mock.calls).toEqual([
      [{ promptTokens: 10, completionTokens, totalTokens: 10 + completionTokens }, SOURCE, 7],
    ]);
  });

  it('charges nothing for a cached answer, and names the model that finished a rescued stream', async () => {
    const { ticket: t, settle } = ticket();
    const rescuer: AnswerSource = {
      ...SOURCE,
      servedModel: 'Qwen/Qwen2.5-7B-Instruct-Turbo',
      isFallback: true,
    };
    const events = await drain(
      settledWhenDone(
        upstream([
          ...deltas('Half'),
          { type: 'rescued', source: rescuer },
          ...deltas(' and the rest'),
          { type: 'end', finishReason: 'stop', usage: UPSTREAM_USAGE },
        ]),
        { source: SOURCE, promptTokens: 10, ticket: t, ttftMs: 7 },
      ),
    );
    expect(events.map((event) => event.type)).toEqual(['delta', 'delta', 'end']);
    expect(settle.mock.calls).toEqual([[UPSTREAM_USAGE, rescuer, 7]]);

    const cached = ticket();
    await drain(
      settledWhenDone(
        upstream([...deltas('Cached'), { type: 'end', finishReason: 'stop', usage: UPSTREAM_USAGE }]),
        {
          source: { ...SOURCE, cached: true },
          promptTokens: 10,
          ticket: cached.ticket,
          ttftMs: 1,
        },
      ),
    );
    expect(cached.settle.mock.calls).toEqual([[{}, { ...SOURCE, cached: true }, 1]]);
  });
});

describe('tool calls in a stream', () => {
  const pieces: StreamEvent[] = [
    { type: 'tool_call', index: 0, id: 'call_1', name: 'get_weather', arguments: '{"city":' },
    { type: 'tool_call', index: 1, id: 'call_2', name: 'get_time', arguments: '{}' },
    { type: 'tool_call', index: 0, arguments: ' "Oslo"}' },
  ];
  const WHOLE = [
    { id: 'call_1', type: 'function', function: { name: 'get_weather', arguments: '{"city": "Oslo"}' } },
    { id: 'call_2', type: 'function', function: { name: 'get_time', arguments: '{}' } },
  ];

  it('are put back together call by call, in index order', () => {
    const calls = new ToolCallAssembly();
    for (const piece of pieces) if (piece.type === 'tool_call') calls.add(piece);
    expect(calls.whole()).toEqual(WHOLE);
    expect(calls.text()).toBe('get_weather{"city": "Oslo"}get_time{}');
  });

  it('are passed on, and counted with the text when the upstream reports no usage', async () => {
    const { ticket: t, settle } = ticket();
    const events = await drain(
      settledWhenDone(upstream([...pieces, { type: 'end', finishReason: 'tool_calls', usage: null }]), {
        source: SOURCE,
        promptTokens: 10,
        ticket: t,
        ttftMs: 7,
      }),
    );
    expect(events.slice(0, 3)).toEqual(pieces);
    const completionTokens = countTextTokens('get_weather{"city": "Oslo"}get_time{}');
    expect(settle.mock.calls[0][0]).toEqual({
      promptTokens: 10,
      completionTokens,
      totalTokens: 10 + completionTokens,
    });
  });

  it("keep a reasoning model's thinking with the cached answer, and replay it first", async () => {
    const write = jest.fn();
    const kept = keepAnswer(
      upstream([
        { type: 'reasoning', content: 'Hm' },
        ...deltas('Yes'),
        { type: 'end', finishReason: 'stop', usage: UPSTREAM_USAGE },
      ]),
      { id: 'x', model: 'm' },
      { read: jest.fn(), write, preferred: false },
    );
    for await (const event of kept) void event;
    const answer = write.mock.calls[0][0] as TextGeneration;
    expect(answer).toMatchObject({ content: 'Yes', reasoning: 'Hm' });
    const replayed: StreamEvent[] = [];
    for await (const event of replayFirst(await openedFrom(answer))) replayed.push(event);
    expect(replayed.slice(0, 2)).toEqual([
      { type: 'reasoning', content: 'Hm' },
      { type: 'delta', content: 'Yes' },
    ]);
  });

  it('are kept with the answer for the cached-answer fallback, and replayed from it', async () => {
    const write = jest.fn();
    const cache = { read: jest.fn(), write, preferred: false };
    const kept = keepAnswer(
      upstream([...pieces, { type: 'end', finishReason: 'tool_calls', usage: UPSTREAM_USAGE }]),
      { id: 'x', model: 'm' },
      cache,
    );
    for await (const event of kept) void event;
    const answer = {
      id: 'x',
      model: 'm',
      content: '',
      toolCalls: WHOLE,
      finishReason: 'tool_calls',
      usage: UPSTREAM_USAGE,
    };
    expect(write.mock.calls).toEqual([[answer]]);

    const replayed: StreamEvent[] = [];
    for await (const event of replayFirst(await openedFrom(answer as TextGeneration))) replayed.push(event);
    const calls = new ToolCallAssembly();
    for (const event of replayed) if (event.type === 'tool_call') calls.add(event);
    expect(calls.whole()).toEqual(WHOLE);
    expect(replayed.some((event) => event.type === 'delta')).toBe(false);
    expect(replayed.at(-1)).toEqual({ type: 'end', finishReason: 'tool_calls', usage: UPSTREAM_USAGE });
  });
});
