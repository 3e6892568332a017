import type { ApiConfig } from '@tiergate/config';
import { QuotaClock, utcDay } from '@tiergate/quota';
import { ApiTestClient, TcpProxy, waitFor } from '@tiergate/testing';
import { createApiApp } from '../src/bootstrap';
import { TestApi } from './support/test-api';

const CHAT = '/api/v1/together/chat/completions';
let asked = 0;
const ask = (extra: Record<string, unknown> = {}) => ({
  messages: [{ role: 'user', content: `quota question ${++asked}` }],
  max_tokens: 16,
  ...extra,
});

describe('quotas and rate limits (e2e)', () => {
  let api: TestApi;
  let admin: string;

  beforeAll(async () => {
    api = await TestApi.start();
    admin = await api.adminToken();
  });
  afterAll(() => api.close());
  beforeEach(() => api.clearFaults());

  const quotaOf = async (token: string) => (await api.get('/api/v1/together/quota', token)).body;

  it('shows the Together-surface shape, and counts a request and its real tokens', async () => {
    const user = await api.user();
    const before = await quotaOf(user.token);
    expect(before.text_generation).toEqual({
      requests_used: 0,
      requests_limit: 50,
      tokens_used: 0,
      tokens_limit: 10000,
      tokens_per_request_limit: 2000,
    });
    expect(before.image_generation).toEqual({ requests_used: 0, requests_limit: 10 });
    expect(before.audio_tts).toMatchObject({ requests_limit: 10, minutes_used: 0, minutes_limit: 5 });
    expect(before.audio_stt).toMatchObject({ requests_limit: 10, minutes_limit: 10 });
    expect(before.code_generation).toMatchObject({ requests_limit: 30, tokens_limit: 15000 });
    expect(before.vision_analysis).toMatchObject({ requests_limit: 20 });
    expect(before.resets_at).toBe(utcDay(Date.now()).resetsAt.toISOString());

    const response = await api.post(CHAT, ask(), user.token);
    expect(response.status).toBe(200);
    expect(response.headers.get('x-ratelimit-limit')).toBe('50');
    expect(response.headers.get('x-ratelimit-remaining')).toBe('49');
    expect(Number(response.headers.get('x-ratelimit-reset'))).toBe(
      utcDay(Date.now()).resetsAt.getTime() / 1000,
    );
    const after = await quotaOf(user.token);
    expect(after.text_generation.requests_used).toBe(1);
    expect(after.text_generation.tokens_used).toBe(response.body.usage.total_tokens);
  });

  it('200 concurrent requests against 50 per day: exactly 50 succeed, 150 get 429', async () => {
    const user = await api.user();
    const responses = await Promise.all(
      Array.from({ length: 200 }, () => api.post(CHAT, ask({ max_tokens: 4 }), user.token)),
    );
    const statuses = responses.map((r) => r.status);
    expect(statuses.filter((s) => s === 200)).toHaveLength(50);
    expect(statuses.filter((s) => s === 429)).toHaveLength(150);
    const refused = responses.find((r) => r.status === 429)!;
    expect(refused.body.error).toMatchObject({ code: 'quota_exceeded', type: 'rate_limit_error' });
    expect(refused.body.error.message).toContain('requests per day');
    expect(refused.body.error.message).toContain('text_generation');
    expect(refused.body.error.message).toContain(utcDay(Date.now()).resetsAt.toISOString());
    expect(Number(refused.headers.get('retry-after'))).toBeGreaterThan(0);
    expect(refused.headers.get('x-ratelimit-limit')).toBe('50');
    expect(refused.headers.get('x-ratelimit-remaining')).toBe('0');
    expect((await quotaOf(user.token)).text_generation.requests_used).toBe(50);
  });

  it('the same across two api instances on one Redis', async () => {
    const second = await TestApi.start({}, { shareWith: api });
    try {
      const user = await api.user();
      const responses = await Promise.all(
        Array.from({ length: 200 }, (_, i) =>
          (i % 2 ? second : api).post(CHAT, ask({ max_tokens: 4 }), user.token),
        ),
      );
      expect(responses.filter((r) => r.status === 200)).toHaveLength(50);
      expect(responses.filter((r) => r.status === 429)).toHaveLength(150);
    } finally {
      await second.close();
    }
  });

  it('a request nothing can refuse does not wait for Redis, and is still counted exactly, on two instances', async () => {
    const second = await TestApi.start({}, { shareWith: api });
    const tier = (await api.get('/api/v1/admin/quotas/tiers/enterprise', admin)).body;
    try {
      const user = await api.user();
      await api.patch(`/api/v1/admin/users/${user.id}`, { tier: 'enterprise' }, admin);
      const unlimited = { requests_per_day: null, tokens_per_day: null, tokens_per_request: null };
      await api.put(
        `/api/v1/admin/quotas/users/${user.id}`,
        { features: { text_generation: unlimited } },
        admin,
      );
      const lifted = { requests_per_second: null, requests_per_minute: null, tokens_per_minute: null };
      await api.put('/api/v1/admin/quotas/tiers/enterprise', { rate_limits: lifted }, admin);
      const token = await api.signIn(user.email, user.password);

      const responses = await Promise.all(
        Array.from({ length: 100 }, (_, i) =>
          (i % 2 ? second : api).post(CHAT, ask({ max_tokens: 8 }), token),
        ),
      );
      expect(responses.map((r) => r.status)).toEqual(Array(100).fill(200));
      // No limit applies, so there are no figures to show.
      expect(responses[0].headers.get('x-ratelimit-limit')).toBeNull();
      const real = responses.reduce((sum, r) => sum + (r.body.usage.total_tokens as number), 0);
      // Settled once each reservation is in, after the answers: the counters reach the real usage.
      const counted = await waitFor(
        async () => {
          const quota = (await quotaOf(token)).text_generation;
          return quota.requests_used === 100 && quota.tokens_used === real ? quota : undefined;
        },
        5_000,
        'the counters settled to the real usage',
      );
      expect(counted).toMatchObject({ requests_used: 100, tokens_used: real, requests_limit: null });
    } finally {
      await api.put('/api/v1/admin/quotas/tiers/enterprise', { rate_limits: tier.rate_limits }, admin);
      await second.close();
    }
  });

  it('concurrent requests never push used tokens past tokens_per_day; the counter equals the real usage', async () => {
    const user = await api.user();
    await api.put(
      `/api/v1/admin/quotas/users/${user.id}`,
      { features: { text_generation: { tokens_per_day: 600, requests_per_day: 1000 } } },
      admin,
    );
    const responses = await Promise.all(
      Array.from({ length: 40 }, () => api.post(CHAT, ask({ max_tokens: 32 }), user.token)),
    );
    const served = responses.filter((r) => r.status === 200);
    expect(served.length).toBeGreaterThan(0);
    expect(responses.filter((r) => r.status === 429).length).toBeGreaterThan(0);
    const real = served.reduce((sum, r) => sum + (r.body.usage.total_tokens as number), 0);
    const quota = (await quotaOf(user.token)).text_generation;
    expect(quota.tokens_used).toBe(real);
    expect(quota.tokens_used).toBeLessThanOrEqual(600);
    expect(quota.requests_used).toBe(served.length);
  });

  it('a failed upstream call refunds everything', async () => {
    const user = await api.user();
    await api.post(CHAT, ask(), user.token);
    const before = (await quotaOf(user.token)).text_generation;
    await api.fault({ kind: 'error', status: 500, count: 100 });
    const failed = await api.post(CHAT, ask(), user.token);
    expect(failed.status).toBe(502);
    expect((await quotaOf(user.token)).text_generation).toEqual(before);
  });

  it('a request bigger than tokens_per_request is a 400 before any upstream call', async () => {
    const user = await api.user();
    await api.resetSim();
    const response = await api.post(CHAT, ask({ max_tokens: 5000 }), user.token);
    expect(response.status).toBe(400);
    expect(response.body.error).toMatchObject({ code: 'validation_failed', param: 'max_tokens' });
    expect(response.body.error.message).toContain('2000 tokens per request');
    expect((await api.simStats()).requests).toBe(0);
    expect((await quotaOf(user.token)).text_generation.requests_used).toBe(0);
  });

  it('max_tokens is capped so the answer fits the reservation', async () => {
    const user = await api.user();
    const response = await api.post(
      CHAT,
      { messages: [{ role: 'user', content: '#sim tokens=3000' }] },
      user.token,
    );
    expect(response.status).toBe(200);
    expect(response.body.finish_reason).toBe('length');
    expect(response.body.usage.total_tokens).toBeLessThanOrEqual(2000);
  });

  it('daily windows reset at 00:00 UTC', async () => {
    const user = await api.user();
    await api.put(
      `/api/v1/admin/quotas/users/${user.id}`,
      { features: { text_generation: { requests_per_day: 1 } } },
      admin,
    );
    expect((await api.post(CHAT, ask(), user.token)).status).toBe(200);
    expect((await api.post(CHAT, ask(), user.token)).status).toBe(429);
    const clock = api.app.get(QuotaClock);
    clock.advance(utcDay(clock.now()).secondsLeft * 1000 + 1000);
    expect((await quotaOf(user.token)).text_generation.requests_used).toBe(0);
    expect((await api.post(CHAT, ask(), user.token)).status).toBe(200);
  });

  it("requests on the user's own key skip the quota (rate limits still apply)", async () => {
    await api.put('/api/v1/admin/flags', { allow_user_keys: true }, admin);
    try {
      const user = await api.user();
      await api.put(
        `/api/v1/admin/quotas/users/${user.id}`,
        { features: { text_generation: { requests_per_day: 1 } } },
        admin,
      );
      await api.post('/api/v1/me/provider-keys', { key: `tgp_v1_own${Date.now()}Key` }, user.token);
      for (let i = 0; i < 3; i++) {
        const response = await api.post(CHAT, ask(), user.token);
        expect(response.status).toBe(200);
        expect(response.body.key_source).toBe('user');
      }
      expect((await quotaOf(user.token)).text_generation.requests_used).toBe(0);
    } finally {
      await api.put('/api/v1/admin/flags', { allow_user_keys: false }, admin);
    }
  });

  it('holds concurrent streams to the tier limit and frees the slot when a stream ends', async () => {
    await api.put('/api/v1/admin/quotas/tiers/premium', { rate_limits: { concurrent_streams: 1 } }, admin);
    try {
      const user = await api.user();
      await api.patch(`/api/v1/admin/users/${user.id}`, { tier: 'premium' }, admin);
      const before = (await api.simStats()).requests;
      const slow = api.post(
        CHAT,
        { messages: [{ role: 'user', content: '#sim tokens=10 delay=60' }], stream: true },
        user.token,
      );
      // The first stream is open at the upstream (and holds the tier's one slot) before the second asks.
      await waitFor(
        async () => ((await api.simStats()).requests > before ? true : undefined),
        5_000,
        'the stream',
      );
      const second = await api.post(CHAT, ask({ stream: true }), user.token);
      expect(second.status).toBe(429);
      expect(second.body.error.message).toContain('concurrent streams');
      expect((await slow).status).toBe(200);
      expect((await api.post(CHAT, ask({ stream: true }), user.token)).status).toBe(200);
    } finally {
      await api.put('/api/v1/admin/quotas/tiers/premium', { rate_limits: { concurrent_streams: 20 } }, admin);
    }
  });

  it('counts audio minutes from the measured duration', async () => {
    const user = await api.user();
    const speech = await api.post(
      '/api/v1/together/audio/speech',
      { text: 'Hello there, this is a test of speech.' },
      user.token,
    );
    expect(speech.status).toBe(200);
    const quota = (await quotaOf(user.token)).audio_tts;
    expect(quota.requests_used).toBe(1);
    expect(quota.minutes_used).toBeCloseTo(speech.body.duration_seconds / 60, 2);
  });

  describe('administration', () => {
    it('reads and changes a tier policy (audited), refusing bad input by name', async () => {
      const tier = await api.get('/api/v1/admin/quotas/tiers/free', admin);
      expect(tier.status).toBe(200);
      expect(tier.body.features.text_generation).toEqual({
        requests_per_day: 50,
        tokens_per_day: 10000,
        tokens_per_request: 2000,
      });
      expect(tier.body.on_redis_failure).toBe('closed');
      const changed = await api.put(
        '/api/v1/admin/quotas/tiers/free',
        { features: { image_generation: { requests_per_day: 12 } } },
        admin,
      );
      expect(changed.body.features.image_generation).toEqual({ requests_per_day: 12 });
      const user = await api.user();
      expect((await quotaOf(user.token)).image_generation.requests_limit).toBe(12);
      const audit = await api.get('/api/v1/admin/audit?action=quota.tier_update&target_id=free', admin);
      expect(audit.body.data[0].after.features.image_generation.requests_per_day).toBe(12);
      for (const [body, param] of [
        [{ features: { video: {} } }, 'features.video'],
        [
          { features: { text_generation: { requests_per_day: -1 } } },
          'features.text_generation.requests_per_day',
        ],
        [{ rate_limits: { per_hour: 5 } }, 'rate_limits.per_hour'],
        [{ on_redis_failure: 'maybe' }, 'on_redis_failure'],
      ] as const) {
        const response = await api.put('/api/v1/admin/quotas/tiers/free', body, admin);
        expect({ param, status: response.status, got: response.body.error?.param }).toEqual({
          param,
          status: 400,
          got: param,
        });
      }
      expect((await api.get('/api/v1/admin/quotas/tiers/gold', admin)).status).toBe(400);
      expect((await api.get('/api/v1/admin/quotas/tiers/free', (await api.user()).token)).status).toBe(403);
    });

    it('a tier change is partial, null means unlimited, and bad fields are named', async () => {
      const before = (await api.get('/api/v1/admin/quotas/tiers/enterprise', admin)).body;
      const changed = await api.put(
        '/api/v1/admin/quotas/tiers/enterprise',
        {
          features: { text_generation: { tokens_per_day: null, requests_per_day: 7 } },
          rate_limits: { requests_per_minute: 500 },
        },
        admin,
      );
      try {
        expect(changed.status).toBe(200);
        expect(changed.body).toEqual({
          ...before,
          features: {
            ...before.features,
            text_generation: {
              ...before.features.text_generation,
              tokens_per_day: null,
              requests_per_day: 7,
            },
          },
          rate_limits: { ...before.rate_limits, requests_per_minute: 500 },
        });
        const user = await api.user();
        await api.patch(`/api/v1/admin/users/${user.id}`, { tier: 'enterprise' }, admin);
        expect((await quotaOf(user.token)).text_generation).toMatchObject({
          requests_limit: 7,
          tokens_limit: null,
        });
      } finally {
        await api.put(
          '/api/v1/admin/quotas/tiers/enterprise',
          { features: before.features, rate_limits: before.rate_limits },
          admin,
        );
      }
      for (const [body, param] of [
        [{}, 'body'],
        [{ features: null }, 'features'],
        [{ features: { text_generation: null } }, 'features.text_generation'],
        [
          { features: { text_generation: { requests_per_day: 1.5 } } },
          'features.text_generation.requests_per_day',
        ],
        [{ rate_limits: { concurrent_streams: '2' } }, 'rate_limits.concurrent_streams'],
        [{ on_redis_failure: null }, 'on_redis_failure'],
        [{ colour: 'blue' }, 'colour'],
      ] as const) {
        const response = await api.put('/api/v1/admin/quotas/tiers/enterprise', body, admin);
        expect({ param, status: response.status, got: response.body.error?.param }).toEqual({
          param,
          status: 400,
          got: param,
        });
      }
      expect(
        (await api.put('/api/v1/admin/quotas/tiers/gold', { on_redis_failure: 'open' }, admin)).body.error,
      ).toMatchObject({ code: 'validation_failed', param: 'tier' });
    });

    it('user overrides: null means unlimited; bad fields are named', async () => {
      const user = await api.user();
      const set = await api.put(
        `/api/v1/admin/quotas/users/${user.id}`,
        { features: { image_generation: { requests_per_day: null } } },
        admin,
      );
      expect(set.body).toEqual({
        user_id: user.id,
        overrides: { image_generation: { requests_per_day: null } },
      });
      expect((await quotaOf(user.token)).image_generation.requests_limit).toBeNull();
      for (const [body, param] of [
        [{}, 'features'],
        [{ features: [] }, 'features'],
        [{ features: { video: {} } }, 'features.video'],
        [{ features: { audio_tts: { minutes_per_day: -1 } } }, 'features.audio_tts.minutes_per_day'],
        [{ features: { audio_tts: { seconds_per_day: 1 } } }, 'features.audio_tts.seconds_per_day'],
        [{ features: {}, extra: 1 }, 'extra'],
      ] as const) {
        const response = await api.put(`/api/v1/admin/quotas/users/${user.id}`, body, admin);
        expect({ param, status: response.status, got: response.body.error?.param }).toEqual({
          param,
          status: 400,
          got: param,
        });
      }
    });

    it('per-user overrides: set, read, remove', async () => {
      const user = await api.user();
      const set = await api.put(
        `/api/v1/admin/quotas/users/${user.id}`,
        { features: { code_generation: { requests_per_day: 99 } } },
        admin,
      );
      expect(set.status).toBe(200);
      const view = await api.get(`/api/v1/admin/quotas/users/${user.id}`, admin);
      expect(view.body).toMatchObject({
        user_id: user.id,
        code_generation: { requests_limit: 99 },
        overrides: { code_generation: { requests_per_day: 99 } },
      });
      expect(
        (await api.delete(`/api/v1/admin/quotas/users/${user.id}?feature=code_generation`, admin)).status,
      ).toBe(204);
      expect((await quotaOf(user.token)).code_generation.requests_limit).toBe(30);
      expect(
        (await api.get('/api/v1/admin/quotas/users/00000000-0000-0000-0000-000000000000', admin)).status,
      ).toBe(404);
    });

    it('approves a quota request sent without a body, or with an empty one (every field is optional)', async () => {
      const user = await api.user();
      const submit = (feature: string) =>
        api.post(
          '/api/v1/me/quota-requests',
          { feature, requested_limit: 50, reason: 'more please' },
          user.token,
        );
      const first = await submit('image_generation');
      const second = await submit('code_generation');
      const bare = await api.request('POST', `/api/v1/admin/quota-requests/${first.body.id}/approve`, {
        token: admin,
      });
      expect(bare.status).toBe(200);
      expect(bare.body).toMatchObject({ status: 'approved', decision_reason: null });
      const empty = await api.request('POST', `/api/v1/admin/quota-requests/${second.body.id}/approve`, {
        token: admin,
        raw: '',
        headers: { 'content-type': 'application/json' },
      });
      expect(empty.status).toBe(200);
      expect(empty.body.status).toBe('approved');
      expect((await quotaOf(user.token)).image_generation.requests_limit).toBe(50);
    });

    it('approves with a different limit than asked, in one step, and keeps both', async () => {
      const user = await api.user();
      const asked = await api.post(
        '/api/v1/me/quota-requests',
        { feature: 'vision_analysis', requested_limit: 200, reason: 'a big project' },
        user.token,
      );
      const bad = await api.post(
        `/api/v1/admin/quota-requests/${asked.body.id}/approve`,
        { granted_limit: -1 },
        admin,
      );
      expect(bad.status).toBe(400);
      expect(bad.body.error.param).toBe('granted_limit');
      const approved = await api.post(
        `/api/v1/admin/quota-requests/${asked.body.id}/approve`,
        { granted_limit: 150, reason: 'half way' },
        admin,
      );
      expect(approved.status).toBe(200);
      expect(approved.body).toMatchObject({ status: 'approved', requested_limit: 200, granted_limit: 150 });
      expect((await quotaOf(user.token)).vision_analysis.requests_limit).toBe(150);
      const mine = await api.get('/api/v1/me/quota-requests', user.token);
      expect(mine.body.data[0]).toMatchObject({ granted_limit: 150, decision_reason: 'half way' });
    });

    it('quota increase requests: submitted by a user, approved (writing the override) or denied with a reason', async () => {
      const user = await api.user();
      const bad = await api.post(
        '/api/v1/me/quota-requests',
        { feature: 'teleport', requested_limit: 5, reason: 'please' },
        user.token,
      );
      expect(bad.body.error.param).toBe('feature');
      const submitted = await api.post(
        '/api/v1/me/quota-requests',
        { feature: 'image_generation', requested_limit: 40, reason: 'a school project' },
        user.token,
      );
      expect(submitted.status).toBe(201);
      expect(submitted.body).toMatchObject({
        status: 'pending',
        feature: 'image_generation',
        limit: 'requests_per_day',
        requested_limit: 40,
      });
      const pending = await api.get('/api/v1/admin/quota-requests?status=pending', admin);
      expect(pending.body.data.map((r: { id: string }) => r.id)).toContain(submitted.body.id);
      const approved = await api.post(
        `/api/v1/admin/quota-requests/${submitted.body.id}/approve`,
        { reason: 'ok for a month' },
        admin,
      );
      expect(approved.body).toMatchObject({ status: 'approved', decision_reason: 'ok for a month' });
      expect((await quotaOf(user.token)).image_generation.requests_limit).toBe(40);
      expect(
        (
          await api.post(
            `/api/v1/admin/quota-requests/${submitted.body.id}/deny`,
            { reason: 'changed my mind' },
            admin,
          )
        ).status,
      ).toBe(409);
      const another = await api.post(
        '/api/v1/me/quota-requests',
        { feature: 'audio_tts', limit: 'minutes_per_day', requested_limit: 60, reason: 'podcast' },
        user.token,
      );
      expect(
        (await api.post(`/api/v1/admin/quota-requests/${another.body.id}/deny`, {}, admin)).body.error.param,
      ).toBe('reason');
      const denied = await api.post(
        `/api/v1/admin/quota-requests/${another.body.id}/deny`,
        { reason: 'not this month' },
        admin,
      );
      expect(denied.body.status).toBe('denied');
      const mine = await api.get('/api/v1/me/quota-requests', user.token);
      expect(mine.body.data.map((r: { status: string }) => r.status).sort()).toEqual(['approved', 'denied']);
      const audit = await api.get(`/api/v1/admin/audit?target_id=${another.body.id}`, admin);
      expect(audit.body.data[0]).toMatchObject({
        action: 'quota.request_deny',
        after: { reason: 'not this month' },
      });
    });
  });
});

