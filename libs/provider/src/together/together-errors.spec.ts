import { ErrorCode } from '@tiergate/common';
import { UpstreamTransportError } from '../http/upstream-http.client';
import { isRetryable } from '../resilience/retry-policy';
import { errorFromResponse, errorFromTransport } from './together-errors';

const ctx = { provider: 'Together AI', model: 'meta-llama/Meta-Llama-3.1-8B-Instruct-Turbo' };

describe('Together errors: what a silent or failing model becomes', () => {
  it.each<[number, ErrorCode, boolean]>([
    [500, ErrorCode.UpstreamUnavailable, true],
    [502, ErrorCode.UpstreamUnavailable, true],
    [503, ErrorCode.UpstreamUnavailable, true],
    // An edge that waited for a silent model and gave up: our first-byte timeout in all but name.
    [504, ErrorCode.UpstreamTimeout, false],
    [524, ErrorCode.UpstreamTimeout, false],
    [429, ErrorCode.UpstreamRateLimited, true],
  ])('HTTP %i → %s (retried on the same model: %s)', (status, code, retried) => {
    const error = errorFromResponse(status, {}, '{"error":{"message":"upstream said no"}}', ctx);
    expect(error.code).toBe(code);
    expect(isRetryable(error)).toBe(retried);
    expect(error.message).not.toContain('undefined');
  });

  it.each<[UpstreamTransportError['failure'], ErrorCode, boolean]>([
    ['first_byte_timeout', ErrorCode.UpstreamTimeout, false],
    ['idle_timeout', ErrorCode.UpstreamTimeout, false],
    ['total_timeout', ErrorCode.UpstreamTimeout, false],
    ['connect_timeout', ErrorCode.UpstreamUnavailable, true],
    ['connection', ErrorCode.UpstreamUnavailable, true],
    ['aborted', ErrorCode.ClientClosedRequest, false],
  ])('transport failure %s → %s (retried: %s)', (failure, code, retried) => {
    const error = errorFromTransport(new UpstreamTransportError(failure, 'failed'), ctx);
    expect(error.code).toBe(code);
    expect(isRetryable(error)).toBe(retried);
  });
});

describe('Together errors: a dedicated endpoint that is not running', () => {
  it('becomes endpoint_not_running: not retried on the same model, a fallback trigger, 60 s Retry-After', () => {
    const body = JSON.stringify({
      error: {
        message: 'The dedicated endpoint for org/model-1 is not running.',
        type: 'invalid_request_error',
        code: 'dedicated_endpoint_not_running',
      },
    });
    const error = errorFromResponse(400, {}, body, { ...ctx, model: 'org/model-1' });
    expect(error.code).toBe(ErrorCode.EndpointNotRunning);
    expect(error.retryable).toBe(true);
    expect(isRetryable(error)).toBe(false);
    expect(error.retryAfterSeconds).toBe(60);
    expect(error.message).toContain('org/model-1');
  });
});
