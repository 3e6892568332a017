import { Readable } from 'node:stream';
import { Logger } from '@nestjs/common';
import type { FastifyReply } from 'fastify';
import { DomainError, ErrorCode } from '@tiergate/common';
import { errorBody } from './error-body';

const logger = new Logger('EventStream');

export const SSE_HEADERS = {
  'content-type': 'text/event-stream; charset=utf-8',
  'cache-control': 'no-cache, no-transform',
  'x-accel-buffering': 'no',
};

export function sseData(payload: unknown): string {
  return `data: ${typeof payload === 'string' ? payload : JSON.stringify(payload)}\n\n`;
}

/**
 * Streams server-sent events as they are produced (nothing is buffered). If the source fails
 * half way, the stream ends with an in-band `{"error": ...}` event in the one error shape,
 * never with a clean end that looks like success.
 */
export function sendEventStream(
  reply: FastifyReply,
  requestId: string,
  events: AsyncIterable<string>,
): Readable {
  reply.headers(SSE_HEADERS);
  async function* withErrorEvent(): AsyncGenerator<string> {
    try {
      yield* events;
    } catch (error) {
      if (!(error instanceof DomainError)) logger.error({ err: error, requestId }, 'Stream failed');
      const domain =
        error instanceof DomainError
          ? error
          : new DomainError(ErrorCode.Internal, `Stream failed (reference ${requestId})`);
      yield sseData(errorBody(domain, requestId).body);
    }
  }
  return Readable.from(withErrorEvent(), { objectMode: false });
}
