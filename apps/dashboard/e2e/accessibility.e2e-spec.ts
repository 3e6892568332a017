import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import {
  ARTIFACTS_DIR,
  checkA11y,
  expectRequestBudget,
  PHONE,
  screenshot,
  startDashboard,
  type Credentials,
  type Dashboard,
} from './fixtures';
import { LayoutPage } from './pages/layout.page';
import { SignInPage } from './pages/sign-in.page';

/**
 * Every page of the dashboard (apps/dashboard/src/router.tsx): no serious or critical axe
 * violation, at most 6 API requests on load, and a screenshot kept in test-artifacts/screenshots
 * (1280x800, a few at 390x844 as well).
 */
describe('dashboard: accessibility, request budget and screenshots of every page', () => {
  let dash: Dashboard;
  let user: Credentials & { id: string; token: string };
  let adminPage: Page;
  let userPage: Page;

  /** Some data, so pages show tables and charts rather than only empty states. */
  const seed = async (): Promise<void> => {
    const worker = await dash.api.startWorker();
    try {
      for (const content of ['Hello', 'Write a haiku about gates'])
        expect(
          (
            await dash.api.post(
              '/api/v1/together/chat/completions',
              { messages: [{ role: 'user', content }], max_tokens: 16 },
              user.token,
            )
          ).status,
        ).toBe(200);
      expect(
        (
          await dash.api.post(
            '/api/v1/me/quota-requests',
            { feature: 'text_generation', requested_limit: 500, reason: 'A demo next week' },
            user.token,
          )
        ).status,
      ).toBe(201);
      expect((await dash.api.post('/api/v1/me/api-keys', { name: 'laptop' }, user.token)).status).toBe(201);
      // The usage worker writes the ledger asynchronously: wait (bounded) for both events.
      const deadline = Date.now() + 15_000;
      while ((await dash.api.usageRows(user.id)) < 2) {
        if (Date.now() > deadline) throw new Error('the usage worker wrote no usage rows within 15 s');
        await new Promise((resolve) => setImmediate(resolve));
      }
    } finally {
      await worker.close();
    }
  };

  beforeAll(async () => {
    dash = await startDashboard();
    user = await dash.api.user();
    await seed();
    [adminPage, userPage] = await Promise.all([
      dash.signedInPage(dash.admin, '/admin'),
      dash.signedInPage(user, '/app/playground'),
    ]);
  });
  /** The API requests each page load made, kept in test-artifacts/request-budget.json. */
  const requestsByPage: Record<string, string[]> = {};
  afterAll(async () => {
    mkdirSync(ARTIFACTS_DIR, { recursive: true });
    writeFileSync(join(ARTIFACTS_DIR, 'request-budget.json'), JSON.stringify(requestsByPage, null, 2));
    await dash?.close();
  });

  /** A full page load (as a bookmark or a reload does it): budget, heading, axe, screenshot. */
  const expectAccessiblePage = async (
    page: Page,
    path: string,
    heading: string,
    name: string,
  ): Promise<void> => {
    const layout = new LayoutPage(page);
    const made = await expectRequestBudget(page, async () => {
      await page.goto(path);
      await layout.waitForHeading(heading);
    });
    expect(made.length).toBeGreaterThan(0); // at least the session: the count is real
    requestsByPage[name] = made;
    await checkA11y(page, name);
    await screenshot(page, name);
  };

  const adminPages: [string, string, string][] = [
    ['/admin', 'Overview', 'admin-overview'],
    ['/admin/keys', 'API Keys', 'admin-keys'],
    ['/admin/flags', 'Feature Flags', 'admin-flags'],
    ['/admin/users', 'Users', 'admin-users'],
    ['/admin/quotas', 'Quotas', 'admin-quotas'],
    ['/admin/models', 'Models', 'admin-models'],
    ['/admin/endpoints', 'Endpoints', 'admin-endpoints'],
    ['/admin/uploads', 'Model Uploads', 'admin-uploads'],
    ['/admin/prices', 'Prices & Credits', 'admin-prices'],
    ['/admin/usage', 'Usage', 'admin-usage'],
    ['/admin/requests', 'Request Log', 'admin-requests'],
    ['/admin/audit', 'Audit Log', 'admin-audit'],
  ];
  const userPages: [string, string, string][] = [
    ['/app/playground', 'Playground', 'app-playground'],
    ['/app/quota', 'Quota', 'app-quota'],
    ['/app/keys', 'API Keys', 'app-keys'],
    ['/app/usage', 'Usage & Billing', 'app-usage'],
    ['/app/models', 'Models', 'app-models'],
    ['/app/account', 'Account', 'app-account'],
    // A free user: the page says batches are not on the tier (capacity.e2e-spec.ts runs one).
    ['/app/batches', 'Batches', 'app-batches'],
  ];

  it('sign-in: the form, and the form with its error', async () => {
    const page = await dash.newPage();
    const signIn = new SignInPage(page);
    await expectRequestBudget(page, () => signIn.goto('/admin/users'));
    await checkA11y(page, 'sign-in');
    await screenshot(page, 'sign-in');

    await signIn.fill(dash.admin.email, 'not-the-password');
    expect(await signIn.submitAndWait()).toBe(401);
    await signIn.error.waitFor();
    await checkA11y(page, 'sign-in-error');
    await screenshot(page, 'sign-in-error');
    await page.context().close();
  });

  it.each(adminPages)('admin page %s (%s)', async (path, heading, name) => {
    await expectAccessiblePage(adminPage, path, heading, name);
  });

  it('admin page /admin/users/:id (a user in detail)', async () => {
    await expectAccessiblePage(adminPage, `/admin/users/${user.id}`, user.email, 'admin-user-detail');
  });

  it.each(userPages)('user page %s (%s)', async (path, heading, name) => {
    await expectAccessiblePage(userPage, path, heading, name);
  });

  it('the refusal a user sees on an admin page, and the page-not-found page', async () => {
    await expectRequestBudget(userPage, async () => {
      await userPage.goto('/admin/users');
      await userPage.getByRole('heading', { name: 'Not allowed' }).waitFor();
    });
    await checkA11y(userPage, 'admin-refused');
    await screenshot(userPage, 'admin-refused');

    await userPage.goto('/no-such-page');
    await userPage.getByRole('heading', { name: 'Page not found' }).waitFor();
    await checkA11y(userPage, 'not-found');
  });

  describe('on a phone (390x844)', () => {
    let adminPhone: Page;
    let userPhone: Page;
    beforeAll(async () => {
      [adminPhone, userPhone] = await Promise.all([
        dash.signedInPage(dash.admin, '/admin', PHONE),
        dash.signedInPage(user, '/app/playground', PHONE),
      ]);
    });

    it.each([
      ['admin', '/admin', 'Overview', 'phone-admin-overview'],
      ['admin', '/admin/users', 'Users', 'phone-admin-users'],
      ['admin', '/admin/usage', 'Usage', 'phone-admin-usage'],
      ['admin', '/admin/requests', 'Request Log', 'phone-admin-requests'],
      ['user', '/app/playground', 'Playground', 'phone-app-playground'],
      ['user', '/app/quota', 'Quota', 'phone-app-quota'],
      ['user', '/app/keys', 'API Keys', 'phone-app-keys'],
      ['user', '/app/usage', 'Usage & Billing', 'phone-app-usage'],
    ])('%s page %s (%s)', async (who, path, heading, name) => {
      await expectAccessiblePage(who === 'admin' ? adminPhone : userPhone, path, heading, name);
    });

    it('the navigation menu opens from its button, says so, and closes after following a link', async () => {
      const layout = new LayoutPage(userPhone);
      await userPhone.goto('/app/playground');
      await layout.waitForHeading('Playground');
      expect(await layout.signOutButton.isVisible()).toBe(true); // the header keeps room for it
      expect(await layout.burger.getAttribute('aria-expanded')).toBe('false');
      await layout.burger.click();
      expect(await layout.burger.getAttribute('aria-expanded')).toBe('true');
      await layout.link('Account', 'User Dashboard').waitFor();
      await checkA11y(userPhone, 'phone-navigation');
      await screenshot(userPhone, 'phone-navigation', { fullPage: false });
      await layout.link('Account', 'User Dashboard').click();
      await layout.waitForHeading('Account');
      expect(await layout.burger.getAttribute('aria-expanded')).toBe('false');
    });

    it('sign-in', async () => {
      const page = await dash.newPage(PHONE);
      const signIn = new SignInPage(page);
      await signIn.goto();
      expect(await signIn.submit.isVisible()).toBe(true);
      await checkA11y(page, 'phone-sign-in');
      await screenshot(page, 'phone-sign-in');
      await page.context().close();
    });
  });

  it('navigates by keyboard: Tab reaches the navigation, Enter follows a link', async () => {
    const layout = new LayoutPage(userPage);
    await userPage.goto('/app/account');
    await layout.waitForHeading('Account');
    const focused = userPage.locator(':focus');
    let reached = false;
    for (let presses = 0; presses < 20 && !reached; presses++) {
      await userPage.keyboard.press('Tab');
      reached = (await focused.count()) === 1 && (await focused.textContent())?.trim() === 'Quota';
    }
    expect(reached).toBe(true);
    await userPage.keyboard.press('Enter');
    await userPage.waitForURL((url) => url.pathname === '/app/quota');
    await layout.waitForHeading('Quota');
  });
});
