import { sseEvents, TcpProxy, usageEvent, waitFor } from '@tiergate/testing';
import { UsageWriter } from '@tiergate/usage';
import { TestApi } from './support/test-api';

const CHAT = '/api/v1/together/chat/completions';
let asked = 0;
const ask = (extra: Record<string, unknown> = {}) => ({
  messages: [{ role: 'user', content: `usage question ${++asked}` }],
  max_tokens: 8,
  ...extra,
});
const today = () => new Date().toISOString().slice(0, 10);

/** Runs `count` requests with at most `parallel` in flight; returns the statuses. */
async function load(
  count: number,
  parallel: number,
  send: () => Promise<{ status: number }>,
): Promise<number[]> {
  const statuses: number[] = [];
  let next = 0;
  await Promise.all(
    Array.from({ length: parallel }, async () => {
      while (next < count) {
        next += 1;
        statuses.push((await send()).status);
      }
    }),
  );
  return statuses;
}

/** Production mode serves /metrics only with its token. */
const METRICS_TOKEN = 'usage-e2e-metrics-token';

describe('the usage ledger (e2e)', () => {
  let api: TestApi;
  let admin: string;
  let worker: { close: () => Promise<void> };

  beforeAll(async () => {
    api = await TestApi.start({ METRICS_TOKEN });
    admin = await api.adminToken();
    worker = await api.startWorker();
  });
  afterAll(async () => {
    await worker.close();
    await api.close();
  });

  const rowsOf = (userId: string) =>
    api.db.query<Record<string, any>>('SELECT * FROM usage_events WHERE user_id = $1 ORDER BY occurred_at', [
      userId,
    ]);
  const settle = (userId: string, count: number) =>
    waitFor(
      async () => ((await api.usageRows(userId)) >= count ? true : undefined),
      20_000,
      `${count} usage rows`,
    );

  it('records every request once, with its tokens, cost, latency, source and status', async () => {
    const user = await api.user();
    const ok = await api.post(CHAT, ask(), user.token);
    const streamed = await api.post(CHAT, ask({ stream: true }), user.token);
    await api.fault({ kind: 'error', status: 500, count: 30 });
    const failed = await api.post(CHAT, ask(), user.token);
    await api.clearFaults();
    const refused = await api.post(CHAT, ask({ max_tokens: 5_000 }), user.token); // over tokens_per_request
    expect([ok.status, streamed.status, failed.status, refused.status]).toEqual([200, 200, 502, 400]);
    await settle(user.id, 4);
    const rows = await rowsOf(user.id);
    expect(rows).toHaveLength(4);
    const byId = new Map(rows.map((row) => [row.request_id, row]));
    const first = byId.get(ok.headers.get('x-request-id'))!;
    expect(first).toMatchObject({
      tier: 'free',
      feature: 'text_generation',
      modality: 'chat',
      served_model: 'meta-llama/Meta-Llama-3.1-8B-Instruct-Turbo',
      provider: 'together_ai',
      key_source: 'system',
      is_fallback: false,
      cached: false,
      prompt_tokens: ok.body.usage.prompt_tokens,
      completion_tokens: ok.body.usage.completion_tokens,
      total_tokens: ok.body.usage.total_tokens,
      status: 200,
      error_code: null,
    });
    expect(Number(first.cost_usd)).toBeCloseTo(ok.body.usage.cost_usd, 8);
    expect(first.latency_ms).toBeGreaterThanOrEqual(0);
    const stream = byId.get(streamed.headers.get('x-request-id'))!;
    const final = JSON.parse(sseEvents(streamed.text).at(-2)!);
    expect(stream.total_tokens).toBe(final.usage.total_tokens);
    expect(stream.ttft_ms).not.toBeNull();
    expect(Number(stream.cost_usd)).toBeCloseTo(final.usage.cost_usd, 8);
    expect(byId.get(failed.headers.get('x-request-id'))).toMatchObject({
      status: 502,
      error_code: 'upstream_unavailable',
      total_tokens: 0,
    });
    expect(byId.get(refused.headers.get('x-request-id'))).toMatchObject({
      status: 400,
      error_code: 'validation_failed',
    });
  });

  it('a quota rejection is recorded as a 429', async () => {
    const user = await api.user();
    await api.put(
      `/api/v1/admin/quotas/users/${user.id}`,
      { features: { text_generation: { requests_per_day: 1 } } },
      admin,
    );
    await api.post(CHAT, ask(), user.token);
    expect((await api.post(CHAT, ask(), user.token)).status).toBe(429);
    await settle(user.id, 2);
    expect((await rowsOf(user.id)).map((row) => row.status).sort()).toEqual([200, 429]);
  });

  it('a retried batch is still one row per request', async () => {
    const writer = api.app.get(UsageWriter);
    const user = await api.user();
    const event = usageEvent({
      requestId: `retry-${Date.now()}`,
      userId: user.id,
      provider: 'together_ai',
      promptTokens: 3,
      completionTokens: 4,
      totalTokens: 7,
    });
    const results = await Promise.all([writer.write([event]), writer.write([event]), writer.write([event])]);
    expect(results.sort()).toEqual([0, 0, 1]);
    expect(await writer.write([event])).toBe(0);
    expect(await api.usageRows(user.id)).toBe(1);
    const [rollup] = await api.db.query<{ requests: string; total_tokens: string }>(
      'SELECT requests, total_tokens FROM usage_daily WHERE user_id = $1',
      [user.id],
    );
    expect(rollup).toEqual({ requests: '1', total_tokens: '7' });
  });

  it('10,000 requests with the worker stopped half way: exactly 10,000 rows, none twice, rollups equal to the raw rows', async () => {
    const user = await api.user();
    await api.patch(`/api/v1/admin/users/${user.id}`, { tier: 'enterprise' }, admin);
    await api.put(
      '/api/v1/admin/quotas/tiers/enterprise',
      { rate_limits: { requests_per_minute: null } },
      admin,
    );
    const send = () =>
      api.post(CHAT, { messages: [{ role: 'user', content: 'same question' }], max_tokens: 4 }, user.token);
    const firstHalf = await load(5_000, 32, send);
    await worker.close();
    const secondHalf = await load(5_000, 32, send);
    expect([...firstHalf, ...secondHalf].every((status) => status === 200)).toBe(true);
    worker = await api.startWorker();
    await waitFor(
      async () => ((await api.usageRows(user.id)) === 10_000 ? true : undefined),
      60_000,
      '10,000 rows',
    );
    const [raw] = await api.db.query<{ rows: string; ids: string; tokens: string; cost: string }>(
      `SELECT count(*) AS rows, count(DISTINCT request_id) AS ids, sum(total_tokens) AS tokens, sum(cost_usd) AS cost
         FROM usage_events WHERE user_id = $1`,
      [user.id],
    );
    expect(raw.rows).toBe('10000');
    expect(raw.ids).toBe('10000');
    const [rolled] = await api.db.query<{ requests: string; tokens: string; cost: string }>(
      `SELECT sum(requests) AS requests, sum(total_tokens) AS tokens, sum(cost_usd) AS cost FROM usage_daily WHERE user_id = $1`,
      [user.id],
    );
    expect(rolled).toEqual({ requests: '10000', tokens: raw.tokens, cost: rolled.cost });
    expect(Number(rolled.cost)).toBeCloseTo(Number(raw.cost), 8);
  }, 180_000);

  it('/metrics: requests and latency by route, model, tier and status; fallbacks; quota rejections; queue depth', async () => {
    const user = await api.user();
    await api.put(
      `/api/v1/admin/quotas/users/${user.id}`,
      { features: { text_generation: { requests_per_day: 2 } } },
      admin,
    );
    await api.post(CHAT, ask(), user.token);
    await api.fault({
      kind: 'error',
      status: 500,
      count: 30,
      model: 'meta-llama/Meta-Llama-3.1-8B-Instruct-Turbo',
    });
    await api.post(CHAT, ask(), user.token);
    await api.clearFaults();
    expect((await api.post(CHAT, ask(), user.token)).status).toBe(429);
    const scrape = await api.request('GET', '/metrics', {
      headers: { authorization: `Bearer ${METRICS_TOKEN}` },
    });
    expect(scrape.status).toBe(200);
    expect(scrape.headers.get('content-type')).toContain('text/plain');
    const text = scrape.text;
    expect(text).toMatch(
      /tiergate_http_requests_total\{route="\/api\/v1\/together\/chat\/completions",method="POST",status="200"\} \d+/,
    );
    expect(text).toMatch(
      /tiergate_gateway_requests_total\{modality="chat",model="meta-llama\/Meta-Llama-3.1-8B-Instruct-Turbo",tier="free",status="200"\}/,
    );
    expect(text).toContain('tiergate_gateway_request_duration_seconds_bucket');
    expect(text).toMatch(
      /tiergate_fallbacks_total\{strategy="SAME_PROVIDER_DIFFERENT_MODEL",reason="upstream_error"\} [1-9]/,
    );
    expect(text).toMatch(
      /tiergate_quota_rejections_total\{tier="free",feature="text_generation",limit="requests_per_day"\} [1-9]/,
    );
    expect(text).toMatch(
      /tiergate_upstream_retries_total\{provider="together_ai",code="upstream_unavailable"\} [1-9]/,
    );
    expect(text).toContain('tiergate_usage_queue_depth{state="waiting"}');
    expect(text).toContain('tiergate_upstream_duration_seconds_bucket');
  });

  describe('reports', () => {
    it("a user's usage by day, feature and model, and their billing", async () => {
      const user = await api.user();
      const answers = [
        await api.post(CHAT, ask(), user.token),
        await api.post(CHAT, ask({ purpose: 'coding' }), user.token),
      ];
      await settle(user.id, 2);
      const usage = await api.get(`/api/v1/me/usage?from=${today()}&to=${today()}`, user.token);
      expect(usage.status).toBe(200);
      expect(usage.body.data.map((row: { model: string }) => row.model).sort()).toEqual([
        'Nexusflow/NexusRaven-V2-13B',
        'meta-llama/Meta-Llama-3.1-8B-Instruct-Turbo',
      ]);
      expect(usage.body.totals.requests).toBe(2);
      expect(usage.body.totals.total_tokens).toBe(
        answers.reduce((sum, a) => sum + a.body.usage.total_tokens, 0),
      );
      const billing = await api.get('/api/v1/me/billing', user.token);
      expect(billing.body).toMatchObject({
        tier: 'free',
        credits: { allocation_usd: 1 },
        own_key: { active: false },
        charge: { overage_usd: 0, total_usd: 0 },
      });
      expect(billing.body.credits.used_usd).toBeCloseTo(
        answers.reduce((sum, a) => sum + a.body.usage.cost_usd, 0),
        5,
      );
      expect((await api.get('/api/v1/me/usage?from=yesterday', user.token)).body.error.param).toBe('from');
    });

    it('admin reports: filters, grouping, totals, error rate, percentiles; stats; exports in csv, json and xlsx', async () => {
      const user = await api.user();
      await api.post(CHAT, ask(), user.token);
      await api.fault({ kind: 'error', status: 500, count: 30 });
      await api.post(CHAT, ask(), user.token);
      await api.clearFaults();
      await settle(user.id, 2);
      const report = await api.get(`/api/v1/admin/usage?user_id=${user.id}&group_by=model`, admin);
      expect(report.status).toBe(200);
      expect(report.body.totals).toMatchObject({ requests: 2, errors: 1, error_rate: 0.5 });
      expect(report.body.totals.latency_ms.p50).toBeGreaterThan(0);
      const errorsOnly = await api.get(
        `/api/v1/admin/usage?user_id=${user.id}&status=error&group_by=feature`,
        admin,
      );
      expect(errorsOnly.body.data).toEqual([
        expect.objectContaining({ feature: 'text_generation', requests: 1, errors: 1 }),
      ]);
      expect((await api.get('/api/v1/admin/usage?group_by=colour', admin)).body.error.param).toBe('group_by');
      expect((await api.get('/api/v1/admin/usage', (await api.user()).token)).status).toBe(403);

      const stats = await api.get('/api/v1/admin/gateway/stats?time_range=24h', admin);
      expect(stats.body).toMatchObject({ gateway: 'together', time_range: '24h' });
      expect(stats.body.total_requests).toBeGreaterThanOrEqual(2);
      expect((await api.get('/api/v1/admin/gateway/stats?time_range=forever', admin)).body.error.param).toBe(
        'time_range',
      );

      const csv = await api.get(`/api/v1/admin/usage/export?format=csv&user_id=${user.id}`, admin);
      expect(csv.headers.get('content-type')).toContain('text/csv');
      const lines = csv.text.trim().split('\n');
      expect(lines[0].split(',')).toContain('request_id');
      expect(lines).toHaveLength(3);
      const json = await api.get(`/api/v1/admin/usage/export?format=json&user_id=${user.id}`, admin);
      expect(json.body).toHaveLength(2);
      expect(json.body.map((row: { status: number }) => row.status).sort()).toEqual([200, 502]);
      const xlsx = await fetch(`${api.url}/api/v1/admin/usage/export?format=xlsx&user_id=${user.id}`, {
        headers: { authorization: `Bearer ${admin}` },
      });
      const bytes = Buffer.from(await xlsx.arrayBuffer());
      expect(xlsx.headers.get('content-type')).toContain('spreadsheetml');
      expect(bytes.subarray(0, 2).toString()).toBe('PK');
    });

    it('prices: admins edit what the catalog does not price, and image costs follow', async () => {
      const prices = await api.get('/api/v1/admin/prices', admin);
      expect(prices.body).toMatchObject({ image_per_megapixel: expect.any(Number) });
      expect(
        (await api.put('/api/v1/admin/prices', { image_per_megapixel: -1 }, admin)).body.error.param,
      ).toBe('image_per_megapixel');
      for (const [body, param] of [
        [{ image_per_megapixel: null }, 'image_per_megapixel'],
        [{ tier_credits_usd: { gold: 5 } }, 'tier_credits_usd.gold'],
        [{ tier_credits_usd: { free: -1 } }, 'tier_credits_usd.free'],
        [{ models: { 'x/y': { per_image: 'cheap' } } }, 'models.x/y.per_image'],
        [{ models: { 'x/y': { per_second: 1 } } }, 'models.x/y.per_second'],
        [{ models: { 'x/y': null } }, 'models.x/y'],
        [{ colour: 'blue' }, 'colour'],
      ] as const) {
        const refused = await api.put('/api/v1/admin/prices', body, admin);
        expect({ param, status: refused.status, got: refused.body.error?.param }).toEqual({
          param,
          status: 400,
          got: param,
        });
      }
      const changed = await api.put(
        '/api/v1/admin/prices',
        {
          tier_credits_usd: { free: 1, premium: 30, enterprise: 500 },
          models: { 'x/y': { per_image: 0.5 } },
        },
        admin,
      );
      expect(changed.body).toEqual({
        ...prices.body,
        tier_credits_usd: { free: 1, premium: 30, enterprise: 500 },
        effective_tier_credits_usd: { free: 1, premium: 30, enterprise: 500 },
        models: { 'x/y': { per_image: 0.5 } },
      });
      await api.put('/api/v1/admin/prices', { image_per_megapixel: 0.01, models: prices.body.models }, admin);
      const user = await api.user();
      const image = await api.post(
        '/api/v1/together/images/generations',
        { prompt: 'a lighthouse', width: 512, height: 512 },
        user.token,
      );
      expect(image.status).toBe(200);
      expect(Number(image.headers.get('x-tiergate-cost-usd'))).toBeCloseTo(0.01 * ((512 * 512) / 1e6), 8);
    });
  });
});

