import type { UpstreamHttpClient, UpstreamResponse } from '../http/upstream-http.client';
import { sseDataEvents } from '../http/sse-events';
import type { TextStreamEvent, TokenUsage, ToolCallDelta } from '../llm-provider';
import { ProviderError } from '../provider.errors';
import { errorFromResponse, errorFromTransport, protocolError, type ErrorContext } from './together-errors';
import { chunkLogprobs, reasoningOf, toUsage } from './together.mapping';
import type { TogetherGeneration, TogetherToolCall } from './together.types';

/**
 * Together's SSE chunks → our events. The finish chunk normally carries usage; some models send
 * it in a trailing `choices: []` chunk, so the one `end` event is emitted at `[DONE]` (or at the
 * close of a finished stream). A stream that ends before its finish chunk is an error.
 */
export async function* togetherStreamEvents(
  response: UpstreamResponse,
  http: UpstreamHttpClient,
  ctx: ErrorContext,
): AsyncGenerator<TextStreamEvent> {
  let finishReason: string | null = null;
  let usage: TokenUsage | null = null;
  try {
    for await (const data of sseDataEvents(response.body)) {
      if (data.trim() === '[DONE]') break;
      const chunk = parseChunk(data, ctx);
      usage = toUsage(chunk.usage) ?? usage;
      const choice = chunk.choices?.[0];
      const reasoning = reasoningOf(choice?.delta);
      if (reasoning) yield { type: 'reasoning', content: reasoning };
      // `text` mirrors the delta's content; on a chunk of thinking it is not the answer's.
      const content = choice?.delta?.content ?? (reasoning ? null : choice?.text);
      if (content) {
        const logprobs = chunkLogprobs(choice?.logprobs, content);
        yield logprobs ? { type: 'delta', content, logprobs } : { type: 'delta', content };
      }
      for (const call of choice?.delta?.tool_calls ?? []) yield toolCallDelta(call);
      if (choice?.finish_reason) finishReason = choice.finish_reason;
    }
  } catch (error) {
    if (error instanceof ProviderError) throw error;
    throw errorFromTransport(http.classify(error, response.signal), ctx);
  } finally {
    if (!response.body.destroyed) response.body.destroy();
  }
  if (!finishReason) throw protocolError('the stream ended before the answer was complete', ctx);
  yield { type: 'end', finishReason, usage };
}

/** A streamed piece of a tool call (the first piece of each carries its id and name). */
function toolCallDelta(call: TogetherToolCall): ToolCallDelta {
  return {
    type: 'tool_call',
    index: call.index ?? 0,
    ...(call.id && { id: call.id }),
    ...(call.function?.name && { name: call.function.name }),
    arguments: call.function?.arguments ?? '',
  };
}

/** One chunk's JSON; a chunk that carries an error ends the stream with it. */
function parseChunk(data: string, ctx: ErrorContext): TogetherGeneration {
  let chunk: TogetherGeneration;
  try {
    chunk = JSON.parse(data) as TogetherGeneration;
  } catch {
    throw protocolError('the stream sent a malformed chunk', ctx);
  }
  if (chunk.error) {
    throw errorFromResponse(500, {}, JSON.stringify({ error: chunk.error }), ctx);
  }
  return chunk;
}
