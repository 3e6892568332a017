import type { Page } from 'playwright-core';
import {
  checkA11y,
  type BrowserGlobals,
  expectRequestBudget,
  PHONE,
  screenshot,
  startDashboard,
  TestApi,
  type Dashboard,
} from './fixtures';
import { AdminAuditPage } from './pages/admin-audit.page';
import { AdminFlagsPage } from './pages/admin-flags.page';
import { AdminKeysPage } from './pages/admin-keys.page';
import { AdminOverviewPage } from './pages/admin-overview.page';
import { AdminUserDetailPage } from './pages/admin-user-detail.page';
import { AdminUsersPage } from './pages/admin-users.page';
import { LayoutPage } from './pages/layout.page';

type User = Awaited<ReturnType<TestApi['user']>>;

const chat = (api: TestApi, token: string) =>
  api.post(
    '/api/v1/together/chat/completions',
    { messages: [{ role: 'user', content: 'Hello' }], max_tokens: 16 },
    token,
  );

/** A key the simulator accepts (any key it was not told to revoke), unique per call. */
const newKey = (suffix: string) => `sk-e2e-${Math.random().toString(36).slice(2, 10)}-${suffix}`;

/**
 * The admin's Overview, API Keys, Feature Flags, Users (with Custom Quotas and password reset) and
 * Audit Log screens in a browser against the real api (PostgreSQL, Redis, the simulator): what the
 * page shows and what the api then holds.
 */
