import { EventSourceParserStream } from 'eventsource-parser/stream';
import { rawFetch } from '@/api/client';
import { isApiError } from '@/api/errors';
import type { ChatRequest } from './schema';
import {
  applyStreamEvent,
  endTurn,
  failTurn,
  parseStreamData,
  startTurn,
  stopTurn,
  type AssistantTurn,
} from './stream';

export const CHAT_PATH = '/api/v1/together/chat/completions';

/**
 * Sends a chat request with `stream: true` and reports the answer as it grows (`onUpdate` after
 * every event). Resolves with the final answer: done, stopped (the signal aborted), or failed
 * (an API error before the stream, an in-band error event, or a connection that closed early).
 */
export async function streamChat(
  request: Omit<ChatRequest, 'stream'>,
  { signal, onUpdate }: { signal: AbortSignal; onUpdate: (turn: AssistantTurn) => void },
): Promise<AssistantTurn> {
  let turn = startTurn();
  const update = (next: AssistantTurn) => {
    turn = next;
    onUpdate(turn);
  };
  try {
    const response = await rawFetch(`${window.location.origin}${CHAT_PATH}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', accept: 'text/event-stream' },
      body: JSON.stringify({ ...request, stream: true }),
      signal,
    });
    if (!response.body) throw new Error('The answer had no body');
    const reader = response.body
      .pipeThrough(new TextDecoderStream())
      .pipeThrough(new EventSourceParserStream())
      .getReader();
    try {
      for (;;) {
        const { done, value } = await reader.read();
        if (done) break;
        const event = parseStreamData(value.data);
        if (event) update(applyStreamEvent(turn, event));
        if (turn.status !== 'streaming') {
          // [DONE] or an error event: nothing useful can follow.
          await reader.cancel().catch(() => undefined);
          break;
        }
      }
    } finally {
      reader.releaseLock();
    }
    update(endTurn(turn));
  } catch (error) {
    if (signal.aborted) update(stopTurn(turn));
    else if (isApiError(error))
      update(
        failTurn(turn, {
          status: error.status,
          code: error.code,
          message: error.message,
          requestId: error.requestId,
        }),
      );
    else
      update(
        failTurn(turn, {
          status: 0,
          code: 'stream_error',
          message: error instanceof Error ? error.message : String(error),
        }),
      );
  }
  return turn;
}
