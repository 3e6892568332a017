import {
  ROOT_CONTEXT,
  SpanStatusCode,
  trace,
  type Attributes,
  type Context,
  type Span,
  type TimeInput,
  type Tracer,
} from '@opentelemetry/api';
import { ATTR_HTTP_RESPONSE_STATUS_CODE } from '@opentelemetry/semantic-conventions';

/** The spans of one request, by name: children of the request span. */
export const SPAN = {
  auth: 'tiergate.auth',
  selectModels: 'tiergate.select_models',
  quota: 'tiergate.quota',
  cache: 'tiergate.cache',
  upstream: 'tiergate.upstream',
  fallback: 'tiergate.fallback',
  settle: 'tiergate.settle',
} as const;
export type StepName = (typeof SPAN)[keyof typeof SPAN];

/**
 * The trace of one sampled request: its span (started at the HTTP edge) and a child span per step
 * of the pipeline. It exists only while tracing is on and the request is sampled; the pipeline
 * reaches it as `request.trace?.…`, so an untraced request creates no span and no attributes.
 * Steps run one after another, so each is opened and closed by name; upstream attempts are numbered
 * in the order they start.
 */
export class RequestTrace {
  private readonly parent: Context;
  private readonly open = new Map<StepName, Span>();
  private attempts = 0;

  constructor(
    private readonly tracer: Tracer,
    readonly span: Span,
  ) {
    this.parent = trace.setSpan(ROOT_CONTEXT, span);
  }

  /** Opens a step (closing one of the same name left open). */
  begin(name: StepName, attributes?: Attributes): void {
    this.open.get(name)?.end();
    this.open.set(name, this.tracer.startSpan(name, { attributes }, this.parent));
  }

  /** Closes a step, with what it decided. */
  end(name: StepName, attributes?: Attributes): void {
    const span = this.open.get(name);
    if (!span) return;
    this.open.delete(name);
    if (attributes) span.setAttributes(attributes);
    span.end();
  }

  /** A step that is already over (timed before the trace could be reached, or a decision). */
  record(name: StepName, startTime: TimeInput, endTime: TimeInput, attributes?: Attributes): void {
    this.tracer.startSpan(name, { attributes, startTime }, this.parent).end(endTime);
  }

  /** One upstream call (a retry is an attempt of its own), numbered from 1 within the request. */
  attempt(providerId: string, model: string): Span {
    this.attempts += 1;
    return this.tracer.startSpan(
      SPAN.upstream,
      {
        attributes: {
          'tiergate.provider': providerId,
          'tiergate.model': model,
          'tiergate.attempt': this.attempts,
        },
      },
      this.parent,
    );
  }

  /** Ends an attempt with its outcome: `ok`, or the error's code. */
  endAttempt(span: Span, error?: unknown): void {
    if (error === undefined) span.setAttribute('tiergate.outcome', 'ok');
    else failed(span, error);
    span.end();
  }

  /** The request failed in the pipeline: every step still open ends with the error. */
  fail(error: unknown): void {
    for (const span of this.open.values()) {
      failed(span, error);
      span.end();
    }
    this.open.clear();
    // The request span's status follows the HTTP status (an error only for a 5xx), in finish().
    const code = codeOf(error);
    if (code) this.span.setAttribute('tiergate.error_code', code);
  }

  /** The answer is over (the last byte sent, or the client gone). */
  finish(statusCode: number): void {
    for (const span of this.open.values()) span.end();
    this.open.clear();
    this.span.setAttribute(ATTR_HTTP_RESPONSE_STATUS_CODE, statusCode);
    if (statusCode >= 500) this.span.setStatus({ code: SpanStatusCode.ERROR });
    this.span.end();
  }
}

function codeOf(error: unknown): string | undefined {
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === 'string' ? code : undefined;
}

function failed(span: Span, error: unknown): void {
  span.setAttribute('tiergate.outcome', codeOf(error) ?? 'error');
  span.setStatus({
    code: SpanStatusCode.ERROR,
    message: error instanceof Error ? error.message : String(error),
  });
}
