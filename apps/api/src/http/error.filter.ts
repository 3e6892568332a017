import { ArgumentsHost, Catch, ExceptionFilter, HttpException, Logger } from '@nestjs/common';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { DomainError, ErrorCode } from '@tiergate/common';
import { domainErrorForHttpStatus, errorBody } from './error-body';

interface PlatformError {
  statusCode?: number;
  code?: string;
  message?: string;
}

/** Turns anything thrown into the one error body. Unknown errors are logged and become a bare 500. */
export function toDomainError(exception: unknown, logger: Logger, requestId: string): DomainError {
  if (exception instanceof DomainError) return exception;
  if (exception instanceof HttpException) {
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
    sendError(reply, toDomainError(exception, this.logger, request.id), request.id);
  }
}