describe('dashboard: admin overview, keys, flags, users and the audit log', () => {
  let dash: Dashboard;
  let admin: string;
  let worker: { close: () => Promise<void> } | undefined;
  let page: Page;

  beforeAll(async () => {
    dash = await startDashboard();
    admin = await dash.api.adminToken();
    worker = await dash.api.startWorker();
    page = await dash.signedInPage(dash.admin, '/admin');
  });
  afterAll(async () => {
    await worker?.close();
    await dash?.close();
  });

  /** Polls the overview until the ledger holds at least `requests` requests in the last 24 h (hard timeout). */
  const overviewWith = async (requests: number) => {
    const deadline = Date.now() + 15_000;
    for (;;) {
      const body = (await dash.api.get('/api/v1/admin/overview', admin)).body;
      if (body.last_24h.requests >= requests) return body;
      if (Date.now() > deadline)
        throw new Error(`the overview still shows ${body.last_24h.requests} requests`);
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  };

  describe('Overview', () => {
    it('shows health, the last 24 hours and today from one request, refreshed every 30 s', async () => {
      const user = await dash.api.user();
      expect((await chat(dash.api, user.token)).status).toBe(200);

      await overviewWith(1);
      const overview = new AdminOverviewPage(page);
      const made = await expectRequestBudget(page, () => overview.goto());
      expect(made.filter((request) => request.startsWith('GET /api/v1/admin/overview'))).toHaveLength(1);
      expect((await overview.health('Database')).toLowerCase()).toBe('up');
      expect((await overview.health('Redis')).toLowerCase()).toBe('up');
      expect((await overview.health('Upstream')).toLowerCase()).toBe('up');

      const body = await overviewWith(1);
      expect(await overview.stat('Requests')).toBe(body.last_24h.requests.toLocaleString('en-US'));
      expect(await overview.stat('Requests today')).toBe(body.today.requests.toLocaleString('en-US'));
      await overview.summary().waitFor();
      expect(await page.getByText('All closed').isVisible()).toBe(true);

      await checkA11y(page, 'admin-overview');
      await screenshot(page, 'admin-overview');
    });
  });

  describe('API Keys', () => {
    let keys: AdminKeysPage;
    const first = newKey('a1b2');

    beforeAll(async () => {
      keys = new AdminKeysPage(page);
      await expectRequestBudget(page, () => keys.goto());
    });

    it('adds a system key, verified by the provider, and never shows more than its last four characters', async () => {
      expect(await keys.addKey('e2e primary', first)).toBe(201);
      await keys.addKeyDialog.waitFor({ state: 'hidden' });
      const row = keys.keyRow('…a1b2');
      await row.waitFor();
      expect((await row.locator('td').allInnerTexts()).map((text) => text.trim().toLowerCase())).toEqual(
        expect.arrayContaining(['e2e primary', 'together_ai', '…a1b2', 'active', 'never']),
      );
      expect(await page.content()).not.toContain(first.slice(0, -4));

      const listed = (await dash.api.get('/api/v1/admin/provider-keys', admin)).body.data;
      expect(listed).toEqual(
        expect.arrayContaining([
          expect.objectContaining({ label: 'e2e primary', key_hint: '…a1b2', status: 'active' }),
        ]),
      );
    });

    it('shows a key the provider rejects as an error on the key field, and saves nothing', async () => {
      const rejected = newKey('dead');
      await dash.api.revokeUpstreamKey(rejected);
      expect(await keys.addKey('e2e rejected', rejected)).toBe(400);
      const message = await keys.fieldError(keys.addKeyDialog, 'API key');
      expect(message).toMatch(/rejected this key/);
      await keys.addKeyDialog.getByRole('button', { name: 'Cancel' }).click();
      const listed = (await dash.api.get('/api/v1/admin/provider-keys', admin)).body.data;
      expect(listed.map((key: { label: string }) => key.label)).not.toContain('e2e rejected');
    });

    it('rotates a key with a grace period: the new key serves, the old one retires at retire_at', async () => {
      const before = Date.now();
      expect(await keys.rotate('e2e primary', newKey('c3d4'), 600)).toBe(200);
      await keys.rotateDialog.waitFor({ state: 'hidden' });
      await keys.keyRow('…c3d4').waitFor();
      await keys.keyRow('…a1b2').getByText('retiring', { exact: true }).waitFor();

      const listed: Array<{ key_hint: string; status: string; retire_at: string | null }> = (
        await dash.api.get('/api/v1/admin/provider-keys', admin)
      ).body.data;
      expect(listed.find((key) => key.key_hint === '…c3d4')?.status).toBe('active');
      const old = listed.find((key) => key.key_hint === '…a1b2');
      expect(old?.status).toBe('retiring');
      const retireAt = new Date(old!.retire_at!).getTime();
      expect(retireAt).toBeGreaterThanOrEqual(before + 590_000);
      expect(retireAt).toBeLessThanOrEqual(Date.now() + 610_000);
      // The platform still serves requests (on the new key).
      const user = await dash.api.user();
      expect((await chat(dash.api, user.token)).status).toBe(200);
    });

    it('revokes a key after a confirmation', async () => {
      expect(await keys.revoke(keys.keyRow('…a1b2'))).toBe(204);
      await keys.keyRow('…a1b2').getByText('revoked', { exact: true }).waitFor();
      const listed: Array<{ key_hint: string; status: string }> = (
        await dash.api.get('/api/v1/admin/provider-keys', admin)
      ).body.data;
      expect(listed.find((key) => key.key_hint === '…a1b2')?.status).toBe('revoked');
    });

    it('adds and deletes a provider for DIFFERENT_PROVIDER fallbacks', async () => {
      const status = await keys.addProvider({
        id: 'backup',
        name: 'Backup cluster',
        baseUrl: dash.api.sim.baseUrl,
        key: newKey('b4ck'),
      });
      expect(status).toBe(201);
      await keys.addProviderDialog.waitFor({ state: 'hidden' });
      await keys.providersTable.getByRole('cell', { name: 'Backup cluster', exact: true }).waitFor();
      expect((await dash.api.get('/api/v1/admin/providers', admin)).body.data).toEqual([
        expect.objectContaining({
          id: 'backup',
          display_name: 'Backup cluster',
          base_url: dash.api.sim.baseUrl,
        }),
      ]);

      await checkA11y(page, 'admin-keys');
      await screenshot(page, 'admin-keys');

      expect(await keys.deleteProvider('Backup cluster')).toBe(204);
      await keys.providersTable.getByText('No fallback providers yet.').waitFor();
      expect((await dash.api.get('/api/v1/admin/providers', admin)).body.data).toEqual([]);
    });
  });

  describe('Feature Flags', () => {
    let flags: AdminFlagsPage;
    let free: User;

    beforeAll(async () => {
      flags = new AdminFlagsPage(page);
      free = await dash.api.user();
      await expectRequestBudget(page, () => flags.goto());
    });

    it("switches together_ai_free_tier off: a free user's next request is refused with 403", async () => {
      expect((await chat(dash.api, free.token)).status).toBe(200);
      expect(await flags.isOn('together_ai_free_tier')).toBe(true);

      expect(await flags.toggle('together_ai_free_tier')).toBe(200);
      await page.getByText('together_ai_free_tier is off').waitFor();
      expect(await flags.isOn('together_ai_free_tier')).toBe(false);
      expect((await dash.api.get('/api/v1/admin/flags', admin)).body.flags.together_ai_free_tier).toBe(false);

      const refused = await chat(dash.api, free.token);
      expect(refused.status).toBe(403);
      expect(refused.body.error.code).toBe('free_tier_disabled');

      await checkA11y(page, 'admin-flags');
      await screenshot(page, 'admin-flags');

      expect(await flags.toggle('together_ai_free_tier')).toBe(200);
      expect((await chat(dash.api, free.token)).status).toBe(200);
    });

    it('asks before switching the master switch off, and cancelling keeps it on', async () => {
      await flags.click('together_ai_integration');
      await flags.confirmation.waitFor();
      expect(await flags.confirmation.innerText()).toMatch(/503/);
      await checkA11y(page, 'admin-flags-confirm');
      await flags.confirmation.getByRole('button', { name: 'Keep it on' }).click();
      await flags.confirmation.waitFor({ state: 'hidden' });
      expect(await flags.isOn('together_ai_integration')).toBe(true);
      expect((await dash.api.get('/api/v1/admin/flags', admin)).body.flags.together_ai_integration).toBe(
        true,
      );
    });
  });

  describe('Users', () => {
    let users: AdminUsersPage;
    let detail: AdminUserDetailPage;
    let target: User;

    beforeAll(async () => {
      users = new AdminUsersPage(page);
      detail = new AdminUserDetailPage(page);
      target = await dash.api.user(`target-${Date.now()}@example.com`, 'first-password-1');
      await dash.api.user(`other-${Date.now()}@example.com`);
    });

    it('searches (debounced, in the URL) and filters on the server, then opens a user', async () => {
      await expectRequestBudget(page, () => users.goto());
      await users.search.fill(target.email.slice(0, 12));
      await page.waitForURL((url) => url.searchParams.get('search') === target.email.slice(0, 12));
      await users.link(target.email).waitFor();
      expect(await users.emails()).toEqual([target.email]);

      await users.filter('Tier', 'premium');
      await page.waitForURL((url) => url.searchParams.get('tier') === 'premium');
      await users.table.getByText('No user matches these filters.').waitFor();
      await users.filter('Tier', 'All tiers');
      await users.link(target.email).waitFor();

      await checkA11y(page, 'admin-users');
      await screenshot(page, 'admin-users');

      await expectRequestBudget(page, () =>
        users
          .link(target.email)
          .click()
          .then(() => detail.waitFor(target.email)),
      );
      expect(new URL(page.url()).pathname).toBe(`/admin/users/${target.id}`);
    });

    it("changes a user's tier, and the api then reports the new tier", async () => {
      await detail.goto(target.id, target.email);
      await detail.choose('Tier', 'premium');
      expect(await detail.saveAccount()).toBe(200);
      await page.getByText('User updated').waitFor();
      const me = await dash.api.get('/api/v1/me', target.token);
      expect(me.body.tier).toBe('premium');
      const listed = (await dash.api.get(`/api/v1/admin/users?search=${target.id}`, admin)).body.data;
      expect(listed[0]).toMatchObject({ id: target.id, tier: 'premium' });
    });

    it("sets a custom quota, and the api's quota for the user then shows it", async () => {
      await detail.quotaInput('Text generation', 'Requests per day').fill('123');
      await detail.unlimited('Text generation', 'Tokens per day').check();
      await detail.quotaInput('Image generation', 'Requests per day').fill('7');
      await detail.saveCustomQuotas();
      await detail.quotaGroup('Text generation').getByText('Today: 0 of 123').waitFor();

      let quota = (await dash.api.get(`/api/v1/admin/quotas/users/${target.id}`, admin)).body;
      expect(quota.overrides).toEqual({
        text_generation: { requests_per_day: 123, tokens_per_day: null },
        image_generation: { requests_per_day: 7 },
      });
      expect(quota.text_generation.requests_limit).toBe(123);
      expect(quota.text_generation.tokens_limit).toBeNull();

      // Emptying a field goes back to the tier for that limit alone.
      await detail.quotaInput('Text generation', 'Requests per day').fill('');
      await detail.quotaInput('Image generation', 'Requests per day').fill('');
      await detail.saveCustomQuotas();
      quota = (await dash.api.get(`/api/v1/admin/quotas/users/${target.id}`, admin)).body;
      expect(quota.overrides).toEqual({ text_generation: { tokens_per_day: null } });

      await checkA11y(page, 'admin-user-detail');
      await screenshot(page, 'admin-user-detail');
    });

    it('refuses a malformed limit on its field before anything is sent', async () => {
      await detail.quotaInput('Text to speech', 'Audio minutes per day').fill('2000000000');
      await detail.saveQuotas.click();
      expect(await detail.fieldError(detail.quotaInput('Text to speech', 'Audio minutes per day'))).toMatch(
        /whole number from 0/,
      );
      await page.getByRole('button', { name: 'Undo changes' }).click();
    });

    it('resets the password: the user signs in with the new one, not the old one, and their session ends', async () => {
      const theirs = await dash.signedInPage(
        { email: target.email, password: 'first-password-1' },
        '/app/account',
      );
      expect((await theirs.request.get('/api/v1/auth/session')).status()).toBe(200);

      expect(await detail.setPassword('second-password-2')).toBe(204);
      await page.getByText('Password reset').waitFor();
      const login = (password: string) =>
        dash.api.post('/api/v1/auth/login', { email: target.email, password });
      expect((await login('second-password-2')).status).toBe(200);
      expect((await login('first-password-1')).status).toBe(401);
      expect((await theirs.request.get('/api/v1/auth/session')).status()).toBe(401);
      await theirs.context().close();
    });

    it('shows the api refusing an admin demoting themselves, on the Role field', async () => {
      const me = (await dash.api.get('/api/v1/me', admin)).body;
      await detail.goto(me.id, dash.admin.email);
      await detail.choose('Role', 'user');
      expect(await detail.saveAccount()).toBe(409);
      expect(await detail.fieldError(page.getByRole('combobox', { name: 'Role' }))).toMatch(
        /cannot demote or deactivate your own account/,
      );
      expect((await dash.api.get('/api/v1/me', admin)).body.role).toBe('admin');
    });

    it('creates a user, who can then sign in', async () => {
      await users.goto();
      const email = `created-${Date.now()}@example.com`;
      expect(await users.create({ email, password: 'created-password-1', tier: 'enterprise' })).toBe(201);
      await detail.waitFor(email);
      const listed = (await dash.api.get(`/api/v1/admin/users?search=${encodeURIComponent(email)}`, admin))
        .body.data;
      expect(listed).toEqual([
        expect.objectContaining({ email, tier: 'enterprise', role: 'user', active: true }),
      ]);
      expect(
        (await dash.api.post('/api/v1/auth/login', { email, password: 'created-password-1' })).status,
      ).toBe(200);
    });

    it('works on a phone', async () => {
      // A short address: a long one overflows the Page title at 390 px (see the report).
      const short = await dash.api.user(`p${Date.now() % 1000}@example.com`);
      const phone = await dash.signedInPage(dash.admin, `/admin/users/${short.id}`, PHONE);
      await new AdminUserDetailPage(phone).waitFor(short.email);
      // The page fits the screen: only tables scroll sideways, never the page.
      expect(await phone.evaluate('document.documentElement.scrollWidth')).toBeLessThanOrEqual(PHONE.width);
      await checkA11y(phone, 'admin-user-detail-phone');
      await screenshot(phone, 'admin-user-detail-phone');
      await phone.context().close();
    });
  });

  describe('Audit Log', () => {
    it('shows the changes made above, filtered in the URL, each with its before and after', async () => {
      const audit = new AdminAuditPage(page);
      // One long page, so that every change this file made is on it.
      await expectRequestBudget(page, () => audit.goto('?page_size=100'));
      const actions = (await audit.entries()).map((row) => row[2].split('\n')[0]);
      expect(actions).toEqual(
        expect.arrayContaining([
          'user.create',
          'user.update',
          'quota.override_set',
          'flags.update',
          'provider_key.rotate',
          'provider_key.revoke',
          'provider_key.create',
          'user.password_reset',
        ]),
      );

      await audit.filter('Action').fill('user.update');
      await page.waitForURL((url) => url.searchParams.get('action') === 'user.update');
      await page.waitForFunction(() =>
        Array.from((globalThis as unknown as BrowserGlobals).document.querySelectorAll('tbody code')).every(
          (code) => code.textContent === 'user.update',
        ),
      );
      const diff = await audit.expand('user.update');
      expect(diff).toContainEqual(['tier', 'free', 'premium', 'changed']);

      await checkA11y(page, 'admin-audit');
      await screenshot(page, 'admin-audit');

      // A malformed filter is refused by the api and shown on that filter.
      await audit.goto('?actor_id=not-a-uuid');
      await page.getByText('actor_id must be a UUID').waitFor();
    });
  });

  describe('on a phone', () => {
    it.each([
      ['/admin', 'Overview'],
      ['/admin/keys', 'API Keys'],
      ['/admin/flags', 'Feature Flags'],
      ['/admin/audit', 'Audit Log'],
    ])('%s is usable and accessible', async (path, heading) => {
      const phone = await dash.signedInPage(dash.admin, path, PHONE);
      await new LayoutPage(phone).waitForHeading(heading);
      expect(await phone.evaluate('document.documentElement.scrollWidth')).toBeLessThanOrEqual(PHONE.width);
      await checkA11y(phone, `${path.slice(1).replace(/\//g, '-')}-phone`);
      await screenshot(phone, `${path.slice(1).replace(/\//g, '-')}-phone`);
      await phone.context().close();
    });
  });
});
