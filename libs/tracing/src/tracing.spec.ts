import { SpanStatusCode } from '@opentelemetry/api';
import { InMemorySpanExporter } from '@opentelemetry/sdk-trace-base';
import type { ApiConfig, TracingSettings } from '@tiergate/config';
import { SPAN } from './request-trace';
import { Tracing } from './tracing';

const settings = (over: Partial<TracingSettings> = {}) =>
  ({
    tracing: {
      enabled: true,
      url: 'http://127.0.0.1:1/v1/traces',
      headers: {},
      serviceName: 'tiergate-test',
      sampleRatio: 1,
      ...over,
    },
  }) as ApiConfig;

describe('Tracing', () => {
  // A provider's shutdown stops its exporter: one per test.
  let exporter: InMemorySpanExporter;
  beforeEach(() => (exporter = new InMemorySpanExporter()));

  it('off: no trace for any request, and nothing exported', () => {
    const tracing = new Tracing(settings({ enabled: false }), exporter);
    expect(tracing.enabled).toBe(false);
    expect(tracing.startRequest('POST', '/v1/chat/completions', {}, 'r1')).toBeUndefined();
    expect(exporter.getFinishedSpans()).toEqual([]);
  });

  it('on, sampling nothing: no trace unless the caller sampled it', async () => {
    const tracing = new Tracing(settings({ sampleRatio: 0 }), exporter);
    expect(tracing.startRequest('POST', '/v1/chat/completions', {}, 'r1')).toBeUndefined();
    const followed = tracing.startRequest(
      'POST',
      '/v1/chat/completions',
      { traceparent: '00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01' },
      'r2',
    );
    expect(followed).toBeDefined();
    followed!.finish(200);
    expect(exporter.getFinishedSpans().map((span) => span.spanContext().traceId)).toEqual([
      '0af7651916cd43dd8448eb211c80319c',
    ]);
    await tracing.onApplicationShutdown();
  });

  it('steps are children of the request; a failure ends the open ones with its code', async () => {
    const tracing = new Tracing(settings(), exporter);
    const trace = tracing.startRequest('POST', '/v1/chat/completions', {}, 'r3')!;
    trace.begin(SPAN.selectModels);
    trace.end(SPAN.selectModels, { 'tiergate.models': ['a', 'b'] });
    const attempt = trace.attempt('together_ai', 'a');
    trace.endAttempt(attempt, Object.assign(new Error('boom'), { code: 'upstream_unavailable' }));
    trace.endAttempt(trace.attempt('together_ai', 'b'));
    trace.begin(SPAN.settle);
    trace.fail(Object.assign(new Error('ledger down'), { code: 'not_ready' }));
    trace.finish(503);

    const spans = exporter.getFinishedSpans();
    const root = spans.find((span) => span.name === 'POST /v1/chat/completions')!;
    expect(root.status.code).toBe(SpanStatusCode.ERROR);
    expect(root.attributes).toMatchObject({
      'tiergate.error_code': 'not_ready',
      'tiergate.request_id': 'r3',
    });
    expect(root.resource.attributes['service.name']).toBe('tiergate-test');
    const children = spans.filter((span) => span !== root);
    for (const child of children) expect(child.parentSpanContext?.spanId).toBe(root.spanContext().spanId);
    expect(children.map((span) => [span.name, span.attributes['tiergate.attempt'] ?? null])).toEqual([
      ['tiergate.select_models', null],
      ['tiergate.upstream', 1],
      ['tiergate.upstream', 2],
      ['tiergate.settle', null],
    ]);
    expect(children.map((span) => span.attributes['tiergate.outcome'] ?? null)).toEqual([
      null,
      'upstream_unavailable',
      'ok',
      'not_ready',
    ]);
    expect(children[3].status.code).toBe(SpanStatusCode.ERROR);
    await tracing.onApplicationShutdown();
  });
});
