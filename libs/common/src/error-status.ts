import { ErrorCode } from './error-code';

export interface HttpErrorMapping {
  status: number;
  /** The OpenAI/Together-compatible `error.type`. */
  type: string;
}

/** The one place domain error codes become HTTP statuses (for responses and the usage ledger). Exhaustive: a new code must be mapped. */
export function httpErrorFor(code: ErrorCode): HttpErrorMapping {
  switch (code) {
    case ErrorCode.ValidationFailed:
      return { status: 400, type: 'invalid_request_error' };
    case ErrorCode.NotFound:
      return { status: 404, type: 'not_found_error' };
    case ErrorCode.PayloadTooLarge:
      return { status: 413, type: 'invalid_request_error' };
    case ErrorCode.UnsupportedMediaType:
      return { status: 415, type: 'invalid_request_error' };
    case ErrorCode.Unauthenticated:
    case ErrorCode.InvalidCredentials:
      return { status: 401, type: 'authentication_error' };
    case ErrorCode.Forbidden:
    case ErrorCode.CsrfFailed:
    case ErrorCode.RegistrationClosed:
    case ErrorCode.FreeTierDisabled:
    case ErrorCode.ModelNotAllowed:
    case ErrorCode.UserKeysDisabled:
    case ErrorCode.BatchesNotAllowed:
      return { status: 403, type: 'permission_error' };
    case ErrorCode.EmailTaken:
    case ErrorCode.LimitReached:
    case ErrorCode.Conflict:
      return { status: 409, type: 'conflict_error' };
    case ErrorCode.ModelNotAvailable:
    case ErrorCode.ModelNotInCatalog:
    case ErrorCode.ProviderKeyRejected:
    case ErrorCode.ContentPolicy:
    case ErrorCode.ContextLengthExceeded:
      return { status: 400, type: 'invalid_request_error' };
    case ErrorCode.UserKeyRejected:
      return { status: 403, type: 'permission_error' };
    case ErrorCode.UpstreamBadRequest:
      return { status: 400, type: 'invalid_request_error' };
    case ErrorCode.UpstreamRateLimited:
    case ErrorCode.AccountRateLimited:
    case ErrorCode.QuotaExceeded:
    case ErrorCode.TooManyAttempts:
      return { status: 429, type: 'rate_limit_error' };
    case ErrorCode.UpstreamAuthFailed:
    case ErrorCode.UpstreamUnavailable:
    case ErrorCode.UpstreamProtocolError:
      return { status: 502, type: 'upstream_error' };
    case ErrorCode.UpstreamTimeout:
      return { status: 504, type: 'upstream_error' };
    case ErrorCode.ClientClosedRequest:
      return { status: 499, type: 'client_closed_request' };
    case ErrorCode.NotReady:
    case ErrorCode.IntegrationDisabled:
    case ErrorCode.NoSystemKey:
    case ErrorCode.QuotaUnavailable:
    case ErrorCode.RouteMisconfigured:
    case ErrorCode.DatabaseUnavailable:
    case ErrorCode.EndpointNotRunning:
      return { status: 503, type: 'service_unavailable' };
    case ErrorCode.Internal:
      return { status: 500, type: 'api_error' };
  }
}