describe('quotas when Redis is unreachable (e2e)', () => {
  it('free fails closed (503), premium is served with per-instance limits, and both recover when Redis returns', async () => {
    const proxy = await TcpProxy.start({ host: '127.0.0.1', port: 6379 });
    const api = await TestApi.start({ REDIS_URL: proxy.url });
    try {
      const admin = await api.adminToken();
      const free = await api.user();
      const premium = await api.user();
      await api.patch(`/api/v1/admin/users/${premium.id}`, { tier: 'premium' }, admin);
      expect((await api.post(CHAT, ask(), free.token)).status).toBe(200);

      await proxy.down();
      const refused = await api.post(CHAT, ask(), free.token);
      expect(refused.status).toBe(503);
      expect(refused.body.error.code).toBe('quota_unavailable');
      expect((await api.post(CHAT, ask(), premium.token)).status).toBe(200);

      await proxy.up();
      const status = await waitFor(
        async () => {
          const response = await api.post(CHAT, ask(), free.token);
          return response.status === 200 ? 200 : undefined;
        },
        15_000,
        'the free tier to be served again',
      );
      expect(status).toBe(200);
    } finally {
      await api.close();
      await proxy.down();
    }
  });
});

describe('quota counters when Redis loses its data (e2e)', () => {
  let api: TestApi;
  let worker: { close: () => Promise<void> };
  let admin: string;

  beforeAll(async () => {
    api = await TestApi.start();
    worker = await api.startWorker(); // writes the ledger the counters are rebuilt from
    admin = await api.adminToken();
  });
  afterAll(async () => {
    await worker.close();
    await api.close();
  });

  const quotaOf = async (token: string) => (await api.get('/api/v1/together/quota', token)).body;
  /** Every key of this test's namespace goes, as when Redis restarts without persistence. */
  const loseRedisData = () => api.infrastructure.redis.clear();
  const inLedger = (userId: string, rows: number) =>
    waitFor(
      async () => ((await api.usageRows(userId)) === rows ? true : undefined),
      15_000,
      `${rows} usage rows`,
    );

  it("rebuilds today's counters from the ledger: the same figures, and a request past the limit is refused", async () => {
    const user = await api.user();
    await api.put(
      `/api/v1/admin/quotas/users/${user.id}`,
      { features: { text_generation: { requests_per_day: 6 } } },
      admin,
    );
    for (let i = 0; i < 6; i++) expect((await api.post(CHAT, ask(), user.token)).status).toBe(200);
    const speech = await api.post('/api/v1/together/audio/speech', { text: 'Counters survive.' }, user.token);
    expect(speech.status).toBe(200);
    const image = await api.post(
      '/api/v1/together/images/generations',
      { prompt: 'a lighthouse' },
      user.token,
    );
    expect(image.status).toBe(200);
    await inLedger(user.id, 8);
    const before = await quotaOf(user.token);
    expect(before.text_generation).toMatchObject({ requests_used: 6, requests_limit: 6 });
    expect(before.text_generation.tokens_used).toBeGreaterThan(0);
    expect(before.audio_tts.minutes_used).toBeGreaterThan(0);
    expect(before.image_generation.requests_used).toBe(1);

    await loseRedisData();
    expect(await quotaOf(user.token)).toEqual(before);
    const refused = await api.post(CHAT, ask(), user.token);
    expect(refused.status).toBe(429);
    expect(refused.body.error.message).toContain('requests per day');
    expect(await quotaOf(user.token)).toEqual(before);
  });

  it('two instances racing to rebuild count the ledger once: exactly the rest of the allowance is served', async () => {
    const second = await TestApi.start({}, { shareWith: api });
    try {
      const user = await api.user();
      await api.put(
        `/api/v1/admin/quotas/users/${user.id}`,
        { features: { text_generation: { requests_per_day: 10 } } },
        admin,
      );
      for (let i = 0; i < 4; i++) expect((await api.post(CHAT, ask(), user.token)).status).toBe(200);
      await inLedger(user.id, 4);
      await loseRedisData();
      const responses = await Promise.all(
        Array.from({ length: 20 }, (_, i) =>
          (i % 2 ? second : api).post(CHAT, ask({ max_tokens: 4 }), user.token),
        ),
      );
      expect(responses.filter((r) => r.status === 200)).toHaveLength(6);
      expect(responses.filter((r) => r.status === 429)).toHaveLength(14);
      expect((await quotaOf(user.token)).text_generation.requests_used).toBe(10);
    } finally {
      await second.close();
    }
  });
});

