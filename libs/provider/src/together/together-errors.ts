import type { IncomingHttpHeaders } from 'node:http';
import { ErrorCode } from '@tiergate/common';
import { ProviderError } from '../provider.errors';
import { UpstreamTransportError } from '../http/upstream-http.client';

export interface UpstreamErrorBody {
  error?: { message?: unknown; type?: unknown; code?: unknown; param?: unknown } | string;
}

/** What a client is told to wait for a dedicated endpoint that is not running (one start takes minutes). */
const ENDPOINT_RETRY_AFTER_SECONDS = 60;

/** Who answered, for the messages and details of the errors below. */
export interface ErrorContext {
  provider: string;
  model?: string;
}

/** Keys, bearer tokens and long secrets are cut out of any upstream text we repeat. */
export function redactSecrets(text: string): string {
  return text
    .replace(/Bearer\s+[A-Za-z0-9._~+/=-]+/gi, 'Bearer [redacted]')
    .replace(/\b(tgp_v1_|sk-|tg_)[A-Za-z0-9_-]{6,}/g, '[redacted]')
    .replace(/\b[a-f0-9]{40,}\b/gi, '[redacted]')
    .slice(0, 500);
}

/** Seconds to wait, from `retry-after-ms`, `retry-after` (seconds or HTTP date) or `x-ratelimit-reset`. */
export function retryAfterSeconds(headers: IncomingHttpHeaders, now = Date.now()): number | undefined {
  const first = (name: string) => {
    const value = headers[name];
    return Array.isArray(value) ? value[0] : value;
  };
  const ms = Number(first('retry-after-ms'));
  if (first('retry-after-ms') && Number.isFinite(ms) && ms >= 0) return ms / 1000;
  const retryAfter = first('retry-after');
  if (retryAfter) {
    const seconds = Number(retryAfter);
    if (Number.isFinite(seconds) && seconds >= 0) return seconds;
    const date = Date.parse(retryAfter);
    if (!Number.isNaN(date)) return Math.max(0, (date - now) / 1000);
  }
  const reset = Number(first('x-ratelimit-reset'));
  if (first('x-ratelimit-reset') && Number.isFinite(reset) && reset >= 0) return reset;
  return undefined;
}

function parseBody(text: string): { message?: string; code?: string; type?: string } {
  try {
    const body = JSON.parse(text) as UpstreamErrorBody;
    if (typeof body.error === 'string') return { message: body.error };
    const e = body.error ?? {};
    const str = (v: unknown) => (typeof v === 'string' ? v : undefined);
    return { message: str(e.message), code: str(e.code), type: str(e.type) };
  } catch {
    return {};
  }
}

/** Turns an upstream non-2xx answer into a ProviderError. Messages are our own or redacted. */
export function errorFromResponse(
  status: number,
  headers: IncomingHttpHeaders,
  text: string,
  ctx: ErrorContext,
): ProviderError {
  const body = parseBody(text);
  const details = { ...ctx, upstreamStatus: status, upstreamCode: body.code ?? body.type };
  const said = body.message ? `: ${redactSecrets(body.message)}` : '';
  if (status === 401 || body.code === 'invalid_api_key') {
    return new ProviderError(
      ErrorCode.UpstreamAuthFailed,
      `The ${ctx.provider} API rejected the API key the gateway used`,
      details,
    );
  }
  if (body.code === 'dedicated_endpoint_not_running') {
    // A stopped (or still starting) dedicated endpoint: another model may answer; without one, a
    // 503 whose Retry-After gives the endpoint time to start.
    return new ProviderError(
      ErrorCode.EndpointNotRunning,
      `The dedicated endpoint ${ctx.model ?? '(unknown)'} is not running at ${ctx.provider}; start it, or route the tier elsewhere`,
      { ...details, retryAfterSeconds: retryAfterSeconds(headers) ?? ENDPOINT_RETRY_AFTER_SECONDS },
    );
  }
  if (body.code === 'model_not_available' || body.code === 'model_not_found' || status === 404) {
    return new ProviderError(
      ErrorCode.ModelNotAvailable,
      `Model ${ctx.model ?? '(unknown)'} is not available from ${ctx.provider}`,
      { ...details, param: 'model' },
    );
  }
  if (isContextLengthError(status, body)) {
    return new ProviderError(
      ErrorCode.ContextLengthExceeded,
      `The request does not fit the context window of ${ctx.model ?? 'the model'}${said}`,
      { ...details, param: 'messages' },
    );
  }
  if (status >= 400 && status < 500 && isContentPolicyError(body)) {
    return new ProviderError(
      ErrorCode.ContentPolicy,
      `${ctx.provider} refused the content under its usage policy${said}`,
      { ...details, param: null },
    );
  }
  if (status === 429) {
    return new ProviderError(
      ErrorCode.UpstreamRateLimited,
      `${ctx.provider} is rate limiting requests${said}`,
      {
        ...details,
        retryAfterSeconds: retryAfterSeconds(headers),
      },
    );
  }
  if (status === 504 || status === 524) {
    // An edge in front of the model gave up waiting for its first byte (a gateway timeout;
    // Cloudflare's 524): the model was silent. That wait is spent, so like our own first-byte
    // timeout it is never retried on the same model; the chain moves on.
    return new ProviderError(
      ErrorCode.UpstreamTimeout,
      `${ctx.provider} timed out waiting for ${ctx.model ?? 'the model'} (HTTP ${status})${said}`,
      details,
    );
  }
  if (status >= 500) {
    return new ProviderError(
      ErrorCode.UpstreamUnavailable,
      `${ctx.provider} failed with HTTP ${status}${said}`,
      {
        ...details,
        retryAfterSeconds: retryAfterSeconds(headers),
      },
    );
  }
  if (status >= 400) {
    return new ProviderError(ErrorCode.UpstreamBadRequest, `${ctx.provider} refused the request${said}`, {
      ...details,
      param: null,
    });
  }
  return new ProviderError(
    ErrorCode.UpstreamProtocolError,
    `${ctx.provider} answered with unexpected HTTP ${status}`,
    details,
  );
}

function isContextLengthError(status: number, body: { message?: string; code?: string }): boolean {
  if (status !== 400 && status !== 403) return false;
  return (
    body.code === 'context_length_exceeded' ||
    /context (length|window)|maximum context|too many tokens/i.test(body.message ?? '')
  );
}

function isContentPolicyError(body: { message?: string; code?: string; type?: string }): boolean {
  return (
    body.code === 'content_policy_violation' ||
    body.type === 'content_policy_violation' ||
    /content (policy|filter)|safety (policy|system)/i.test(body.message ?? '')
  );
}

export function errorFromTransport(error: UpstreamTransportError, ctx: ErrorContext): ProviderError {
  if (error.failure === 'aborted') {
    return new ProviderError(ErrorCode.ClientClosedRequest, 'The client closed the request', {
      ...ctx,
      cause: error,
    });
  }
  // A connect timeout is a connection failure (nothing was sent): retried like a refused connection.
  const timedOut = error.failure.endsWith('timeout') && error.failure !== 'connect_timeout';
  const code = timedOut ? ErrorCode.UpstreamTimeout : ErrorCode.UpstreamUnavailable;
  return new ProviderError(code, `${ctx.provider}: ${error.message}`, { ...ctx, cause: error });
}

export function protocolError(message: string, ctx: ErrorContext): ProviderError {
  return new ProviderError(ErrorCode.UpstreamProtocolError, `${ctx.provider}: ${message}`, ctx);
}
