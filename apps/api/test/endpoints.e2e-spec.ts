import { waitFor } from '@tiergate/testing';
import { TestApi } from './support/test-api';

const CHAT = '/api/v1/together/chat/completions';
const BASE = 'meta-llama/Meta-Llama-3.1-8B-Instruct-Turbo';
const FALLBACK = 'Qwen/Qwen2.5-7B-Instruct-Turbo';
const H100 = '1x_nvidia_h100_80gb_sxm';
const H100_PER_HOUR = 3.99;
let asked = 0;
/** A question not asked before (so no cached answer stands in). */
const ask = (extra: Record<string, unknown> = {}) => ({
  messages: [{ role: 'user', content: `endpoint question ${++asked}` }],
  max_tokens: 16,
  ...extra,
});
const today = () => new Date().toISOString().slice(0, 10);

describe('dedicated endpoints and uploaded models (e2e)', () => {
  let api: TestApi;
  let admin: string;
  let enterprise: { id: string; token: string };
  let worker: { close: () => Promise<void> };

  const endpointIn = (id: string, states: string[]) =>
    waitFor(
      async () => {
        const response = await api.get(`/api/v1/admin/endpoints/${id}`, admin);
        return states.includes(response.body.state) ? response.body : undefined;
      },
      15_000,
      `endpoint ${id} to reach ${states.join('/')}`,
    );
  const uploadIn = (id: string, statuses: string[]) =>
    waitFor(
      async () => {
        const response = await api.get(`/api/v1/admin/model-uploads/${id}`, admin);
        return statuses.includes(response.body.status) ? response.body : undefined;
      },
      15_000,
      `upload ${id} to reach ${statuses.join('/')}`,
    );
  const routeEnterpriseChat = (primary: string, fallbacks: string[]) =>
    api.put(
      '/api/v1/admin/model-config',
      { tiers: { enterprise: { routes: { chat: { primary, fallbacks } } } } },
      admin,
    );

  beforeAll(async () => {
    api = await TestApi.start();
    admin = await api.adminToken();
    enterprise = await api.user();
    await api.patch(`/api/v1/admin/users/${enterprise.id}`, { tier: 'enterprise' }, admin);
    worker = await api.startWorker(); // writes the ledger the statistics read
    await api.simControl.post('/_sim/endpoints/config', {
      pending_ms: 50,
      starting_ms: 150,
      stopping_ms: 100,
    });
    await api.simControl.post('/_sim/uploads/config', { queued_ms: 50, running_ms: 150 });
  });
  afterAll(async () => {
    await worker.close();
    await api.close();
  });

  it('lists hardware, with prices per hour, and for one model only what fits it, with availability', async () => {
    const all = await api.get('/api/v1/admin/hardware', admin);
    expect(all.status).toBe(200);
    expect(all.body.data).toContainEqual({
      id: H100,
      name: '1x H100 80GB',
      gpu_type: 'h100-80gb',
      gpu_count: 1,
      gpu_memory_gb: 80,
      price_per_hour_usd: H100_PER_HOUR,
      available: null,
    });
    const big = await api.get(
      `/api/v1/admin/hardware?model=${encodeURIComponent('meta-llama/Llama-3.3-70B-Instruct-Turbo')}`,
      admin,
    );
    expect(big.status).toBe(200);
    const ids = big.body.data.map((h: { id: string }) => h.id);
    expect(ids).not.toContain(H100); // 70B does not fit one 80 GB GPU
    expect(ids).toContain('8x_nvidia_h100_80gb_sxm');
    expect(big.body.data.find((h: { id: string }) => h.id === '1x_nvidia_b200_180gb_sxm').available).toBe(
      false,
    );
    const unknown = await api.get('/api/v1/admin/hardware?model=nobody/nothing', admin);
    expect(unknown.status).toBe(400);
    expect(unknown.body.error.param).toBe('model');
  });

  it('creates an endpoint, follows it to STARTED, serves a tier through it, falls back or answers 503 once stopped, bills its minutes, deletes it', async () => {
    const created = await api.post(
      '/api/v1/admin/endpoints',
      { model: BASE, hardware: H100, display_name: 'Enterprise chat', min_replicas: 1, max_replicas: 2 },
      admin,
    );
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({
      model: BASE,
      hardware: H100,
      display_name: 'Enterprise chat',
      min_replicas: 1,
      max_replicas: 2,
      auto_shutdown_minutes: null,
      price_per_hour_usd: H100_PER_HOUR,
      error: null,
    });
    expect(['PENDING', 'STARTING']).toContain(created.body.state);
    expect(created.body.upstream_id).toMatch(/^endpoint-/);
    const { id, name } = created.body as { id: string; name: string };
    expect(name).toContain(`/${BASE}-`);
    const [audit] = await api.db.query<{ actor_email: string }>(
      `SELECT actor_email FROM audit_log WHERE action = 'endpoint.create' AND target_id = $1`,
      [id],
    );
    expect(audit?.actor_email).toBe('admin@tiergate.test');

    const started = await endpointIn(id, ['STARTED', 'ERROR']);
    expect(started.state).toBe('STARTED');
    expect(
      (await api.get('/api/v1/admin/endpoints', admin)).body.data.map((e: { id: string }) => e.id),
    ).toContain(id);

    // The endpoint's name is a model like any other: an enterprise tier's chat route.
    expect((await routeEnterpriseChat(name, [])).status).toBe(200);
    const served = await api.post(CHAT, ask(), enterprise.token);
    expect(served.status).toBe(200);
    expect(served.body.model_id).toBe(name);
    expect(served.body.model_source_indicator).toMatchObject({ served_model: name, is_fallback: false });
    expect((await api.simStats()).byModel[name]).toBe(1);
    const stats = await waitFor(
      async () => {
        const response = await api.get(
          `/api/v1/admin/endpoints/${id}/stats?from=${today()}&to=${today()}`,
          admin,
        );
        return response.body.requests === 1 ? response.body : undefined;
      },
      10_000,
      'the request in the endpoint statistics',
    );
    expect(stats).toMatchObject({ endpoint_id: id, model: name, from: today(), to: today(), requests: 1 });
    expect(stats.total_tokens).toBe(served.body.usage.total_tokens);
    expect(stats.latency_ms.p50).toBeGreaterThan(0);
    expect(stats.running_minutes).toBeGreaterThanOrEqual(1);
    const byModel = await api.get(`/api/v1/admin/models/${encodeURIComponent(name)}/stats`, admin);
    expect(byModel.status).toBe(200);
    expect(byModel.body).toMatchObject({ model: name, requests: 1, total_tokens: stats.total_tokens });
    expect(byModel.body).not.toHaveProperty('running_minutes');

    // Stopped: without a fallback, a clear 503 with Retry-After; with one, the fallback answers.
    const stopping = await api.patch(`/api/v1/admin/endpoints/${id}`, { state: 'STOPPED' }, admin);
    expect(stopping.status).toBe(200);
    expect(['STOPPING', 'STOPPED']).toContain(stopping.body.state);
    await endpointIn(id, ['STOPPED']);
    const refused = await api.post(CHAT, ask(), enterprise.token);
    expect(refused.status).toBe(503);
    expect(refused.body.error.code).toBe('endpoint_not_running');
    expect(refused.headers.get('retry-after')).toBe('60');
    expect((await routeEnterpriseChat(name, [FALLBACK])).status).toBe(200);
    const rescued = await api.post(CHAT, ask(), enterprise.token);
    expect(rescued.status).toBe(200);
    expect(rescued.body.model_id).toBe(FALLBACK);
    expect(rescued.body.model_source_indicator).toMatchObject({
      is_fallback: true,
      fallback_reason: 'endpoint_not_running',
    });

    // Its running time: one closed interval, billed by the started minute at the hourly price.
    const runs = await api.db.query<{ stopped_at: Date | null; price_per_hour_usd: string }>(
      'SELECT stopped_at, price_per_hour_usd FROM dedicated_endpoint_runs WHERE endpoint_id = $1',
      [id],
    );
    expect(runs).toHaveLength(1);
    expect(runs[0].stopped_at).not.toBeNull();
    expect(Number(runs[0].price_per_hour_usd)).toBe(H100_PER_HOUR);
    const billed = await api.get(`/api/v1/admin/endpoints/${id}/stats`, admin);
    expect(billed.body.running_minutes).toBe(1);
    expect(billed.body.running_cost_usd).toBeCloseTo(H100_PER_HOUR / 60, 8);
    expect(billed.body.total_cost_usd).toBeCloseTo(billed.body.token_cost_usd + H100_PER_HOUR / 60, 8);

    // The platform's cost reports include the running time: by dates and model, not by user.
    const range = `from=${today()}&to=${today()}`;
    const report = (await api.get(`/api/v1/admin/usage?${range}&group_by=model`, admin)).body;
    const minute = expect.closeTo(H100_PER_HOUR / 60, 8);
    expect(report.dedicated_endpoints).toEqual({
      running_minutes: 1,
      cost_usd: minute,
      endpoints: [{ id, name, running_minutes: 1, cost_usd: minute }],
    });
    expect(report.total_cost_usd).toBeCloseTo(report.totals.cost_usd + H100_PER_HOUR / 60, 8);
    const ofModel = (await api.get(`/api/v1/admin/usage?${range}&model=${encodeURIComponent(name)}`, admin))
      .body;
    expect(ofModel.dedicated_endpoints.running_minutes).toBe(1);
    const ofOther = (await api.get(`/api/v1/admin/usage?${range}&model=${FALLBACK}`, admin)).body;
    expect(ofOther.dedicated_endpoints).toEqual({ running_minutes: 0, cost_usd: 0, endpoints: [] });
    const ofUser = (await api.get(`/api/v1/admin/usage?${range}&user_id=${enterprise.id}`, admin)).body;
    expect(ofUser.dedicated_endpoints).toBeNull();
    expect(ofUser.total_cost_usd).toBe(ofUser.totals.cost_usd);
    const gateway = (await api.get('/api/v1/admin/gateway/stats?time_range=24h', admin)).body;
    expect(gateway.dedicated_endpoints_cost_usd).toBeCloseTo(H100_PER_HOUR / 60, 8);
    expect(gateway.total_cost_usd).toBeCloseTo(gateway.token_cost_usd + H100_PER_HOUR / 60, 8);

    // Started again, rescaled: a second interval opens.
    const restarted = await api.patch(
      `/api/v1/admin/endpoints/${id}`,
      { state: 'STARTED', min_replicas: 2, max_replicas: 3 },
      admin,
    );
    expect(restarted.body).toMatchObject({ min_replicas: 2, max_replicas: 3 });
    await endpointIn(id, ['STARTED']);

    await routeEnterpriseChat(BASE, []);
    expect((await api.delete(`/api/v1/admin/endpoints/${id}`, admin)).status).toBe(204);
    expect((await api.get(`/api/v1/admin/endpoints/${id}`, admin)).status).toBe(404);
    expect((await api.get('/api/v1/admin/endpoints', admin)).body.data).toHaveLength(0);
    expect((await api.simControl.get('/_sim/endpoints')).body).toHaveLength(0);
    const open = await api.db.query(
      'SELECT 1 FROM dedicated_endpoint_runs WHERE endpoint_id = $1 AND stopped_at IS NULL',
      [id],
    );
    expect(open).toHaveLength(0);
    expect((await api.get(`/api/v1/admin/endpoints/${id}/stats`, admin)).body.running_minutes).toBe(2);
  });

  it('follows an upload to Complete and serves it by name; a failing one ends Failed with its reason', async () => {
    const created = await api.post(
      '/api/v1/admin/model-uploads',
      {
        model_name: 'acme/support-lora',
        model_source: 'https://huggingface.co/acme/support-lora',
        model_type: 'adapter',
        base_model: BASE,
        description: 'Support adapter',
      },
      admin,
    );
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({
      model_name: 'acme/support-lora',
      model_type: 'adapter',
      base_model: BASE,
      status: 'Queued',
      error: null,
    });
    expect(created.body.job_id).toMatch(/^job-/);
    const failing = await api.post(
      '/api/v1/admin/model-uploads',
      { model_name: 'acme/broken', model_source: 'fail://nowhere', model_type: 'model' },
      admin,
    );
    expect(failing.status).toBe(201);

    expect((await uploadIn(created.body.id, ['Complete', 'Failed'])).status).toBe('Complete');
    const failed = await uploadIn(failing.body.id, ['Complete', 'Failed']);
    expect(failed.status).toBe('Failed');
    expect(failed.error).toContain('fail://nowhere');
    const list = await api.get('/api/v1/admin/model-uploads', admin);
    expect(list.body.data.map((u: { id: string }) => u.id)).toEqual([failing.body.id, created.body.id]);

    // The uploaded model can be allowed for a tier and named by its callers.
    const allowed = await api.put(
      '/api/v1/admin/model-config',
      { tiers: { enterprise: { allowed_models: ['acme/support-lora'] } } },
      admin,
    );
    expect(allowed.status).toBe(200);
    const refusedUnknown = await api.put(
      '/api/v1/admin/model-config',
      { tiers: { enterprise: { allowed_models: ['acme/broken'] } } },
      admin,
    );
    expect(refusedUnknown.status).toBe(400);
    expect(refusedUnknown.body.error.code).toBe('model_not_in_catalog');
    const served = await api.post(CHAT, ask({ model: 'acme/support-lora' }), enterprise.token);
    expect(served.status).toBe(200);
    expect(served.body.model_id).toBe('acme/support-lora');
  });

  it.each([
    [
      'min_replicas below 1',
      { model: BASE, hardware: H100, min_replicas: 0, max_replicas: 1 },
      'min_replicas',
    ],
    [
      'max_replicas below min_replicas',
      { model: BASE, hardware: H100, min_replicas: 3, max_replicas: 2 },
      'max_replicas',
    ],
    ['no hardware', { model: BASE, min_replicas: 1, max_replicas: 1 }, 'hardware'],
    [
      'hardware not offered',
      { model: BASE, hardware: 'abacus', min_replicas: 1, max_replicas: 1 },
      'hardware',
    ],
    ['an unknown field', { model: BASE, hardware: H100, min_replicas: 1, max_replicas: 1, gpus: 2 }, 'gpus'],
  ])('refuses an endpoint with %s (400 naming the field)', async (_name, body, param) => {
    const response = await api.post('/api/v1/admin/endpoints', body, admin);
    expect(response.status).toBe(400);
    expect(response.body.error.param).toBe(param);
  });

  it('refuses bad changes and uploads, unknown ids, hardware without capacity, and non-admins', async () => {
    const sold = await api.post(
      '/api/v1/admin/endpoints',
      { model: BASE, hardware: '1x_nvidia_b200_180gb_sxm', min_replicas: 1, max_replicas: 1 },
      admin,
    );
    expect(sold.status).toBe(409);
    expect(sold.body.error.param).toBe('hardware');
    const missing = '00000000-0000-4000-8000-000000000000';
    expect((await api.patch(`/api/v1/admin/endpoints/${missing}`, { state: 'STOPPED' }, admin)).status).toBe(
      404,
    );
    expect((await api.get('/api/v1/admin/endpoints/not-a-uuid', admin)).status).toBe(404);
    expect((await api.get(`/api/v1/admin/model-uploads/${missing}`, admin)).status).toBe(404);
    const badState = await api.patch(`/api/v1/admin/endpoints/${missing}`, { state: 'PAUSED' }, admin);
    expect(badState.status).toBe(400);
    expect(badState.body.error.param).toBe('state');
    for (const [body, param] of [
      [{ model_name: 'a/b', model_source: 's', model_type: 'lora' }, 'model_type'],
      [{ model_name: 'a/b', model_source: 's', model_type: 'adapter' }, 'base_model'],
      [{ model_source: 's', model_type: 'model' }, 'model_name'],
    ] as const) {
      const response = await api.post('/api/v1/admin/model-uploads', body, admin);
      expect(response.status).toBe(400);
      expect(response.body.error.param).toBe(param);
    }
    const badRange = await api.get('/api/v1/admin/models/x/stats?from=2026-02-01&to=2026-01-01', admin);
    expect(badRange.status).toBe(400);
    expect(badRange.body.error.param).toBe('from');
    for (const [method, path] of [
      ['GET', '/api/v1/admin/endpoints'],
      ['GET', '/api/v1/admin/hardware'],
      ['POST', '/api/v1/admin/model-uploads'],
      ['GET', `/api/v1/admin/models/${encodeURIComponent(BASE)}/stats`],
    ])
      expect(
        (
          await api.request(method, path, {
            token: enterprise.token,
            body: method === 'POST' ? {} : undefined,
          })
        ).status,
      ).toBe(403);
  });
});
