import { DomainError, ErrorCode } from '@tiergate/common';
import { countsAgainstModel, failureReason, isFallbackTrigger } from './fallback.policy';

const failure = (code: ErrorCode) => new DomainError(code, `failed with ${code}`);

describe('the fallback policy', () => {
  // [code, moves on to the next model, counts against the model's breaker, reason shown]
  it.each<[ErrorCode, boolean, boolean, string]>([
    [ErrorCode.UpstreamUnavailable, true, true, 'upstream_error'],
    [ErrorCode.UpstreamTimeout, true, true, 'timeout'],
    [ErrorCode.UpstreamProtocolError, true, true, 'bad_response'],
    [ErrorCode.ModelNotAvailable, true, true, 'model_unavailable'],
    [ErrorCode.UpstreamRateLimited, true, false, 'rate_limited'],
    [ErrorCode.NoSystemKey, true, false, 'no_key'],
    [ErrorCode.ContextLengthExceeded, true, false, 'context_length_exceeded'],
    [ErrorCode.EndpointNotRunning, true, false, 'endpoint_not_running'],
    [ErrorCode.UpstreamBadRequest, false, false, 'upstream_error'],
    [ErrorCode.ContentPolicy, false, false, 'upstream_error'],
    [ErrorCode.UserKeyRejected, false, false, 'upstream_error'],
    [ErrorCode.ClientClosedRequest, false, false, 'upstream_error'],
    [ErrorCode.ValidationFailed, false, false, 'upstream_error'],
    [ErrorCode.QuotaExceeded, false, false, 'upstream_error'],
  ])('%s: falls back %s, counts against the model %s, reason %s', (code, trigger, counts, reason) => {
    const error = failure(code);
    expect([isFallbackTrigger(error), countsAgainstModel(error), failureReason(error)]).toEqual([
      trigger,
      counts,
      reason,
    ]);
  });

  it.each<[string, unknown]>([
    ['an Error that is not ours', new Error('socket hang up')],
    ['a thrown string', 'boom'],
    ['nothing', undefined],
  ])('%s: never a fallback, never the model’s fault, an internal error', (_name, thrown) => {
    expect([isFallbackTrigger(thrown), countsAgainstModel(thrown), failureReason(thrown)]).toEqual([
      false,
      false,
      'internal error',
    ]);
  });
});
