import { ArgumentsHost, Catch, ExceptionFilter, HttpException, Logger } from '@nestjs/common';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { DomainError, ErrorCode } from '@tiergate/common';
import { DatabaseUnavailableError, isDatabaseUnavailable, isUnstorableText } from '@tiergate/database';
import { domainErrorForHttpStatus, errorBody } from './error-body';

interface PlatformError {
  statusCode?: number;
  code?: string;
  message?: string;
}

/** A body no parser accepts: says what was sent and what to send instead. */
function unsupportedMediaTypeMessage(contentType: string | undefined): string {
  const sent = contentType
    ? `Content-Type ${contentType.split(';')[0].trim().slice(0, 100)} is not accepted`
    : 'The request body has no Content-Type';
  return `${sent}: send a JSON body with Content-Type: application/json (file uploads: multipart/form-data)`;
}

/** Turns anything thrown into the one error body. Unknown errors are logged and become a bare 500. */
export function toDomainError(
  exception: unknown,
  logger: Logger,
  requestId: string,
  contentType?: string,
): DomainError {
  if (exception instanceof DomainError) return exception;
  if (exception instanceof HttpException) {
    // Fastify's 415 (no parser for the body; Nest rethrows it as an HttpException). Libraries
    // throw their own 415s (an audio or image type) as DomainErrors, with their own message.
    if (exception.getStatus() === 415)
      return new DomainError(ErrorCode.UnsupportedMediaType, unsupportedMediaTypeMessage(contentType));
    const response = exception.getResponse();
    const message =
      typeof response === 'object' && response && 'message' in response
        ? [response.message].flat().join('; ')
        : exception.message;
    return domainErrorForHttpStatus(exception.getStatus(), String(message));
  }
  const platform = exception as PlatformError;
  if (typeof platform?.statusCode === 'number' && platform.statusCode >= 400 && platform.statusCode < 500) {
    return domainErrorForHttpStatus(platform.statusCode, platform.message ?? 'Bad request');
  }
  // PostgreSQL unreachable (refused, dropped, no connection in time), wherever it surfaced: the
  // request needed the database, so it is a 503 with Retry-After, never a 500.
  if (isDatabaseUnavailable(exception)) {
    logger.warn({ requestId, reason: (exception as Error).message }, 'Database unavailable');
    return new DatabaseUnavailableError();
  }
  if (isUnstorableText(exception)) {
    return new DomainError(
      ErrorCode.ValidationFailed,
      'A text value contains a character that cannot be stored (such as a NUL, \\u0000)',
    );
  }
  logger.error({ err: exception, requestId }, 'Unhandled error');
  return new DomainError(ErrorCode.Internal, `Internal error (reference ${requestId})`);
}

export function sendError(reply: FastifyReply, error: DomainError, requestId: string): void {
  const { status, body } = errorBody(error, requestId);
  if (error.retryAfterSeconds !== undefined)
    reply.header('retry-after', String(Math.ceil(error.retryAfterSeconds)));
  if (error.headers) void reply.headers(error.headers);
  void reply.code(status).type('application/json; charset=utf-8').send(body);
}

@Catch()
export class ErrorFilter implements ExceptionFilter {
  private readonly logger = new Logger('ErrorFilter');

  catch(exception: unknown, host: ArgumentsHost): void {
    const http = host.switchToHttp();
    const request = http.getRequest<FastifyRequest>();
    const reply = http.getResponse<FastifyReply>();
    if (reply.sent || reply.raw.headersSent) {
      reply.raw.destroy();
      return;
    }
    const domainError = toDomainError(exception, this.logger, request.id, request.headers['content-type']);
    sendError(reply, domainError, request.id);
  }
}
