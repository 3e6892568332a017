import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { SpanKind, SpanStatusCode } from '@opentelemetry/api';
import { InMemorySpanExporter, type ReadableSpan } from '@opentelemetry/sdk-trace-base';
import { waitFor } from '@tiergate/testing';
import { TestApi } from './support/test-api';

const CHAT = '/api/v1/together/chat/completions';
const PRIMARY = 'meta-llama/Meta-Llama-3.1-8B-Instruct-Turbo';
const SECOND = 'Qwen/Qwen2.5-7B-Instruct-Turbo';
const CALLER_TRACE = '0af7651916cd43dd8448eb211c80319c';
const CALLER_SPAN = 'b7ad6b7169203331';

let asked = 0;
const ask = () => ({ messages: [{ role: 'user', content: `traced question ${++asked}` }], max_tokens: 16 });

/** The finished spans of the request with this id: its own span and its children. */
async function requestSpans(exporter: InMemorySpanExporter, requestId: string) {
  const root = await waitFor(
    () => exporter.getFinishedSpans().find((span) => span.attributes['tiergate.request_id'] === requestId),
    5_000,
    `the span of request ${requestId}`,
  );
  const { traceId, spanId } = root.spanContext();
  const children = exporter
    .getFinishedSpans()
    .filter((span) => span.spanContext().traceId === traceId && span !== root);
  return { root, children, traceId, spanId };
}

const named = (spans: ReadableSpan[], name: string) => spans.filter((span) => span.name === name);

