import { usageEvent, waitFor } from '@tiergate/testing';
import { UsageWriter } from '@tiergate/usage';
import { TestApi } from './support/test-api';

const CHAT = '/api/v1/together/chat/completions';
const CODE = '/api/v1/together/code/completions';
const PRIMARY = 'meta-llama/Meta-Llama-3.1-8B-Instruct-Turbo';
const CODE_MODEL = 'Nexusflow/NexusRaven-V2-13B';
let asked = 0;
const ask = () => ({
  messages: [{ role: 'user', content: `observability question ${++asked}` }],
  max_tokens: 8,
});
const today = () => new Date().toISOString().slice(0, 10);

/** Waits until the worker has written `count` ledger rows for the user. */
const settle = (api: TestApi, userId: string, count: number) =>
  waitFor(
    async () => ((await api.usageRows(userId)) >= count ? true : undefined),
    20_000,
    `${count} usage rows`,
  );

describe('GET /api/v1/admin/overview (e2e)', () => {
  let api: TestApi;
  let admin: string;
  let worker: { close: () => Promise<void> };

  beforeAll(async () => {
    // Two failures of a model within a minute open its breaker, which then stays open.
    api = await TestApi.start({
      CIRCUIT_BREAKER_FAILURE_THRESHOLD: '2',
      CIRCUIT_BREAKER_WINDOW_MS: '60000',
      CIRCUIT_BREAKER_COOLDOWN_MS: '600000',
    });
    admin = await api.adminToken();
    worker = await api.startWorker();
  });
  afterAll(async () => {
    await worker.close();
    await api.close();
  });

  it('health, open breakers, the queue, the last 24 hours and today, after successes, fallbacks and a failure', async () => {
    const before = await api.get('/api/v1/admin/overview', admin);
    expect(before.status).toBe(200);
    expect(before.body.health).toEqual({
      database: { status: 'up', latency_ms: expect.any(Number), message: null },
      redis: { status: 'up', latency_ms: expect.any(Number), message: null },
      upstream: { status: 'up', latency_ms: expect.any(Number), message: null },
    });
    expect(before.body.breakers).toEqual([]);
    expect(before.body.usage_queue).toEqual({
      mode: 'queue',
      available: true,
      waiting: expect.any(Number),
      active: expect.any(Number),
      delayed: expect.any(Number),
      failed: 0,
    });
    expect(before.body.last_24h.hourly).toHaveLength(25);

    const user = await api.user();
    const answers = [await api.post(CHAT, ask(), user.token), await api.post(CHAT, ask(), user.token)];
    await api.fault({ kind: 'error', status: 500, count: 100, model: PRIMARY });
    answers.push(await api.post(CHAT, ask(), user.token), await api.post(CHAT, ask(), user.token));
    await api.clearFaults();
    await api.fault({ kind: 'error', status: 500, count: 100 });
    const failed = await api.post(CHAT, ask(), user.token);
    await api.clearFaults();
    expect(answers.map((answer) => answer.status)).toEqual([200, 200, 200, 200]);
    expect(answers.map((answer) => answer.body.model_source_indicator.is_fallback)).toEqual([
      false,
      false,
      true,
      true,
    ]);
    expect(failed.status).toBeGreaterThanOrEqual(500);
    await settle(api, user.id, 5);

    const after = await api.get('/api/v1/admin/overview', admin);
    expect(after.status).toBe(200);
    const delta = (field: string) => after.body.last_24h[field] - before.body.last_24h[field];
    expect(delta('requests')).toBe(5);
    expect(delta('errors')).toBe(1);
    expect(delta('fallbacks')).toBe(2);
    expect(delta('cache_hits')).toBe(0);
    expect(delta('tokens')).toBe(answers.reduce((sum, answer) => sum + answer.body.usage.total_tokens, 0));
    const cost = answers.reduce((sum, answer) => sum + answer.body.usage.cost_usd, 0);
    expect(delta('cost_usd')).toBeCloseTo(cost, 8);
    expect(after.body.today.requests - before.body.today.requests).toBe(5);
    expect(after.body.today.cost_usd - before.body.today.cost_usd).toBeCloseTo(cost, 8);
    const hourly = after.body.last_24h.hourly as Array<{ hour: string; requests: number }>;
    expect(hourly.reduce((sum, point) => sum + point.requests, 0)).toBe(after.body.last_24h.requests);
    expect(hourly.at(-1)!.hour).toBe(`${String(after.body.generated_at).slice(0, 13)}:00:00Z`);

    // The primary failed twice: its breaker is open for the cool-down.
    expect(after.body.breakers).toEqual([
      {
        provider: 'together_ai',
        model: PRIMARY,
        state: 'open',
        opened_at: expect.any(String),
        retry_at: expect.any(String),
      },
    ]);
    const [breaker] = after.body.breakers;
    expect(Date.parse(breaker.retry_at) - Date.parse(breaker.opened_at)).toBe(600_000);
    expect(after.body.usage_queue.failed).toBe(0);
  });

  it('is for admins only', async () => {
    const user = await api.user();
    expect((await api.get('/api/v1/admin/overview', user.token)).status).toBe(403);
    expect((await api.get('/api/v1/admin/overview')).status).toBe(401);
  });
});

