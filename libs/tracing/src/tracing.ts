import { Inject, Injectable, Logger, OnApplicationShutdown, Optional } from '@nestjs/common';
import { defaultTextMapGetter, ROOT_CONTEXT, SpanKind, trace, type Tracer } from '@opentelemetry/api';
import { W3CTraceContextPropagator } from '@opentelemetry/core';
import { OTLPTraceExporter } from '@opentelemetry/exporter-trace-otlp-http';
import { resourceFromAttributes } from '@opentelemetry/resources';
import {
  BasicTracerProvider,
  BatchSpanProcessor,
  ParentBasedSampler,
  SimpleSpanProcessor,
  TraceIdRatioBasedSampler,
  type SpanExporter,
} from '@opentelemetry/sdk-trace-base';
import {
  ATTR_HTTP_REQUEST_METHOD,
  ATTR_HTTP_ROUTE,
  ATTR_SERVICE_NAME,
} from '@opentelemetry/semantic-conventions';
import { withTimeout } from '@tiergate/common';
import { ApiConfig } from '@tiergate/config';
import { RequestTrace } from './request-trace';

/** Where spans go instead of the OTLP exporter (tests: an InMemorySpanExporter). */
export const SPAN_EXPORTER = Symbol('SPAN_EXPORTER');

const SHUTDOWN_FLUSH_MS = 2_000;

/**
 * OpenTelemetry tracing of API requests: off unless configured (OTEL_EXPORTER_OTLP_ENDPOINT or
 * OTEL_TRACES_EXPORTER=otlp), and then a span per request, continuing the caller's `traceparent`,
 * sampled at OTEL_TRACES_SAMPLER_ARG, with a child span per pipeline step (RequestTrace), sent in
 * batches over OTLP/HTTP. Off, it holds the API's no-op tracer and starts nothing: requests carry
 * no trace, so the pipeline creates neither spans nor their attributes.
 */
@Injectable()
export class Tracing implements OnApplicationShutdown {
  readonly enabled: boolean;
  private readonly tracer: Tracer;
  private readonly provider?: BasicTracerProvider;
  private readonly propagator = new W3CTraceContextPropagator();
  private readonly logger = new Logger(Tracing.name);

  constructor(config: ApiConfig, @Optional() @Inject(SPAN_EXPORTER) exporter?: SpanExporter) {
    const settings = config.tracing;
    this.enabled = settings.enabled;
    if (!this.enabled) {
      this.tracer = trace.getTracer('tiergate'); // no global provider is registered: the no-op tracer
      return;
    }
    this.provider = new BasicTracerProvider({
      resource: resourceFromAttributes({ [ATTR_SERVICE_NAME]: settings.serviceName }),
      sampler: new ParentBasedSampler({ root: new TraceIdRatioBasedSampler(settings.sampleRatio) }),
      spanProcessors: [
        exporter
          ? new SimpleSpanProcessor(exporter)
          : new BatchSpanProcessor(new OTLPTraceExporter({ url: settings.url, headers: settings.headers })),
      ],
    });
    this.tracer = this.provider.getTracer('tiergate');
    this.logger.log(`Tracing on: spans go to ${exporter ? 'the given exporter' : settings.url}`);
  }

  /** The trace of one request, or undefined when tracing is off or the request is not sampled. */
  startRequest(
    method: string,
    route: string,
    headers: Record<string, string | string[] | undefined>,
    requestId: string,
  ): RequestTrace | undefined {
    if (!this.enabled) return undefined;
    const parent = this.propagator.extract(ROOT_CONTEXT, headers, defaultTextMapGetter);
    const span = this.tracer.startSpan(
      `${method} ${route}`,
      {
        kind: SpanKind.SERVER,
        attributes: {
          [ATTR_HTTP_REQUEST_METHOD]: method,
          [ATTR_HTTP_ROUTE]: route,
          'tiergate.request_id': requestId,
        },
      },
      parent,
    );
    return span.isRecording() ? new RequestTrace(this.tracer, span) : undefined;
  }

  /** Sends the spans still buffered (bounded: a collector that is down does not hold shutdown up). */
  async onApplicationShutdown(): Promise<void> {
    if (!this.provider) return;
    await withTimeout(this.provider.shutdown(), SHUTDOWN_FLUSH_MS, 'trace export timed out').catch(
      (error: Error) => this.logger.warn(`Spans not sent at shutdown: ${error.message}`),
    );
  }
}
