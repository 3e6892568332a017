import { createParser } from 'eventsource-parser';

/**
 * The `data` payloads of a server-sent-event byte stream, yielded as they complete (never
 * buffered whole). eventsource-parser handles split lines, CRLF, comments and multi-line data.
 */
export async function* sseDataEvents(body: AsyncIterable<Uint8Array | string>): AsyncGenerator<string> {
  const ready: string[] = [];
  const parser = createParser({ onEvent: (event) => ready.push(event.data) });
  const decoder = new TextDecoder();
  for await (const chunk of body) {
    parser.feed(typeof chunk === 'string' ? chunk : decoder.decode(chunk, { stream: true }));
    while (ready.length) yield ready.shift()!;
  }
  parser.feed(decoder.decode() + '\n\n');
  while (ready.length) yield ready.shift()!;
}
