import { DomainError, ErrorCode } from '@tiergate/common';

export type ProviderErrorCode =
  | ErrorCode.UpstreamAuthFailed
  | ErrorCode.ModelNotAvailable
  | ErrorCode.UpstreamBadRequest
  | ErrorCode.UpstreamRateLimited
  | ErrorCode.UpstreamUnavailable
  | ErrorCode.UpstreamTimeout
  | ErrorCode.UpstreamProtocolError
  | ErrorCode.ClientClosedRequest
  | ErrorCode.ContextLengthExceeded
  | ErrorCode.ContentPolicy
  | ErrorCode.EndpointNotRunning;

export interface ProviderErrorDetails {
  provider: string;
  model?: string;
  /** The upstream's HTTP status, when it answered. */
  upstreamStatus?: number;
  /** The upstream's own error code (e.g. `model_not_available`), when it sent one. */
  upstreamCode?: string;
  retryAfterSeconds?: number;
  param?: string | null;
  cause?: unknown;
}

/**
 * An upstream call that failed, by code. The fallback manager and the retry policy decide on
 * `code` and `retryable`, never on raw status numbers.
 */
export class ProviderError extends DomainError {
  override readonly code: ProviderErrorCode;
  readonly provider: string;
  readonly model?: string;
  readonly upstreamStatus?: number;
  readonly upstreamCode?: string;

  constructor(code: ProviderErrorCode, message: string, details: ProviderErrorDetails) {
    super(code, message, {
      param: details.param,
      retryAfterSeconds: details.retryAfterSeconds,
      cause: details.cause,
    });
    this.code = code;
    this.provider = details.provider;
    this.model = details.model;
    this.upstreamStatus = details.upstreamStatus;
    this.upstreamCode = details.upstreamCode;
  }

  /** Whether trying again (later, or elsewhere) can help. User errors and bad keys cannot. */
  get retryable(): boolean {
    return [
      ErrorCode.UpstreamRateLimited,
      ErrorCode.UpstreamUnavailable,
      ErrorCode.UpstreamTimeout,
      ErrorCode.UpstreamProtocolError,
      ErrorCode.EndpointNotRunning,
    ].includes(this.code);
  }
}
