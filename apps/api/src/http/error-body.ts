import { DomainError, ErrorCode } from '@tiergate/common';
import { httpErrorFor } from '@tiergate/common';

/** The one error body, compatible with OpenAI and Together clients. */
export interface ErrorBody {
  error: { message: string; type: string; code: string; param: string | null };
  request_id: string;
}

export function errorBody(error: DomainError, requestId: string): { status: number; body: ErrorBody } {
  const { status, type } = httpErrorFor(error.code);
  return {
    status,
    body: {
      error: { message: error.message, type, code: error.code, param: error.param },
      request_id: requestId,
    },
  };
}

/** Errors raised by the HTTP platform itself (Fastify body parsing, Nest routing), by status. */
export function domainErrorForHttpStatus(status: number, message: string): DomainError {
  switch (status) {
    case 400:
      return new DomainError(ErrorCode.ValidationFailed, message);
    case 401:
      return new DomainError(ErrorCode.Unauthenticated, message);
    case 403:
      return new DomainError(ErrorCode.Forbidden, message);
    case 404:
      return new DomainError(ErrorCode.NotFound, message);
    case 413:
      return new DomainError(ErrorCode.PayloadTooLarge, message);
    case 415:
      return new DomainError(ErrorCode.UnsupportedMediaType, message);
    case 503:
      return new DomainError(ErrorCode.NotReady, message);
    default:
      return new DomainError(status < 500 ? ErrorCode.ValidationFailed : ErrorCode.Internal, message);
  }
}
