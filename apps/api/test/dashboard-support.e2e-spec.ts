import { ADMIN, TestApi } from './support/test-api';

/** What the dashboard needs beside the gateway: the whole catalog, credits in force, flags a user may know. */
describe('endpoints the dashboard relies on (e2e)', () => {
  let api: TestApi;
  let admin: string;
  let user: Awaited<ReturnType<TestApi['user']>>;

  beforeAll(async () => {
    api = await TestApi.start();
    admin = (await api.post('/api/v1/auth/login', ADMIN)).body.access_token;
    user = await api.user();
  });
  afterAll(() => api.close());

  it('lists the whole catalog to admins, whatever their tier, and refuses users', async () => {
    const all = await api.get('/api/v1/admin/models', admin);
    expect(all.status).toBe(200);
    const freeView = await api.get('/api/v1/together/models', user.token);
    const allIds = all.body.models.map((m: { id: string }) => m.id);
    expect(allIds.length).toBeGreaterThan(freeView.body.models.length);
    for (const model of freeView.body.models) expect(allIds).toContain(model.id);
    expect(all.body.models[0]).toEqual({
      id: expect.any(String),
      name: expect.any(String),
      modality: expect.any(String),
      modalities: expect.any(Array),
      organization: expect.anything(),
      context_length: expect.anything(),
      pricing: { input_per_million: expect.any(Number), output_per_million: expect.any(Number) },
    });
    const images = await api.get('/api/v1/admin/models?modality=image', admin);
    expect(images.body.models.every((m: { modalities: string[] }) => m.modalities.includes('image'))).toBe(
      true,
    );
    expect((await api.get('/api/v1/admin/models?modality=smell', admin)).body.error.param).toBe('modality');
    expect((await api.get('/api/v1/admin/models', user.token)).status).toBe(403);
  });

  it('gives the monthly credits in force, defaults included', async () => {
    const before = await api.get('/api/v1/admin/prices', admin);
    expect(before.body.effective_tier_credits_usd).toEqual({ free: 1, premium: 25, enterprise: 500 });
    const changed = await api.request('PUT', '/api/v1/admin/prices', {
      body: { tier_credits_usd: { premium: 40 } },
      token: admin,
    });
    expect(changed.status).toBe(200);
    expect(changed.body.effective_tier_credits_usd).toEqual({ free: 1, premium: 40, enterprise: 500 });
  });

  it('tells users whether they may bring their own key', async () => {
    expect((await api.get('/api/v1/me/provider-keys', user.token)).body).toEqual({
      data: [],
      user_keys_allowed: false,
    });
    const on = await api.request('PUT', '/api/v1/admin/flags', {
      body: { allow_user_keys: true },
      token: admin,
    });
    expect(on.status).toBe(200);
    expect((await api.get('/api/v1/me/provider-keys', user.token)).body.user_keys_allowed).toBe(true);
  });

  it.each([
    ['from=2026-05-02&to=2026-05-01', /from must not be after to/],
    ['from=2024-01-01&to=2026-01-01', /at most 366 days/],
  ])('refuses a bad usage range (%s)', async (query, message) => {
    const response = await api.get(`/api/v1/me/usage?${query}`, user.token);
    expect(response.status).toBe(400);
    expect(response.body.error).toMatchObject({ code: 'validation_failed', param: 'from' });
    expect(response.body.error.message).toMatch(message);
  });
});
