import type { FastifyReply } from 'fastify';
import type { Readable } from 'node:stream';
import type { GatewayTextStream } from '@tiergate/gateway';
import { sendEventStream, sseData } from '../http/sse';
import { UsageDto } from './dto/chat-response.dto';
import { servedBy } from './dto/served-by.dto';

/**
 * The Together surface's stream: one event per delta `{id, delta: {content}, model_id, provider}`
 * (a reasoning model's thinking first, as `delta: {content: "", reasoning}`),
 * a final event with `finish_reason`, `usage` and where the answer came from, then `data: [DONE]`.
 */
export async function* togetherTextEvents(
  requestId: string,
  stream: GatewayTextStream,
): AsyncGenerator<string> {
  const base = { id: requestId, model_id: stream.source.servedModel, provider: stream.source.providerId };
  let first = true;
  for await (const event of stream.events) {
    if (event.type === 'delta' || event.type === 'reasoning') {
      // The first event says where the answer comes from; the final one says it again.
      const delta =
        event.type === 'delta' ? { content: event.content } : { content: '', reasoning: event.content };
      yield sseData({ ...base, delta, ...(first && servedBy(stream.source)) });
      first = false;
    } else if (event.type === 'end') {
      // (Tool calls are the OpenAI surface's: this surface takes no tools.)
      yield sseData({
        ...base,
        delta: { content: '' },
        finish_reason: event.finishReason,
        usage: UsageDto.from(event.usage, event.source.costUsd),
        // Another model may have finished the answer: the final event says who served it.
        ...servedBy(event.source),
      });
    }
  }
  yield sseData('[DONE]');
}

export function sendTogetherStream(
  reply: FastifyReply,
  requestId: string,
  stream: GatewayTextStream,
): Readable {
  return sendEventStream(reply, requestId, togetherTextEvents(requestId, stream));
}