/**
 * An api with in-process stores, as embedded mode runs, over another api's database and simulator,
 * keeping its files (the usage spool) in `dataDir` as embedded mode does across restarts.
 */
async function startInProcess(over: TestApi, dataDir: string) {
  const config: ApiConfig = { ...over.config, redis: {}, database: { ...over.config.database, dataDir } };
  const app = await createApiApp(config);
  await app.listen(0, '127.0.0.1');
  const client = new ApiTestClient(await app.getUrl());
  return Object.assign(client, {
    close: () => app.close(), // delivers the buffered usage events to the ledger
  });
}

describe('quota counters across a restart with in-process counters (embedded mode) (e2e)', () => {
  it('a free user at 50/50 is still at 50/50 after the restart, and request 51 is refused', async () => {
    const api = await TestApi.start();
    // The in-process api's own data directory, kept across its restart (the usage spool).
    const inProcess = api.infrastructure.share();
    let running = await startInProcess(api, inProcess.dataDir);
    try {
      const user = await api.user();
      const served = await Promise.all(
        Array.from({ length: 50 }, () => running.post(CHAT, ask({ max_tokens: 4 }), user.token)),
      );
      expect(served.map((r) => r.status)).toEqual(served.map(() => 200));
      const before = (await running.get('/api/v1/together/quota', user.token)).body;
      expect(before.text_generation).toMatchObject({ requests_used: 50, requests_limit: 50 });

      await running.close();
      running = await startInProcess(api, inProcess.dataDir);
      expect((await running.get('/api/v1/together/quota', user.token)).body).toEqual(before);
      const refused = await running.post(CHAT, ask(), user.token);
      expect(refused.status).toBe(429);
      expect(refused.body.error).toMatchObject({ code: 'quota_exceeded' });
      expect(refused.body.error.message).toContain('requests per day');
    } finally {
      await running.close();
      await api.close();
      await inProcess.close();
    }
  });
});
