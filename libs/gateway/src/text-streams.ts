import type {
  TextGeneration,
  TextStream,
  TextStreamEvent,
  TokenUsage,
  ToolCall,
  ToolCallDelta,
} from '@tiergate/provider';
import { countTextTokens } from '@tiergate/quota';
import type { AnswerCachePolicy } from './chain-runner';
import type { AnswerSource, GatewayStreamEvent } from './gateway.types';
import type { UsageTicket } from './usage-ticket';

/** A stream whose first event has arrived. */
export interface OpenedStream {
  id: string;
  model: string;
  iterator: AsyncIterator<TextStreamEvent>;
  first: IteratorResult<TextStreamEvent>;
}

/** A stream's events inside the pipeline: the provider's, and word that another model took over. */
export type StreamEvent = TextStreamEvent | { type: 'rescued'; source: AnswerSource };

/** Opens a stream and waits for its first event (so failures up to it can still fall back). */
export async function startStream(stream: TextStream): Promise<OpenedStream> {
  const iterator = stream[Symbol.asyncIterator]();
  const first = await iterator.next();
  return { iterator, first, model: stream.model, id: stream.id };
}

/** Hands on the first event (already awaited), then the rest; closes the upstream when done. */
export async function* replayFirst({ iterator, first }: OpenedStream): AsyncGenerator<TextStreamEvent> {
  try {
    if (first.done) return;
    yield first.value;
    for (let next = await iterator.next(); !next.done; next = await iterator.next()) yield next.value;
  } finally {
    await iterator.return?.();
  }
}

/** A cached answer, replayed as a stream. */
export async function openedFrom(answer: TextGeneration): Promise<OpenedStream> {
  const items: TextStreamEvent[] = [
    ...(answer.reasoning ? [{ type: 'reasoning' as const, content: answer.reasoning }] : []),
    ...(answer.content || !answer.toolCalls ? [{ type: 'delta' as const, content: answer.content }] : []),
    ...(answer.toolCalls ?? []).map((call, index): TextStreamEvent => ({
      type: 'tool_call',
      index,
      id: call.id,
      name: call.function.name,
      arguments: call.function.arguments,
    })),
    { type: 'end', finishReason: answer.finishReason, usage: answer.usage },
  ];
  const iterator: AsyncIterator<TextStreamEvent> = {
    next: () =>
      Promise.resolve(
        items.length ? { done: false, value: items.shift()! } : { done: true, value: undefined },
      ),
  };
  return { id: answer.id, model: answer.model, iterator, first: await iterator.next() };
}

/** Answers longer than this are not kept for the cached-answer fallback (bounded memory per stream). */
const MAX_CACHED_ANSWER_CHARS = 64 * 1024;

/** Passes the events on, and caches the whole answer (text and tool calls) once the stream has ended cleanly. */
export async function* keepAnswer(
  events: AsyncGenerator<StreamEvent>,
  stream: { id: string; model: string },
  cache: AnswerCachePolicy<TextGeneration>,
): AsyncGenerator<StreamEvent> {
  let parts: string[] | undefined = [];
  const thoughts: string[] = [];
  const calls = new ToolCallAssembly();
  let length = 0;
  for await (const event of events) {
    if (event.type !== 'end' && event.type !== 'rescued' && parts) {
      length += event.type === 'tool_call' ? event.arguments.length : event.content.length;
      if (length > MAX_CACHED_ANSWER_CHARS) parts = undefined;
      else if (event.type === 'delta') parts.push(event.content);
      else if (event.type === 'reasoning') thoughts.push(event.content);
      else calls.add(event);
    } else if (event.type === 'end' && event.usage && parts) {
      cache.write({
        id: stream.id,
        model: stream.model,
        content: parts.join(''),
        ...(thoughts.length && { reasoning: thoughts.join('') }),
        ...(calls.size && { toolCalls: calls.whole() }),
        finishReason: event.finishReason,
        usage: event.usage,
      });
    }
    yield event;
  }
}

/** Streamed tool-call pieces put back together, call by call (by index). */
export class ToolCallAssembly {
  private readonly calls = new Map<number, ToolCall>();

  get size(): number {
    return this.calls.size;
  }

  add(piece: ToolCallDelta): void {
    const call = this.calls.get(piece.index);
    if (call) {
      call.function.arguments += piece.arguments;
      if (piece.name) call.function.name += piece.name;
    } else {
      this.calls.set(piece.index, {
        id: piece.id ?? '',
        type: 'function',
        function: { name: piece.name ?? '', arguments: piece.arguments },
      });
    }
  }

  whole(): ToolCall[] {
    return [...this.calls.entries()].sort(([a], [b]) => a - b).map(([, call]) => call);
  }

  /** Their names and arguments as text (what the model generated, for counting tokens). */
  text(): string {
    return this.whole()
      .map((call) => call.function.name + call.function.arguments)
      .join('');
  }
}

/**
 * The gateway's stream: the text, then the final event with the usage and the source of the
 * whole answer, priced. The ticket is settled before that event is handed on (so it carries the
 * cost): with the usage the upstream reported, else the prompt plus the tokens streamed. When the
 * client leaves early or the stream breaks, it is settled the same way as the stream closes.
 */
export async function* settledWhenDone(
  events: AsyncGenerator<StreamEvent>,
  stream: { source: AnswerSource; promptTokens: number; ticket: UsageTicket; ttftMs: number },
): AsyncGenerator<GatewayStreamEvent> {
  const { ticket, ttftMs, promptTokens } = stream;
  let source = stream.source;
  let settled = false;
  const streamed: string[] = [];
  const calls = new ToolCallAssembly();
  // Only when the upstream reported no usage, or the stream did not reach its end: the text is
  // tokenised once, at the end (a long answer takes the tokenizer milliseconds).
  const counted = (): TokenUsage => {
    const completionTokens = countTextTokens(streamed.join('') + calls.text());
    return { promptTokens, completionTokens, totalTokens: promptTokens + completionTokens };
  };
  try {
    for await (const event of events) {
      if (event.type === 'rescued') {
        source = event.source;
      } else if (event.type === 'delta' || event.type === 'reasoning') {
        streamed.push(event.content); // thinking is billed as completion tokens too
        yield event;
      } else if (event.type === 'tool_call') {
        calls.add(event);
        yield event;
      } else {
        const usage = event.usage ?? counted();
        settled = true;
        const costUsd = await ticket.settle(source.cached ? {} : usage, source, ttftMs);
        yield { type: 'end', finishReason: event.finishReason, usage, source: { ...source, costUsd } };
      }
    }
  } finally {
    if (!settled) await ticket.settle(source.cached ? {} : counted(), source, ttftMs);
  }
}
