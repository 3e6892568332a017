import type { AnswerUsage, ChatStreamEvent, KeySource, ModelSourceIndicator } from './schema';
import { STREAM_DONE } from './schema';

export type TurnStatus = 'streaming' | 'done' | 'stopped' | 'error';

/** Why an answer failed, in the API's terms (branch on `code` and `status`, never on the message). */
export interface TurnError {
  status: number;
  code: string;
  message: string;
  requestId?: string;
}

/** The assistant's answer as it streams in, and what the stream said about it. */
export interface AssistantTurn {
  content: string;
  status: TurnStatus;
  requestId?: string;
  modelId?: string;
  provider?: string;
  keySource?: KeySource;
  /** The latest indicator the stream sent (the final event's wins: it may say is_fallback). */
  indicator?: ModelSourceIndicator;
  usage?: AnswerUsage;
  finishReason?: string;
  error?: TurnError;
}

export const startTurn = (): AssistantTurn => ({ content: '', status: 'streaming' });

/** One `data:` line of the stream: an event, the `[DONE]` marker, or null when it is not JSON. */
export function parseStreamData(data: string): ChatStreamEvent | typeof STREAM_DONE | null {
  const text = data.trim();
  if (text === STREAM_DONE) return STREAM_DONE;
  try {
    const value: unknown = JSON.parse(text);
    return value && typeof value === 'object' ? value : null;
  } catch {
    return null;
  }
}

/**
 * Folds one stream event into the answer (a pure reducer): deltas append, the first and final
 * events say where the answer came from, `[DONE]` ends it, an in-band `{error}` event fails it
 * (keeping what had arrived). A finished answer no longer changes.
 */
export function applyStreamEvent(
  turn: AssistantTurn,
  event: ChatStreamEvent | typeof STREAM_DONE,
): AssistantTurn {
  if (turn.status !== 'streaming') return turn;
  if (event === STREAM_DONE) return { ...turn, status: 'done' };
  if (event.error)
    return failTurn(turn, {
      status: 0,
      code: event.error.code ?? event.error.type ?? 'stream_error',
      message: event.error.message ?? 'The answer stopped because of an error.',
      requestId: event.request_id,
    });
  const next: AssistantTurn = { ...turn };
  if (event.delta?.content) next.content = turn.content + event.delta.content;
  if (event.id) next.requestId = event.id;
  if (event.model_id) next.modelId = event.model_id;
  if (event.provider) next.provider = event.provider;
  if (event.key_source) next.keySource = event.key_source;
  if (event.model_source_indicator) next.indicator = event.model_source_indicator;
  if (event.usage) next.usage = event.usage;
  if (event.finish_reason) next.finishReason = event.finish_reason;
  return next;
}

export const failTurn = (turn: AssistantTurn, error: TurnError): AssistantTurn => ({
  ...turn,
  status: 'error',
  error,
});

/** The person pressed Stop: what arrived stays, marked stopped. */
export const stopTurn = (turn: AssistantTurn): AssistantTurn =>
  turn.status === 'streaming' ? { ...turn, status: 'stopped' } : turn;

/** The connection closed without `[DONE]` or an error event: the answer is incomplete. */
export const endTurn = (turn: AssistantTurn): AssistantTurn =>
  turn.status === 'streaming'
    ? failTurn(turn, {
        status: 0,
        code: 'stream_incomplete',
        message: 'The connection closed before the answer was complete.',
      })
    : turn;

/** Folds a whole list of raw `data:` payloads (what a stream delivered) into an answer. */
export function accumulateStream(data: string[], turn: AssistantTurn = startTurn()): AssistantTurn {
  let current = turn;
  for (const line of data) {
    const event = parseStreamData(line);
    if (event) current = applyStreamEvent(current, event);
  }
  return current;
}
