import { sseEvents } from '@tiergate/testing';
import { TestApi } from './support/test-api';

const TOKEN = 'metrics-token-for-server-timing';
const OPENAI_CHAT = '/v1/chat/completions';
const TOGETHER_CHAT = '/api/v1/together/chat/completions';
const PRIMARY = 'meta-llama/Meta-Llama-3.1-8B-Instruct-Turbo';
const UPSTREAM_LATENCY_MS = 60;
const ENTRY = /^(\w+);dur=(\d+\.\d{2})$/;

let asked = 0;
const ask = (extra: Record<string, unknown> = {}) => ({
  messages: [{ role: 'user', content: `timing question ${++asked}` }],
  max_tokens: 16,
  ...extra,
});

/** `auth;dur=0.12, quota;dur=0.40, ...` → { auth: 0.12, quota: 0.4, ... }, failing on any other syntax. */
function serverTiming(header: string | null): Record<string, number> {
  expect(header).not.toBeNull();
  const entries: Record<string, number> = {};
  for (const entry of header!.split(', ')) {
    const match = ENTRY.exec(entry);
    expect({ entry, valid: match !== null }).toEqual({ entry, valid: true });
    entries[match![1]] = Number(match![2]);
  }
  return entries;
}

/** The histogram's `_count` for one route and outcome, from the /metrics text. */
function overheadCount(metrics: string, route: string, outcome: string): number {
  const line = metrics
    .split('\n')
    .find(
      (l) =>
        l.startsWith('tiergate_gateway_overhead_seconds_count{') &&
        l.includes(`route="${route}"`) &&
        l.includes(`outcome="${outcome}"`),
    );
  return line ? Number(line.split(' ').at(-1)) : 0;
}

describe('Server-Timing and the overhead histogram (e2e)', () => {
  let api: TestApi;
  let token: string;
  const scrape = async () =>
    (await api.request('GET', '/metrics', { headers: { authorization: `Bearer ${TOKEN}` } })).text;

  beforeAll(async () => {
    api = await TestApi.start({ METRICS_TOKEN: TOKEN });
    token = (await api.user()).token;
  });
  afterAll(() => api.close());
  beforeEach(() => api.resetSim());

  it('a chat answer carries auth, quota, upstream and total; upstream covers the upstream wait', async () => {
    await api.fault({ kind: 'latency', latency_ms: UPSTREAM_LATENCY_MS, count: 1, model: PRIMARY });
    const response = await api.post(OPENAI_CHAT, ask(), token);
    expect(response.status).toBe(200);
    const timing = serverTiming(response.headers.get('server-timing'));
    expect(Object.keys(timing)).toEqual(['auth', 'quota', 'upstream', 'total']);
    expect(timing.upstream).toBeGreaterThanOrEqual(UPSTREAM_LATENCY_MS);
    // Each entry is rounded to 0.01 ms on its own.
    expect(timing.total).toBeGreaterThanOrEqual(timing.upstream + timing.auth + timing.quota - 0.02);
    expect(timing.quota).toBeGreaterThan(0); // a Redis round trip
  });

  it('a stream carries it in its headers, up to the upstream first byte', async () => {
    await api.fault({ kind: 'latency', latency_ms: UPSTREAM_LATENCY_MS, count: 1, model: PRIMARY });
    const response = await api.post(TOGETHER_CHAT, ask({ stream: true }), token);
    expect(response.status).toBe(200);
    expect(sseEvents(response.text).at(-1)).toBe('[DONE]');
    const timing = serverTiming(response.headers.get('server-timing'));
    expect(Object.keys(timing)).toEqual(['auth', 'quota', 'upstream', 'total']);
    expect(timing.upstream).toBeGreaterThanOrEqual(UPSTREAM_LATENCY_MS);
    expect(timing.total).toBeGreaterThanOrEqual(timing.upstream);
  });

  it('the OpenAI surface streams with it too', async () => {
    const response = await api.post(OPENAI_CHAT, ask({ stream: true }), token);
    expect(response.status).toBe(200);
    expect(Object.keys(serverTiming(response.headers.get('server-timing')))).toEqual([
      'auth',
      'quota',
      'upstream',
      'total',
    ]);
  });

  it('an answer from the cache adds a cache entry and spends no upstream time', async () => {
    const body = { model: PRIMARY, ...ask({ temperature: 0 }) };
    expect((await api.post(OPENAI_CHAT, body, token)).status).toBe(200);
    await api.resetSim();
    const hit = await api.request('POST', OPENAI_CHAT, {
      body,
      token,
      headers: { 'cache-control': 'max-stale' },
    });
    expect(hit.headers.get('x-tiergate-cached')).toBe('true');
    const timing = serverTiming(hit.headers.get('server-timing'));
    expect(Object.keys(timing)).toEqual(['auth', 'quota', 'cache', 'upstream', 'total']);
    expect(timing.upstream).toBe(0);
    expect((await api.simStats()).requests).toBe(0);
  });

  it('a refused gateway request carries it; other routes do not', async () => {
    const refused = await api.post(OPENAI_CHAT, ask({ model: 'openai/gpt-oss-120b' }), token);
    expect(refused.status).toBe(403);
    const timing = serverTiming(refused.headers.get('server-timing'));
    expect(timing).toMatchObject({ upstream: 0, quota: 0 });
    expect(timing.total).toBeGreaterThan(0);
    const me = await api.get('/api/v1/me', token);
    expect(me.status).toBe(200);
    expect(me.headers.get('server-timing')).toBeNull();
  });

  it('/metrics has the overhead histogram by route and outcome, with sub-millisecond buckets', async () => {
    const before = await scrape();
    await api.post(OPENAI_CHAT, ask(), token);
    await api.post(OPENAI_CHAT, ask({ model: 'openai/gpt-oss-120b' }), token);
    const after = await scrape();
    expect(after).toContain('# TYPE tiergate_gateway_overhead_seconds histogram');
    expect(after).toMatch(
      /tiergate_gateway_overhead_seconds_bucket\{le="0\.0001",route="\/v1\/chat\/completions",outcome="ok"\} \d+/,
    );
    expect(after).toMatch(/tiergate_gateway_overhead_seconds_bucket\{le="0\.05",/);
    for (const outcome of ['ok', 'rejected'])
      expect(overheadCount(after, OPENAI_CHAT, outcome) - overheadCount(before, OPENAI_CHAT, outcome)).toBe(
        1,
      );
    expect(overheadCount(after, TOGETHER_CHAT, 'ok')).toBeGreaterThanOrEqual(1);
    expect(overheadCount(after, OPENAI_CHAT, 'cached')).toBeGreaterThanOrEqual(1);
  });
});
