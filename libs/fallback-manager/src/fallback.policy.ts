import { DomainError, ErrorCode } from '@tiergate/common';

/** How an answer was reached when the first model did not give it. */
export type FallbackStrategy = 'SAME_PROVIDER_DIFFERENT_MODEL' | 'DIFFERENT_PROVIDER' | 'CACHED_RESPONSE';

/**
 * Failures that send a request to the next model: the provider's side failing (5xx, timeouts,
 * a silent upstream, connection errors, 429 after retries, a model that is not available, no
 * usable key for that provider). Never the caller's own request (400, content policy, their own
 * rejected key, leaving). A context-length error moves on only to a larger context window.
 */
const TRIGGERS = new Set<string>([
  ErrorCode.UpstreamUnavailable,
  ErrorCode.UpstreamTimeout,
  ErrorCode.UpstreamProtocolError,
  ErrorCode.UpstreamRateLimited,
  ErrorCode.ModelNotAvailable,
  ErrorCode.NoSystemKey,
  ErrorCode.ContextLengthExceeded,
  ErrorCode.EndpointNotRunning,
]);

export function isFallbackTrigger(error: unknown): error is DomainError {
  return error instanceof DomainError && TRIGGERS.has(error.code);
}

/** Failures that say something about the model's health (and count towards its breaker). */
export function countsAgainstModel(error: unknown): boolean {
  return (
    error instanceof DomainError &&
    [
      ErrorCode.UpstreamUnavailable,
      ErrorCode.UpstreamTimeout,
      ErrorCode.UpstreamProtocolError,
      ErrorCode.ModelNotAvailable,
    ].includes(error.code)
  );
}

/** A short, client-safe reason for a failed attempt (`fallback_reason`, and the final error). */
export function failureReason(error: unknown): string {
  if (!(error instanceof DomainError)) return 'internal error';
  switch (error.code) {
    case ErrorCode.UpstreamTimeout:
      return 'timeout';
    case ErrorCode.UpstreamRateLimited:
      return 'rate_limited';
    case ErrorCode.ModelNotAvailable:
      return 'model_unavailable';
    case ErrorCode.ContextLengthExceeded:
      return 'context_length_exceeded';
    case ErrorCode.NoSystemKey:
      return 'no_key';
    case ErrorCode.EndpointNotRunning:
      return 'endpoint_not_running';
    case ErrorCode.UpstreamProtocolError:
      return 'bad_response';
    default:
      return 'upstream_error';
  }
}
