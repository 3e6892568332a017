import { waitFor } from '@tiergate/testing';
import { TestApi } from './support/test-api';

const CHAT = '/api/v1/together/chat/completions';
const ask = { messages: [{ role: 'user', content: 'hello there' }], max_tokens: 8 };

describe('admin API: flags, users, audit (e2e)', () => {
  let api: TestApi;
  let admin: string;
  let adminId: string;

  beforeAll(async () => {
    api = await TestApi.start();
    admin = await api.adminToken();
    adminId = (await api.get('/api/v1/me', admin)).body.id;
  });
  afterAll(() => api.close());

  describe('only admins reach /api/v1/admin/*', () => {
    // Three values per row, always: with fewer, Jest would pass its `done` callback as the body.
    const routes: Array<[string, string, unknown]> = [
      ['GET', '/api/v1/admin/provider-keys', undefined],
      ['POST', '/api/v1/admin/provider-keys', { provider: 'together_ai', label: 'x', key: 'abcdefgh1234' }],
      [
        'POST',
        '/api/v1/admin/provider-keys/00000000-0000-0000-0000-000000000000/rotate',
        { key: 'abcdefgh1234' },
      ],
      ['DELETE', '/api/v1/admin/provider-keys/00000000-0000-0000-0000-000000000000', undefined],
      ['GET', '/api/v1/admin/flags', undefined],
      ['PUT', '/api/v1/admin/flags', { together_ai_fallback: false }],
      ['GET', '/api/v1/admin/users', undefined],
      ['POST', '/api/v1/admin/users', { email: 'someone@example.com', password: 'long enough password' }],
      ['PATCH', '/api/v1/admin/users/00000000-0000-0000-0000-000000000000', { tier: 'premium' }],
      ['GET', '/api/v1/admin/audit', undefined],
    ];

    it.each(routes)('%s %s: 401 without a token, 403 for a user', async (method, path, body) => {
      const user = await api.user();
      const anonymous = await api.request(method, path, { body });
      expect(anonymous.status).toBe(401);
      expect(anonymous.body.error.code).toBe('unauthenticated');
      const forbidden = await api.request(method, path, { body, token: user.token });
      expect(forbidden.status).toBe(403);
      expect(forbidden.body.error).toMatchObject({ code: 'forbidden', type: 'permission_error' });
    });

    it('a personal API key of a user does not open them either, an admin key does', async () => {
      const user = await api.user();
      const userKey = (await api.post('/api/v1/me/api-keys', { name: 'k' }, user.token)).body.key;
      expect((await api.get('/api/v1/admin/flags', userKey)).status).toBe(403);
      const adminKey = (await api.post('/api/v1/me/api-keys', { name: 'k' }, admin)).body.key;
      expect((await api.get('/api/v1/admin/flags', adminKey)).status).toBe(200);
    });
  });

  describe('feature flags', () => {
    afterEach(async () => {
      await api.put(
        '/api/v1/admin/flags',
        {
          together_ai_integration: true,
          together_ai_free_tier: true,
          together_ai_fallback: true,
          together_ai_ui_indicators: true,
          allow_user_keys: false,
        },
        admin,
      );
    });

    it('lists the five flags with their migration defaults', async () => {
      const response = await api.get('/api/v1/admin/flags', admin);
      expect(response.status).toBe(200);
      expect(response.body.flags).toEqual({
        allow_user_keys: false,
        together_ai_fallback: true,
        together_ai_free_tier: true,
        together_ai_integration: true,
        together_ai_ui_indicators: true,
      });
      expect(response.body.data).toHaveLength(5);
      expect(response.body.data[0]).toEqual({
        name: expect.any(String),
        enabled: expect.any(Boolean),
        description: expect.any(String),
        updated_at: expect.any(String),
        updated_by: null,
      });
    });

    it('together_ai_integration off: every Together route answers 503, other routes keep working', async () => {
      const user = await api.user();
      const put = await api.put('/api/v1/admin/flags', { together_ai_integration: false }, admin);
      expect(put.status).toBe(200);
      expect(put.body.flags.together_ai_integration).toBe(false);
      for (const [method, path, body] of [
        ['POST', CHAT, ask],
        ['POST', '/api/v1/together/text/completions', { prompt: 'hi' }],
        ['GET', '/api/v1/together/models'],
        ['POST', '/v1/chat/completions', { model: 'm', ...ask }],
        ['GET', '/v1/models'],
      ] as const) {
        const response = await api.request(method, path, { body, token: user.token });
        expect({ path, status: response.status }).toEqual({ path, status: 503 });
        expect(response.body.error.code).toBe('integration_disabled');
        expect(response.body.error.message).toMatch(/turned off/);
      }
      expect((await api.get('/api/v1/me', user.token)).status).toBe(200);
      await api.put('/api/v1/admin/flags/together_ai_integration', { enabled: true }, admin);
      expect((await api.post(CHAT, ask, user.token)).status).toBe(200);
    });

    it('together_ai_free_tier off: free users get 403 "free tier disabled", premium users are served', async () => {
      const free = await api.user();
      const premium = await api.user();
      await api.patch(`/api/v1/admin/users/${premium.id}`, { tier: 'premium' }, admin);
      await api.put('/api/v1/admin/flags', { flags: { together_ai_free_tier: false } }, admin);
      const refused = await api.post(CHAT, ask, free.token);
      expect(refused.status).toBe(403);
      expect(refused.body.error).toMatchObject({ code: 'free_tier_disabled', type: 'permission_error' });
      expect(refused.body.error.message).toMatch(/free tier is disabled/i);
      expect((await api.post(CHAT, ask, premium.token)).status).toBe(200);
      const models = await api.get('/api/v1/together/models', premium.token);
      expect(models.body).toMatchObject({ user_tier: 'premium', free_tier_enabled: false });
    });

    it('together_ai_ui_indicators off: answers carry no indicator fields', async () => {
      const user = await api.user();
      expect((await api.post(CHAT, ask, user.token)).body.model_source_indicator).toBeDefined();
      await api.put('/api/v1/admin/flags', { together_ai_ui_indicators: false }, admin);
      const response = await api.post(CHAT, ask, user.token);
      expect(response.status).toBe(200);
      expect(response.body).not.toHaveProperty('model_source_indicator');
    });

    it.each([
      [{ no_such_flag: true }, 'no_such_flag'],
      [{ together_ai_fallback: 'yes' }, 'together_ai_fallback'],
      [{ flags: { together_ai_fallback: 1 } }, 'flags.together_ai_fallback'],
      [{}, null],
    ])('refuses %j naming the field', async (body, param) => {
      const response = await api.put('/api/v1/admin/flags', body, admin);
      expect(response.status).toBe(400);
      expect(response.body.error).toMatchObject({ code: 'validation_failed', param });
    });

    it('records each change in the audit log with before and after', async () => {
      await api.put(
        '/api/v1/admin/flags',
        { together_ai_fallback: false, together_ai_free_tier: true },
        admin,
      );
      const audit = await api.get('/api/v1/admin/audit?action=flags.update&page_size=1', admin);
      expect(audit.status).toBe(200);
      expect(audit.body.data[0]).toMatchObject({
        actor_id: adminId,
        action: 'flags.update',
        target_type: 'feature_flag',
        target_id: 'together_ai_fallback',
        before: { together_ai_fallback: true },
        after: { together_ai_fallback: false },
        request_id: expect.any(String),
      });
    });

    it('a change reaches another api instance on the same Redis within a second', async () => {
      const second = await TestApi.start({}, { shareWith: api });
      try {
        const user = await second.user();
        expect((await second.post(CHAT, ask, user.token)).status).toBe(200);
        await api.put('/api/v1/admin/flags', { together_ai_integration: false }, admin);
        // Pushed over Redis pub/sub (milliseconds); without it, the 30 s refresh would miss this.
        const status = await waitFor(
          async () => ((await second.post(CHAT, ask, user.token)).status === 503 ? 503 : undefined),
          3_000,
          'the flag change on the second instance',
        );
        expect(status).toBe(503);
      } finally {
        await second.close();
      }
    });

    it('FEATURE_FLAGS applies values at start-up, and says so in the audit log', async () => {
      const configured = await TestApi.start({
        FEATURE_FLAGS: 'together_ai_free_tier=false, allow_user_keys=on',
      });
      try {
        const token = await configured.adminToken();
        const flags = await configured.get('/api/v1/admin/flags', token);
        expect(flags.body.flags).toMatchObject({ together_ai_free_tier: false, allow_user_keys: true });
        const audit = await configured.get('/api/v1/admin/audit?action=flags.config_override', token);
        expect(audit.body.data[0]).toMatchObject({ actor_id: null, actor_email: 'system' });
      } finally {
        await configured.close();
      }
    });
  });

  describe('users', () => {
    it('searches by part of the email, filters and pages', async () => {
      const tag = Math.random().toString(36).slice(2, 8);
      for (const n of [1, 2, 3]) await api.user(`find-${tag}-${n}@example.com`);
      const page1 = await api.get(`/api/v1/admin/users?search=${tag}&page_size=2`, admin);
      expect(page1.status).toBe(200);
      expect(page1.body).toMatchObject({ page: 1, page_size: 2, total: 3 });
      expect(page1.body.data).toHaveLength(2);
      const page2 = await api.get(`/api/v1/admin/users?search=${tag}&page_size=2&page=2`, admin);
      expect(page2.body.data).toHaveLength(1);
      const emails = [...page1.body.data, ...page2.body.data].map((u: { email: string }) => u.email).sort();
      expect(emails).toEqual([1, 2, 3].map((n) => `find-${tag}-${n}@example.com`));
      expect(page1.body.data[0]).toEqual({
        id: expect.any(String),
        email: expect.any(String),
        role: 'user',
        tier: 'free',
        active: true,
        created_at: expect.any(String),
        updated_at: expect.any(String),
      });
      expect(page1.body.data[0]).not.toHaveProperty('password_hash');
      const admins = await api.get('/api/v1/admin/users?role=admin', admin);
      expect(admins.body.data.map((u: { id: string }) => u.id)).toContain(adminId);
      const wildcard = await api.get('/api/v1/admin/users?search=%25', admin);
      expect(wildcard.body.total).toBe(0);
    });

    it.each([
      ['page_size=1000', 'page_size'],
      ['page=0', 'page'],
      ['tier=gold', 'tier'],
      ['active=maybe', 'active'],
      ['sort=email', 'sort'],
    ])('refuses ?%s naming the field', async (query, param) => {
      const response = await api.get(`/api/v1/admin/users?${query}`, admin);
      expect(response.status).toBe(400);
      expect(response.body.error).toMatchObject({ code: 'validation_failed', param });
    });

    it('says a page that is not a number is not a number (not that it is out of range)', async () => {
      const response = await api.get('/api/v1/admin/users?page_size=abc', admin);
      expect(response.status).toBe(400);
      expect(response.body.error).toMatchObject({
        param: 'page_size',
        message: 'page_size must be a number',
      });
    });

    it('changes tier and role, audited with before and after', async () => {
      const user = await api.user();
      const response = await api.patch(`/api/v1/admin/users/${user.id}`, { tier: 'enterprise' }, admin);
      expect(response.status).toBe(200);
      expect(response.body).toMatchObject({ id: user.id, tier: 'enterprise', role: 'user', active: true });
      expect((await api.get('/api/v1/me', user.token)).body.tier).toBe('enterprise');
      const audit = await api.get(`/api/v1/admin/audit?target_type=user&target_id=${user.id}`, admin);
      expect(audit.body.data).toHaveLength(1);
      expect(audit.body.data[0]).toMatchObject({
        action: 'user.update',
        actor_email: 'admin@tiergate.test',
        before: { tier: 'free', role: 'user', active: true },
        after: { tier: 'enterprise', role: 'user', active: true },
      });
      const promoted = await api.patch(`/api/v1/admin/users/${user.id}`, { role: 'admin' }, admin);
      expect(promoted.body.role).toBe('admin');
      expect((await api.get('/api/v1/admin/flags', user.token)).status).toBe(200);
    });

    it("a deactivated user's tokens and API keys stop working at once, and work again when reactivated", async () => {
      const user = await api.user();
      const key = (await api.post('/api/v1/me/api-keys', { name: 'k' }, user.token)).body.key;
      await api.patch(`/api/v1/admin/users/${user.id}`, { active: false }, admin);
      for (const credential of [user.token, key]) {
        expect((await api.get('/api/v1/me', credential)).status).toBe(401);
        expect((await api.post(CHAT, ask, credential)).status).toBe(401);
      }
      expect(
        (await api.post('/api/v1/auth/login', { email: user.email, password: user.password })).status,
      ).toBe(401);
      await api.patch(`/api/v1/admin/users/${user.id}`, { active: true }, admin);
      expect((await api.get('/api/v1/me', key)).status).toBe(200);
    });

    it('refuses bad changes clearly', async () => {
      const user = await api.user();
      const badTier = await api.patch(`/api/v1/admin/users/${user.id}`, { tier: 'gold' }, admin);
      expect(badTier.status).toBe(400);
      expect(badTier.body.error.param).toBe('tier');
      const extra = await api.patch(`/api/v1/admin/users/${user.id}`, { email: 'x@example.com' }, admin);
      expect(extra.body.error.param).toBe('email');
      expect((await api.patch(`/api/v1/admin/users/${user.id}`, {}, admin)).status).toBe(400);
      const missing = await api.patch(
        '/api/v1/admin/users/00000000-0000-0000-0000-000000000000',
        { tier: 'premium' },
        admin,
      );
      expect(missing.status).toBe(404);
      expect((await api.patch('/api/v1/admin/users/not-a-uuid', { tier: 'premium' }, admin)).status).toBe(
        404,
      );
      const self = await api.patch(`/api/v1/admin/users/${adminId}`, { active: false }, admin);
      expect(self.status).toBe(409);
      expect(self.body.error).toMatchObject({ code: 'conflict', param: 'active' });
    });
  });

  describe('creating users', () => {
    const password = 'a long enough password';
    const newEmail = () => `made-${Math.random().toString(36).slice(2)}@example.com`;

    it('creates an account that signs in at once, shown like the list items, audited without the password', async () => {
      const email = newEmail();
      const created = await api.post(
        '/api/v1/admin/users',
        { email: email.toUpperCase(), password, tier: 'premium' },
        admin,
      );
      expect(created.status).toBe(201);
      expect(created.body).toEqual({
        id: expect.any(String),
        email,
        role: 'user',
        tier: 'premium',
        active: true,
        created_at: expect.any(String),
        updated_at: expect.any(String),
      });
      const listed = await api.get(`/api/v1/admin/users?search=${created.body.id}`, admin);
      expect(listed.body.data).toEqual([created.body]);

      const login = await api.post('/api/v1/auth/login', { email, password });
      expect(login.status).toBe(200);
      const me = await api.get('/api/v1/me', login.body.access_token);
      expect(me.body).toEqual({ id: created.body.id, email, role: 'user', tier: 'premium' });

      const audit = await api.get(
        `/api/v1/admin/audit?action=user.create&target_id=${created.body.id}`,
        admin,
      );
      expect(audit.body.data).toHaveLength(1);
      expect(audit.body.data[0]).toMatchObject({
        actor_id: adminId,
        actor_email: 'admin@tiergate.test',
        target_type: 'user',
        target_id: created.body.id,
        before: null,
        after: { email, role: 'user', tier: 'premium', active: true },
        request_id: expect.any(String),
      });
      const entry = JSON.stringify(audit.body.data[0]);
      expect(entry).not.toContain(password);
      expect(entry).not.toMatch(/password|argon2/i);
    });

    it('creates free users by default, and admins when asked', async () => {
      const plain = await api.post('/api/v1/admin/users', { email: newEmail(), password }, admin);
      expect(plain.body).toMatchObject({ role: 'user', tier: 'free', active: true });
      const email = newEmail();
      const promoted = await api.post(
        '/api/v1/admin/users',
        { email, password, role: 'admin', tier: 'enterprise' },
        admin,
      );
      expect(promoted.body).toMatchObject({ role: 'admin', tier: 'enterprise' });
      const token = (await api.post('/api/v1/auth/login', { email, password })).body.access_token;
      expect((await api.get('/api/v1/admin/flags', token)).status).toBe(200);
    });

    it('answers 409 email_taken naming email when the address is in use, in any case', async () => {
      const existing = await api.user();
      const taken = await api.post(
        '/api/v1/admin/users',
        { email: existing.email.toUpperCase(), password },
        admin,
      );
      expect(taken.status).toBe(409);
      expect(taken.body.error).toMatchObject({ code: 'email_taken', type: 'conflict_error', param: 'email' });
      const audit = await api.get(`/api/v1/admin/audit?action=user.create&target_id=${existing.id}`, admin);
      expect(audit.body.total).toBe(0);
    });

    it.each<[{ email?: string; password?: string; [field: string]: unknown }, string]>([
      [{ email: 'not-an-email', password }, 'email'],
      [{ password }, 'email'],
      [{ email: 'short@example.com', password: 'short' }, 'password'],
      [{ email: 'long@example.com', password: 'x'.repeat(129) }, 'password'],
      [{ email: 'tier@example.com', password, tier: 'gold' }, 'tier'],
      [{ email: 'role@example.com', password, role: 'owner' }, 'role'],
      [{ email: 'extra@example.com', password, active: false }, 'active'],
    ])('refuses %j naming the field', async (body, param) => {
      const response = await api.post('/api/v1/admin/users', body, admin);
      expect(response.status).toBe(400);
      expect(response.body.error).toMatchObject({ code: 'validation_failed', param });
      const search = encodeURIComponent(body.email ?? 'no-email-given');
      expect((await api.get(`/api/v1/admin/users?search=${search}`, admin)).body.total).toBe(0);
    });
  });

  describe('model configuration', () => {
    const CONFIG = '/api/v1/admin/model-config';

    it('changes a route field by field: setting only the primary keeps fallbacks and purposes', async () => {
      const before = (await api.get(CONFIG, admin)).body;
      const chat = before.tiers.premium.routes.chat;
      expect(chat.fallbacks.length).toBeGreaterThan(0);
      const other = before.tiers.free.routes.chat.primary;
      const changed = await api.put(
        CONFIG,
        { tiers: { premium: { routes: { chat: { primary: other } } } } },
        admin,
      );
      expect(changed.status).toBe(200);
      expect(changed.body.tiers.premium.routes.chat).toEqual({ ...chat, primary: other });
      const cleared = await api.put(
        CONFIG,
        { tiers: { premium: { routes: { chat: { fallbacks: [] } } } } },
        admin,
      );
      expect(cleared.body.tiers.premium.routes.chat).toEqual({ ...chat, primary: other, fallbacks: [] });
      const restored = await api.put(CONFIG, { tiers: { premium: { routes: { chat } } } }, admin);
      expect(restored.body.tiers.premium.routes.chat).toEqual(chat);
    });

    it('refuses a model the catalog does not list, naming the field, unless forced', async () => {
      const before = (await api.get(CONFIG, admin)).body;
      const change = {
        tiers: { free: { routes: { text: { fallbacks: ['nobody/imaginary-model'] } } } },
      };
      const refused = await api.put(CONFIG, change, admin);
      expect(refused.status).toBe(400);
      expect(refused.body.error).toEqual({
        message:
          'tiers.free.routes.text.fallbacks[0]: model nobody/imaginary-model is not in the provider\'s catalog; send "force": true to save it anyway',
        type: 'invalid_request_error',
        code: 'model_not_in_catalog',
        param: 'tiers.free.routes.text.fallbacks[0]',
      });
      expect((await api.get(CONFIG, admin)).body.tiers).toEqual(before.tiers);
      const forced = await api.put(CONFIG, { ...change, force: true }, admin);
      expect(forced.status).toBe(200);
      expect(forced.body.tiers.free.routes.text.fallbacks).toEqual(['nobody/imaginary-model']);
      expect(forced.body.warnings).toEqual([expect.stringContaining('nobody/imaginary-model (free.text)')]);
      const undo = await api.put(
        CONFIG,
        { tiers: { free: { routes: { text: { fallbacks: before.tiers.free.routes.text.fallbacks } } } } },
        admin,
      );
      expect(undo.body.warnings).toEqual([]);
    });
  });

  describe('audit log', () => {
    it('filters by actor, action, target and time, newest first', async () => {
      const user = await api.user();
      await api.patch(`/api/v1/admin/users/${user.id}`, { tier: 'premium' }, admin);
      await api.patch(`/api/v1/admin/users/${user.id}`, { tier: 'free' }, admin);
      const byTarget = await api.get(`/api/v1/admin/audit?target_id=${user.id}`, admin);
      expect(byTarget.body.data.map((e: { after: { tier: string } }) => e.after.tier)).toEqual([
        'free',
        'premium',
      ]);
      const byActor = await api.get(`/api/v1/admin/audit?actor_id=${adminId}&action=user.update`, admin);
      expect(byActor.body.total).toBeGreaterThanOrEqual(2);
      const future = new Date(Date.now() + 3_600_000).toISOString();
      expect((await api.get(`/api/v1/admin/audit?since=${future}`, admin)).body.total).toBe(0);
      const past = await api.get(`/api/v1/admin/audit?until=2000-01-01T00:00:00Z`, admin);
      expect(past.body.data).toEqual([]);
    });

    it.each([
      ['since=yesterday', 'since'],
      ['actor_id=42', 'actor_id'],
    ])('refuses ?%s naming the field', async (query, param) => {
      const response = await api.get(`/api/v1/admin/audit?${query}`, admin);
      expect(response.status).toBe(400);
      expect(response.body.error.param).toBe(param);
    });
  });
});