describe('OpenTelemetry tracing (e2e, in-memory exporter)', () => {
  describe('when configured', () => {
    const exporter = new InMemorySpanExporter();
    let api: TestApi;
    let token: string;

    beforeAll(async () => {
      api = await TestApi.start({ OTEL_TRACES_EXPORTER: 'otlp' }, { spanExporter: exporter });
      token = (await api.user()).token;
    });
    afterAll(() => api.close());
    beforeEach(async () => {
      await api.resetSim();
      exporter.reset();
    });

    it('a chat that falls back once: one request span, a child per step and per upstream attempt', async () => {
      await api.fault({ kind: 'error', status: 500, count: 1, model: PRIMARY });
      const response = await api.post(CHAT, ask(), token);
      expect(response.status).toBe(200);
      expect(response.body.model_id).toBe(SECOND);
      const { root, children, spanId } = await requestSpans(exporter, response.headers.get('x-request-id')!);

      expect(root.name).toBe(`POST ${CHAT}`);
      expect(root.kind).toBe(SpanKind.SERVER);
      expect(root.parentSpanContext).toBeUndefined();
      expect(root.attributes).toMatchObject({
        'http.request.method': 'POST',
        'http.route': CHAT,
        'http.response.status_code': 200,
      });
      expect(root.status.code).toBe(SpanStatusCode.UNSET);
      for (const child of children)
        expect({ child: child.name, parent: child.parentSpanContext?.spanId }).toEqual({
          child: child.name,
          parent: spanId,
        });
      expect(children.map((span) => span.name).sort()).toEqual(
        [
          'tiergate.auth',
          'tiergate.fallback',
          'tiergate.quota',
          'tiergate.select_models',
          'tiergate.settle',
          'tiergate.upstream',
          'tiergate.upstream',
        ].sort(),
      );

      const [selection] = named(children, 'tiergate.select_models');
      expect(selection.attributes['tiergate.models']).toEqual(expect.arrayContaining([PRIMARY, SECOND]));
      expect(named(children, 'tiergate.quota')[0].attributes).toMatchObject({ 'tiergate.tier': 'free' });

      const attempts = named(children, 'tiergate.upstream').sort(
        (a, b) => Number(a.attributes['tiergate.attempt']) - Number(b.attributes['tiergate.attempt']),
      );
      expect(attempts[0].attributes).toEqual({
        'tiergate.provider': 'together_ai',
        'tiergate.model': PRIMARY,
        'tiergate.attempt': 1,
        'tiergate.outcome': 'upstream_unavailable',
      });
      expect(attempts[0].status.code).toBe(SpanStatusCode.ERROR);
      expect(attempts[1].attributes).toEqual({
        'tiergate.provider': 'together_ai',
        'tiergate.model': SECOND,
        'tiergate.attempt': 2,
        'tiergate.outcome': 'ok',
      });
      expect(attempts[1].status.code).toBe(SpanStatusCode.UNSET);

      expect(named(children, 'tiergate.fallback')[0].attributes).toEqual({
        'tiergate.fallback.strategy': 'SAME_PROVIDER_DIFFERENT_MODEL',
        'tiergate.fallback.reason': 'upstream_error',
        'tiergate.fallback.from_model': PRIMARY,
        'tiergate.fallback.to_model': SECOND,
        'tiergate.fallback.passed_over': [`${PRIMARY} (upstream_error)`],
      });
      expect(named(children, 'tiergate.settle')[0].attributes['tiergate.cost_usd']).toBeGreaterThan(0);
      // The steps happen in order within the request.
      const start = (name: string) => named(children, name)[0].startTime;
      const ns = ([s, n]: [number, number]) => s * 1e9 + n;
      expect(ns(start('tiergate.auth'))).toBeLessThan(ns(start('tiergate.quota')));
      expect(ns(start('tiergate.quota'))).toBeLessThan(ns(attempts[0].startTime));
      expect(ns(attempts[0].startTime)).toBeLessThan(ns(attempts[1].startTime));
    });

    it("continues the caller's trace (W3C traceparent)", async () => {
      const response = await api.request('POST', CHAT, {
        body: ask(),
        token,
        headers: { traceparent: `00-${CALLER_TRACE}-${CALLER_SPAN}-01` },
      });
      expect(response.status).toBe(200);
      const { root, children, traceId } = await requestSpans(exporter, response.headers.get('x-request-id')!);
      expect(traceId).toBe(CALLER_TRACE);
      expect(root.parentSpanContext?.spanId).toBe(CALLER_SPAN);
      expect(named(children, 'tiergate.upstream')).toHaveLength(1);
      expect(named(children, 'tiergate.fallback')).toHaveLength(0);
    });

    it('a request refused by its quota: the quota step ends with the error, and no upstream span', async () => {
      const admin = await api.adminToken();
      const user = await api.user();
      const limited = await api.put(
        `/api/v1/admin/quotas/users/${user.id}`,
        { features: { text_generation: { requests_per_day: 1 } } },
        admin,
      );
      expect(limited.status).toBe(200);
      expect((await api.post(CHAT, ask(), user.token)).status).toBe(200);
      const refused = await api.post(CHAT, ask(), user.token);
      expect(refused.status).toBe(429);
      const { root, children } = await requestSpans(exporter, refused.headers.get('x-request-id')!);
      expect(root.attributes).toMatchObject({
        'http.response.status_code': 429,
        'tiergate.error_code': refused.body.error.code,
      });
      expect(root.status.code).toBe(SpanStatusCode.UNSET); // a 4xx is the caller's, not ours
      expect(children.map((span) => span.name).sort()).toEqual([
        'tiergate.auth',
        'tiergate.quota',
        'tiergate.select_models',
      ]);
      const [quota] = named(children, 'tiergate.quota');
      expect(quota.status.code).toBe(SpanStatusCode.ERROR);
      expect(quota.attributes['tiergate.outcome']).toBe(refused.body.error.code);
    });
  });

  it('with an OTLP endpoint: spans are posted as OTLP/JSON to <endpoint>/v1/traces, with the headers', async () => {
    const received: Array<{ path?: string; headers: Record<string, unknown>; body: any }> = [];
    const collector = createServer((req, res) => {
      const chunks: Buffer[] = [];
      req.on('data', (chunk: Buffer) => chunks.push(chunk));
      req.on('end', () => {
        received.push({
          path: req.url,
          headers: req.headers,
          body: JSON.parse(Buffer.concat(chunks).toString()),
        });
        res.writeHead(200, { 'content-type': 'application/json' }).end('{}');
      });
    });
    await new Promise<void>((resolve) => collector.listen(0, '127.0.0.1', resolve));
    const { port } = collector.address() as AddressInfo;
    const api = await TestApi.start({
      OTEL_EXPORTER_OTLP_ENDPOINT: `http://127.0.0.1:${port}`,
      OTEL_EXPORTER_OTLP_HEADERS: 'x-collector-key=collector-secret-1',
      OTEL_SERVICE_NAME: 'tiergate-e2e',
    });
    try {
      const response = await api.post(CHAT, ask(), (await api.user()).token);
      expect(response.status).toBe(200);
    } finally {
      await api.close(); // flushes the batch
      collector.close();
    }
    expect(received.length).toBeGreaterThan(0);
    expect(received[0]).toMatchObject({
      path: '/v1/traces',
      headers: { 'content-type': 'application/json', 'x-collector-key': 'collector-secret-1' },
    });
    const resourceSpans = received.flatMap((r) => r.body.resourceSpans as any[]);
    expect(resourceSpans[0].resource.attributes).toContainEqual({
      key: 'service.name',
      value: { stringValue: 'tiergate-e2e' },
    });
    const names = resourceSpans.flatMap((r) =>
      r.scopeSpans.flatMap((s: any) => s.spans.map((x: any) => x.name)),
    );
    expect(names).toEqual(
      expect.arrayContaining([
        `POST ${CHAT}`,
        'tiergate.auth',
        'tiergate.quota',
        'tiergate.upstream',
        'tiergate.settle',
      ]),
    );
  });

  it('is off unless configured: no span at all', async () => {
    const exporter = new InMemorySpanExporter();
    const api = await TestApi.start({}, { spanExporter: exporter });
    try {
      const response = await api.post(CHAT, ask(), (await api.user()).token);
      expect(response.status).toBe(200);
      expect(response.headers.get('server-timing')).toContain('upstream;dur=');
      expect(exporter.getFinishedSpans()).toEqual([]);
    } finally {
      await api.close();
    }
  });
});
