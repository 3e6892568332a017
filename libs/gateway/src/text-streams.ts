import type { TextGeneration, TextStream, TextStreamEvent } from '@tiergate/provider';
import type { AnswerCachePolicy } from './request-pipeline';
import type { OpenedStream } from './stream-rescue';

/** Opens a stream and waits for its first event (so failures up to it can still fall back). */
export async function startStream(stream: TextStream): Promise<OpenedStream> {
  const iterator = stream[Symbol.asyncIterator]();
  const first = await iterator.next();
  return { iterator, first, model: stream.model, id: stream.id };
}

/** A cached answer, replayed as a stream. */
export async function openedFrom(answer: TextGeneration): Promise<OpenedStream> {
  const items: TextStreamEvent[] = [
    { type: 'delta', content: answer.content },
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

/** Passes the events on, and caches the whole text once the stream has ended cleanly. */
export async function* keepAnswer(
  events: AsyncGenerator<TextStreamEvent>,
  stream: { id: string; model: string },
  cache: AnswerCachePolicy<TextGeneration>,
): AsyncGenerator<TextStreamEvent> {
  let parts: string[] | undefined = [];
  let length = 0;
  for await (const event of events) {
    if (event.type === 'delta' && parts) {
      length += event.content.length;
      if (length > MAX_CACHED_ANSWER_CHARS) parts = undefined;
      else parts.push(event.content);
    } else if (event.type === 'end' && event.usage && parts) {
      cache.write({
        id: stream.id,
        model: stream.model,
        content: parts.join(''),
        finishReason: event.finishReason,
        usage: event.usage,
      });
    }
    yield event;
  }
}