describe('the Request Log and usage series (e2e)', () => {
  let api: TestApi;
  let admin: string;
  let worker: { close: () => Promise<void> };

  beforeAll(async () => {
    api = await TestApi.start();
    admin = await api.adminToken();
    worker = await api.startWorker();
  });
  afterAll(async () => {
    await worker.close();
    await api.close();
  });

  const events = (query: string, token = admin) => api.get(`/api/v1/admin/usage/events?${query}`, token);

  /** Every page of the log for the query, following next_cursor. */
  async function allPages(query: string, limit: number) {
    const rows: Array<Record<string, any>> = [];
    const pages: number[] = [];
    let cursor: string | null = null;
    do {
      const page = await events(`${query}&limit=${limit}${cursor ? `&cursor=${cursor}` : ''}`);
      expect(page.status).toBe(200);
      pages.push(page.body.data.length);
      rows.push(...page.body.data);
      cursor = page.body.next_cursor;
    } while (cursor !== null && pages.length < 50);
    return { rows, pages };
  }

  it('newest first, each row with its user and outcome; filters by user, status, model, feature, tier and dates', async () => {
    const user = await api.user();
    const other = await api.user();
    await api.patch(`/api/v1/admin/users/${other.id}`, { tier: 'premium' }, admin);
    const sent = [];
    for (let i = 0; i < 4; i++) sent.push(await api.post(CHAT, ask(), user.token));
    sent.push(await api.post(CODE, { prompt: 'def add(a, b):', language: 'python' }, user.token));
    await api.fault({ kind: 'error', status: 500, count: 100 });
    const failed = await api.post(CHAT, ask(), user.token);
    await api.clearFaults();
    const premium = await api.post(CHAT, ask(), other.token);
    await settle(api, user.id, 6);
    await settle(api, other.id, 1);

    const page = await events(`user_id=${user.id}`);
    expect(page.status).toBe(200);
    expect(page.body.next_cursor).toBeNull();
    const ids = page.body.data.map((row: { request_id: string }) => row.request_id);
    expect(ids).toEqual([...sent, failed].map((r) => r.headers.get('x-request-id')).reverse());
    const times = page.body.data.map((row: { occurred_at: string }) => Date.parse(row.occurred_at));
    expect([...times].sort((a, b) => b - a)).toEqual(times);
    const first = sent[0];
    expect(page.body.data.at(-1)).toEqual({
      request_id: first.headers.get('x-request-id'),
      occurred_at: expect.stringMatching(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{6}Z$/),
      user_id: user.id,
      user_email: user.email,
      tier: 'free',
      feature: 'text_generation',
      modality: 'chat',
      requested_model: null,
      served_model: PRIMARY,
      provider: 'together_ai',
      key_source: 'system',
      status: 200,
      error_code: null,
      is_fallback: false,
      fallback_strategy: null,
      cached: false,
      prompt_tokens: first.body.usage.prompt_tokens,
      completion_tokens: first.body.usage.completion_tokens,
      total_tokens: first.body.usage.total_tokens,
      images: 0,
      audio_seconds: 0,
      characters: 0,
      cost_usd: expect.closeTo(first.body.usage.cost_usd, 8),
      latency_ms: expect.any(Number),
      ttft_ms: null,
    });
    expect(page.body.data[0]).toMatchObject({ status: failed.status, error_code: failed.body.error.code });

    const errors = await events(`user_id=${user.id}&status=error`);
    expect(errors.body.data.map((row: { request_id: string }) => row.request_id)).toEqual([
      failed.headers.get('x-request-id'),
    ]);
    expect((await events(`user_id=${user.id}&status=ok`)).body.data).toHaveLength(5);
    const code = await events(`user_id=${user.id}&model=${encodeURIComponent(CODE_MODEL)}`);
    expect(code.body.data).toEqual([
      expect.objectContaining({ feature: 'code_generation', modality: 'code' }),
    ]);
    expect((await events(`user_id=${user.id}&feature=code_generation`)).body.data).toHaveLength(1);
    expect((await events(`user_id=${user.id}&key_source=user`)).body.data).toEqual([]);
    const tier = await events(`tier=premium`);
    expect(tier.body.data.map((row: { request_id: string }) => row.request_id)).toEqual([
      premium.headers.get('x-request-id'),
    ]);
    expect(tier.body.data[0]).toMatchObject({ user_id: other.id, user_email: other.email, tier: 'premium' });
    const tomorrow = new Date(Date.now() + 86_400_000).toISOString().slice(0, 10);
    expect((await events(`user_id=${user.id}&from=${tomorrow}&to=${tomorrow}`)).body.data).toEqual([]);
    expect((await events(`user_id=${user.id}&from=${today()}&to=${today()}`)).body.data).toHaveLength(6);
  });

  it('pages by cursor with no duplicates or gaps, also through rows of the same instant', async () => {
    const user = await api.user();
    const writer = api.app.get(UsageWriter);
    const at = new Date(Date.now() - 60_000).toISOString();
    const event = (i: number, occurredAt: string) =>
      usageEvent({
        requestId: `keyset-${user.id}-${String(i).padStart(2, '0')}`,
        occurredAt,
        userId: user.id,
        servedModel: PRIMARY,
        provider: 'together_ai',
      });
    // Seven rows at one instant between newer and older rows.
    const older = new Date(Date.now() - 120_000).toISOString();
    const written = [
      ...Array.from({ length: 7 }, (_, i) => event(i, at)),
      event(10, older),
      event(11, new Date().toISOString()),
    ];
    await writer.write(written);
    for (let i = 0; i < 3; i++) await api.post(CHAT, ask(), user.token);
    await settle(api, user.id, written.length + 3);

    const { rows, pages } = await allPages(`user_id=${user.id}`, 2);
    expect(pages).toEqual([2, 2, 2, 2, 2, 2]);
    const ids = rows.map((row) => row.request_id as string);
    expect(new Set(ids).size).toBe(12);
    const stored = await api.db.query<{ request_id: string }>(
      'SELECT request_id FROM usage_events WHERE user_id = $1 ORDER BY occurred_at DESC, request_id DESC',
      [user.id],
    );
    expect(ids).toEqual(stored.map((row) => row.request_id));
    const sameInstant = ids.filter((id) => /keyset-.*-0\d$/.test(id));
    expect(sameInstant).toEqual(Array.from({ length: 7 }, (_, i) => `keyset-${user.id}-0${6 - i}`));
    // A last page that is exactly full says so: no empty page after it.
    const four = await allPages(`user_id=${user.id}`, 4);
    expect(four.pages).toEqual([4, 4, 4]);
    expect(four.rows.map((row) => row.request_id)).toEqual(ids);
    const one = await allPages(`user_id=${user.id}&status=ok`, 100);
    expect(one.pages).toEqual([12]);
  });

  it.each([
    ['cursor=not-a-cursor', 'cursor'],
    ['cursor=%21%21', 'cursor'],
    [`cursor=${Buffer.from('["2026-11-30T00:00:00Z","x"]').toString('base64url')}`, 'cursor'],
    ['limit=0', 'limit'],
    ['limit=101', 'limit'],
    ['status=broken', 'status'],
    ['user_id=nobody', 'user_id'],
    ['from=yesterday', 'from'],
    ['colour=red', 'colour'],
  ])('?%s is a 400 naming %s', async (query, param) => {
    const response = await events(query);
    expect(response.status).toBe(400);
    expect(response.body.error).toMatchObject({ code: 'validation_failed', param });
  });

  it('series split by model add up to the report; the top keys are kept, the rest folded into "other"', async () => {
    const user = await api.user();
    await api.post(CHAT, ask(), user.token);
    await api.post(CHAT, ask(), user.token);
    await api.post(CODE, { prompt: 'def sub(a, b):', language: 'python' }, user.token);
    await api.fault({ kind: 'error', status: 500, count: 100 });
    await api.post(CHAT, ask(), user.token);
    await api.clearFaults();
    await settle(api, user.id, 4);
    const range = `from=${today()}&to=${today()}`;

    const mine = await api.get(
      `/api/v1/admin/usage/series?${range}&user_id=${user.id}&split_by=model`,
      admin,
    );
    expect(mine.status).toBe(200);
    expect(mine.body.bucket).toBe('day');
    // The failed request's key is the model it asked for (or none): one request, like the code model.
    const failedKey = mine.body.keys.find((key: string) => key !== PRIMARY && key !== CODE_MODEL);
    expect(mine.body.keys).toEqual([PRIMARY, ...[CODE_MODEL, failedKey].sort((a, b) => a.localeCompare(b))]);
    const byKey = Object.fromEntries(
      mine.body.series.map((point: { key: string; requests: number }) => [point.key, point.requests]),
    );
    expect(byKey).toEqual({ [PRIMARY]: 2, [CODE_MODEL]: 1, [failedKey]: 1 });

    const keysOf = new Map<string, string[]>();
    for (const filter of [`user_id=${user.id}`, '']) {
      const report = await api.get(`/api/v1/admin/usage?${range}&${filter}`, admin);
      expect(report.body.totals.latency_ms).toEqual({
        avg: expect.any(Number),
        p50: expect.any(Number),
        p95: expect.any(Number),
        p99: expect.any(Number),
      });
      expect(report.body.totals).toMatchObject({
        error_rate: expect.any(Number),
        fallback_rate: expect.any(Number),
        cache_rate: expect.any(Number),
      });
      for (const top of [8, 1]) {
        const series = await api.get(
          `/api/v1/admin/usage/series?${range}&${filter}&split_by=model&top=${top}`,
          admin,
        );
        expect(series.status).toBe(200);
        const sum = (field: string) =>
          series.body.series.reduce(
            (total: number, point: Record<string, number>) => total + point[field],
            0,
          );
        expect(sum('requests')).toBe(report.body.totals.requests);
        expect(sum('errors')).toBe(report.body.totals.errors);
        expect(sum('prompt_tokens')).toBe(report.body.totals.prompt_tokens);
        expect(sum('completion_tokens')).toBe(report.body.totals.completion_tokens);
        expect(sum('cost_usd')).toBeCloseTo(report.body.totals.cost_usd, 8);
        keysOf.set(`${filter}:${top}`, series.body.keys);
      }
    }
    expect(keysOf.get(`user_id=${user.id}:1`)).toEqual([PRIMARY, 'other']);
    expect(keysOf.get(':1')).toEqual([PRIMARY, 'other']);
    const unsplit = await api.get(`/api/v1/admin/usage/series?${range}&split_by=none`, admin);
    expect(unsplit.body.keys).toEqual(['all']);
    const month = await api.get('/api/v1/admin/usage/series?split_by=tier', admin);
    expect(month.body.series).toHaveLength(30 * month.body.keys.length);
    expect(month.body.series.at(-1).day).toBe(today());
  });

  it('reports without a user read the totals, which always equal the per-user rollups', async () => {
    const byUser = await api.get('/api/v1/admin/usage?group_by=user', admin);
    const totals = await api.get('/api/v1/admin/usage', admin);
    const sum = (field: string) =>
      byUser.body.data.reduce((total: number, row: Record<string, number>) => total + row[field], 0);
    expect(totals.body.totals.requests).toBeGreaterThan(0);
    expect(sum('requests')).toBe(totals.body.totals.requests);
    expect(sum('errors')).toBe(totals.body.totals.errors);
    expect(sum('total_tokens')).toBe(totals.body.totals.total_tokens);
    const [rows] = await api.db.query<{ raw: string; rolled: string }>(
      `SELECT (SELECT count(*) FROM usage_events) AS raw, (SELECT sum(requests) FROM usage_daily_totals) AS rolled`,
    );
    expect(rows.rolled).toBe(rows.raw);
  });

  it('series: a range over 366 days or backwards is a 400 naming from; split_by and top are checked', async () => {
    const bad = async (query: string) =>
      (await api.get(`/api/v1/admin/usage/series?${query}`, admin)).body.error;
    expect(await bad('from=2024-01-01&to=2026-01-02')).toMatchObject({ param: 'from' });
    expect(await bad('from=2026-02-01&to=2026-01-01')).toMatchObject({ param: 'from' });
    expect(await bad('split_by=user')).toMatchObject({ param: 'split_by' });
    expect(await bad('top=0')).toMatchObject({ param: 'top' });
  });

  it('is for admins only', async () => {
    const user = await api.user();
    expect((await events('', user.token)).status).toBe(403);
    expect((await api.get('/api/v1/admin/usage/series', user.token)).status).toBe(403);
  });
});