describe('usage while Redis is unreachable (e2e)', () => {
  it('spools events to a file and replays them when Redis returns: nothing lost, nothing doubled', async () => {
    const proxy = await TcpProxy.start({ host: '127.0.0.1', port: 6379 });
    const api = await TestApi.start({ REDIS_URL: proxy.url });
    const worker = await api.startWorker(); // the worker reaches Redis directly
    try {
      const admin = await api.adminToken();
      const user = await api.user();
      await api.patch(`/api/v1/admin/users/${user.id}`, { tier: 'premium' }, admin); // fails open
      for (let i = 0; i < 5; i++) expect((await api.post(CHAT, ask(), user.token)).status).toBe(200);
      await proxy.down();
      for (let i = 0; i < 20; i++) expect((await api.post(CHAT, ask(), user.token)).status).toBe(200);
      await proxy.up();
      await waitFor(
        async () => ((await api.usageRows(user.id)) === 25 ? true : undefined),
        30_000,
        '25 rows',
      );
      const [row] = await api.db.query<{ ids: string }>(
        'SELECT count(DISTINCT request_id) AS ids FROM usage_events WHERE user_id = $1',
        [user.id],
      );
      expect(row.ids).toBe('25');
    } finally {
      await worker.close();
      await api.close();
      await proxy.down();
    }
  }, 60_000);
});
