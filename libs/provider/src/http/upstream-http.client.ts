import type { IncomingHttpHeaders } from 'node:http';
import { Agent, errors as undiciErrors, Dispatcher, type FormData } from 'undici';
import type { UpstreamTimeouts } from '@tiergate/config';

export type TransportFailure =
  'connect_timeout' | 'first_byte_timeout' | 'idle_timeout' | 'total_timeout' | 'connection' | 'aborted';

/** A call that got no usable HTTP answer: why, in words the adapters map to provider errors. */
export class UpstreamTransportError extends Error {
  constructor(
    readonly failure: TransportFailure,
    message: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
    this.name = 'UpstreamTransportError';
  }
}

export interface UpstreamRequest {
  method: 'GET' | 'POST' | 'PATCH' | 'DELETE';
  /** Path below the base URL, e.g. `/chat/completions`. */
  path: string;
  apiKey: string;
  /** A JSON body, or a multipart form (audio uploads). */
  body?: unknown;
  form?: FormData;
  /** What the caller accepts back (JSON or SSE by default; audio for speech). */
  accept?: string;
  signal?: AbortSignal;
  /** Overrides the configured total timeout (readiness probes use a short one). */
  totalTimeoutMs?: number;
}

export interface UpstreamResponse {
  status: number;
  headers: IncomingHttpHeaders;
  body: Dispatcher.ResponseData['body'];
  /** Aborted when the total deadline passes or the caller's signal fires. */
  signal: AbortSignal;
}

const DEFAULT_ACCEPT = 'application/json, text/event-stream';

/**
 * The pooled keep-alive HTTP client for one upstream base URL, with four timeouts per call:
 * connect, first byte (response headers), idle (gap between body chunks) and total.
 * Bodies are handed back unread, so streams pass through as they arrive.
 */
export class UpstreamHttpClient {
  private readonly agent: Agent;
  private readonly origin: string;
  private readonly basePath: string;

  constructor(
    baseUrl: string,
    private readonly timeouts: UpstreamTimeouts,
    maxConnections = 256,
  ) {
    const url = new URL(baseUrl);
    this.origin = url.origin;
    this.basePath = url.pathname.replace(/\/+$/, '');
    this.agent = new Agent({
      connections: maxConnections,
      keepAliveTimeout: 30_000,
      keepAliveMaxTimeout: 600_000,
      connect: { timeout: timeouts.connectMs },
      headersTimeout: timeouts.firstByteMs,
      bodyTimeout: timeouts.idleMs,
    });
  }

  get baseUrl(): string {
    return this.origin + this.basePath;
  }

  async send(request: UpstreamRequest): Promise<UpstreamResponse> {
    // One controller per call: the total deadline aborts it, and so does the caller's signal
    // (forwarded by a listener, cheaper per call than AbortSignal.any).
    const deadline = new AbortController();
    const totalMs = request.totalTimeoutMs ?? this.timeouts.totalMs;
    const timer = setTimeout(
      () =>
        deadline.abort(
          new UpstreamTransportError('total_timeout', `no complete answer within ${totalMs} ms`),
        ),
      totalMs,
    );
    timer.unref();
    const caller = request.signal;
    const forward = () => deadline.abort(caller?.reason);
    if (caller?.aborted) forward();
    else caller?.addEventListener('abort', forward, { once: true });
    const done = () => {
      clearTimeout(timer);
      caller?.removeEventListener('abort', forward);
    };
    const { signal } = deadline;
    try {
      const response = await this.agent.request({
        origin: this.origin,
        path: this.basePath + request.path,
        method: request.method,
        headers: {
          accept: request.accept ?? DEFAULT_ACCEPT,
          authorization: `Bearer ${request.apiKey}`,
          ...(request.form || request.body === undefined ? {} : { 'content-type': 'application/json' }),
        },
        body: request.form ?? (request.body === undefined ? undefined : JSON.stringify(request.body)),
        signal,
      });
      response.body.once('close', done);
      return { status: response.statusCode, headers: response.headers, body: response.body, signal };
    } catch (error) {
      done();
      throw this.classify(error, signal);
    }
  }

  /** Maps any error thrown while calling or reading a body to why the transport failed. */
  classify(error: unknown, signal?: AbortSignal): UpstreamTransportError {
    if (error instanceof UpstreamTransportError) return error;
    if (signal?.aborted && signal.reason instanceof UpstreamTransportError) return signal.reason;
    if (error instanceof undiciErrors.ConnectTimeoutError) {
      return new UpstreamTransportError(
        'connect_timeout',
        `could not connect within ${this.timeouts.connectMs} ms`,
      );
    }
    if (error instanceof undiciErrors.HeadersTimeoutError) {
      return new UpstreamTransportError(
        'first_byte_timeout',
        `no response within ${this.timeouts.firstByteMs} ms`,
      );
    }
    if (error instanceof undiciErrors.BodyTimeoutError) {
      return new UpstreamTransportError(
        'idle_timeout',
        `the response stalled for ${this.timeouts.idleMs} ms`,
      );
    }
    if (signal?.aborted || error instanceof undiciErrors.RequestAbortedError) {
      return new UpstreamTransportError('aborted', 'the request was aborted', { cause: error });
    }
    const message = error instanceof Error ? error.message : String(error);
    return new UpstreamTransportError('connection', `connection failed: ${message}`, { cause: error });
  }

  async close(): Promise<void> {
    await this.agent.close();
  }
}
