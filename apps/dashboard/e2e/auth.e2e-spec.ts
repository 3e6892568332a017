import type { Page, Response } from 'playwright-core';
import { browserSession, startDashboard, type Dashboard } from './fixtures';
import { LayoutPage } from './pages/layout.page';
import { SignInPage } from './pages/sign-in.page';

/** Sign-in, the session cookie, CSRF, sign-out, an ended session, refusals and password change. */
describe('dashboard: signing in and the session', () => {
  let dash: Dashboard;

  beforeAll(async () => {
    dash = await startDashboard();
  });
  afterAll(() => dash?.close());

  /** A request from Node, as another program holding these cookies (or a bearer token) would make it. */
  const call = async (
    method: string,
    path: string,
    headers: Record<string, string>,
    body?: unknown,
  ): Promise<{ status: number; body: any }> => {
    const response = await fetch(dash.url + path, {
      method,
      headers: body === undefined ? headers : { ...headers, 'content-type': 'application/json' },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const text = await response.text();
    return { status: response.status, body: text ? JSON.parse(text) : undefined };
  };

  const storageContents = (page: Page): Promise<string> =>
    page.evaluate(
      'JSON.stringify({ local: Object.entries(localStorage), session: Object.entries(sessionStorage) })',
    );

  it('sends a signed-out visitor to sign-in, remembering the page, and back to it after signing in', async () => {
    const page = await dash.newPage();
    await page.goto('/admin/users');
    await page.waitForURL((url) => url.pathname === '/sign-in');
    const signIn = new SignInPage(page);
    await signIn.waitFor();
    expect(new URL(signIn.redirectParam()!, dash.url).pathname).toBe('/admin/users');
    await signIn.continueNotice.waitFor();

    await signIn.signIn(dash.admin.email, dash.admin.password);
    await page.waitForURL((url) => url.pathname === '/admin/users');
    const layout = new LayoutPage(page);
    await layout.waitForHeading('Users');
    expect(await layout.signedInEmail()).toBe(dash.admin.email);
    await page.context().close();
  });

  it('refuses a wrong password with an error in words and starts no session', async () => {
    const page = await dash.newPage();
    const signIn = new SignInPage(page);
    await signIn.goto();
    await signIn.fill(dash.admin.email, 'not-the-password');
    expect(await signIn.submitAndWait()).toBe(401);

    await signIn.error.waitFor();
    expect(await signIn.error.innerText()).toMatch(/Could not sign in[\s\S]*Invalid email or password/);
    expect(new URL(page.url()).pathname).toBe('/sign-in');
    const cookies = await page.context().cookies();
    expect(cookies.map((cookie) => cookie.name)).not.toContain('tiergate_session');
    expect((await page.request.get('/api/v1/auth/session')).status()).toBe(401);
    await page.context().close();
  });

  it('keeps the session in an httpOnly, SameSite=Strict cookie and no token in web storage', async () => {
    const page = await dash.signedInPage(dash.admin, '/admin');
    const cookies = await page.context().cookies();
    const session = cookies.find((cookie) => cookie.name === 'tiergate_session');
    const csrf = cookies.find((cookie) => cookie.name === 'tiergate_csrf');
    expect(session).toMatchObject({ httpOnly: true, sameSite: 'Strict', path: '/' });
    expect(session!.value).toMatch(/^ses_/);
    // The CSRF cookie is readable by the page (it echoes it in a header), and Strict as well.
    expect(csrf).toMatchObject({ httpOnly: false, sameSite: 'Strict', path: '/' });
    // The page's script cannot read the session cookie.
    expect(await page.evaluate('document.cookie')).not.toContain('tiergate_session');

    const stored = await storageContents(page);
    expect(stored).not.toContain(session!.value);
    expect(stored).not.toContain(csrf!.value);
    expect(stored).not.toMatch(/eyJ[\w-]+\.[\w-]+\./); // no JWT
    expect(stored).not.toMatch(/tg_[A-Za-z0-9]/); // no API key
    await page.context().close();
  });

  it('ends the session on sign-out: the old cookie is refused afterwards', async () => {
    const page = await dash.signedInPage(dash.admin, '/admin');
    const { cookie } = await browserSession(page);
    expect((await call('GET', '/api/v1/auth/session', { cookie })).status).toBe(200);

    await new LayoutPage(page).signOut();
    await new SignInPage(page).waitFor();
    const left = await page.context().cookies();
    expect(left.map((c) => c.name)).not.toContain('tiergate_session');

    const replayed = await call('GET', '/api/v1/auth/session', { cookie });
    expect(replayed.status).toBe(401);
    expect((await call('GET', '/api/v1/me', { cookie })).status).toBe(401);
    // Opening a page again asks for sign-in.
    await page.goto('/admin');
    await page.waitForURL((url) => url.pathname === '/sign-in');
    await page.context().close();
  });

  it('returns to sign-in when the session has ended server-side, and back to the page after signing in', async () => {
    const user = await dash.api.user();
    const page = await dash.signedInPage(user, '/app/account');
    const layout = new LayoutPage(page);
    await layout.waitForHeading('Account');

    // An admin resets the password: the user's sessions end at once (every instance is told).
    const newPassword = 'reset-by-admin-123';
    const reset = await dash.api.request('POST', `/api/v1/admin/users/${user.id}/password`, {
      token: await dash.api.adminToken(),
      body: { password: newPassword },
    });
    expect(reset.status).toBe(204);

    await layout.link('Quota', 'User Dashboard').click();
    await page.waitForURL((url) => url.pathname === '/sign-in');
    const signIn = new SignInPage(page);
    await signIn.waitFor();
    expect(new URL(signIn.redirectParam()!, dash.url).pathname).toBe('/app/quota');
    await signIn.continueNotice.waitFor();

    await signIn.signIn(user.email, newPassword);
    await page.waitForURL((url) => url.pathname === '/app/quota');
    await layout.waitForHeading('Quota');
    await page.context().close();
  });

  it('shows a user who is not an admin a refusal on an admin page, and no admin data', async () => {
    const user = await dash.api.user();
    const page = await dash.newPage();
    const adminAnswers: Response[] = [];
    page.on('response', (response) => {
      if (new URL(response.url()).pathname.startsWith('/api/v1/admin')) adminAnswers.push(response);
    });
    await page.goto(`/sign-in?redirect=${encodeURIComponent('/admin/users')}`);
    await dash.signIn(page, user.email, user.password);
    await page.waitForURL((url) => url.pathname === '/admin/users');

    await page.getByRole('heading', { name: 'Not allowed' }).waitFor();
    expect(await page.getByRole('alert').innerText()).toMatch(/for administrators/);
    // The admin navigation is not offered to a user.
    expect(await page.getByRole('navigation', { name: 'Admin Dashboard' }).count()).toBe(0);
    expect(adminAnswers.filter((response) => response.ok()).map((r) => r.url())).toEqual([]);

    // The API refuses the data to this session as well.
    const { cookie } = await browserSession(page);
    const direct = await call('GET', '/api/v1/admin/users', { cookie });
    expect(direct.status).toBe(403);
    await page.context().close();
  });

  it('refuses a state-changing request without the CSRF token, and accepts it with the right one', async () => {
    const user = await dash.api.user();
    const page = await dash.signedInPage(user, '/app/account');
    const { cookie, csrf } = await browserSession(page);
    expect(csrf).toBeTruthy();

    const withoutToken = await call('POST', '/api/v1/me/api-keys', { cookie }, { name: 'no-token' });
    expect(withoutToken.status).toBe(403);
    expect(withoutToken.body.error.code).toBe('csrf_failed');

    const wrongToken = await call(
      'POST',
      '/api/v1/me/api-keys',
      { cookie, 'x-csrf-token': 'x'.repeat(csrf!.length) },
      { name: 'wrong-token' },
    );
    expect(wrongToken.status).toBe(403);
    expect(wrongToken.body.error.code).toBe('csrf_failed');

    // Another session's token does not fit this session.
    const other = await dash.signedInPage(user, '/app/account');
    const otherSession = await browserSession(other);
    const crossed = await call(
      'POST',
      '/api/v1/me/api-keys',
      { cookie, 'x-csrf-token': otherSession.csrf! },
      { name: 'crossed-token' },
    );
    expect(crossed.status).toBe(403);

    const right = await call(
      'POST',
      '/api/v1/me/api-keys',
      { cookie, 'x-csrf-token': csrf! },
      { name: 'right-token' },
    );
    expect(right.status).toBe(201);

    // A read needs the cookie alone; only the key made with the right token exists.
    const listed = await call('GET', '/api/v1/me/api-keys', { cookie });
    expect(listed.status).toBe(200);
    const names = JSON.stringify(listed.body);
    expect(names).toContain('right-token');
    expect(names).not.toMatch(/no-token|wrong-token|crossed-token/);
    await Promise.all([page.context().close(), other.context().close()]);
  });

  it('keeps bearer tokens and personal API keys working as before, beside the cookie', async () => {
    const user = await dash.api.user();
    const page = await dash.signedInPage(user, '/app/account');
    const { cookie } = await browserSession(page);

    // An access token from /api/v1/auth/login: no cookie, no CSRF token needed.
    const me = await call('GET', '/api/v1/me', { authorization: `Bearer ${user.token}` });
    expect(me.status).toBe(200);
    expect(me.body.email).toBe(user.email);
    const created = await call(
      'POST',
      '/api/v1/me/api-keys',
      { authorization: `Bearer ${user.token}` },
      { name: 'script' },
    );
    expect(created.status).toBe(201);
    const key = created.body.key as string;
    expect(key).toBeTruthy();

    // The personal API key authenticates the API, including the OpenAI-style /v1 routes.
    const viaKey = await call('GET', '/api/v1/me', { authorization: `Bearer ${key}` });
    expect(viaKey.status).toBe(200);
    expect(viaKey.body.email).toBe(user.email);
    const models = await call('GET', '/v1/models', { authorization: `Bearer ${key}` });
    expect(models.status).toBe(200);

    // A bearer header wins over a cookie sent beside it (no CSRF token asked for).
    const both = await call(
      'POST',
      '/api/v1/me/api-keys',
      { authorization: `Bearer ${user.token}`, cookie },
      { name: 'both' },
    );
    expect(both.status).toBe(201);

    // Signing out of the dashboard leaves the token and the key working.
    await new LayoutPage(page).signOut();
    expect((await call('GET', '/api/v1/me', { authorization: `Bearer ${user.token}` })).status).toBe(200);
    expect((await call('GET', '/api/v1/me', { authorization: `Bearer ${key}` })).status).toBe(200);
    await page.context().close();
  });

  it('changes the password on Account: a wrong current password is shown on its field; success ends the other sessions', async () => {
    const user = await dash.api.user();
    const page = await dash.signedInPage(user, '/app/account');
    const elsewhere = await dash.signedInPage(user, '/app/account');
    const layout = new LayoutPage(page);
    await layout.waitForHeading('Account');

    const current = page.getByRole('textbox', { name: 'Current password' });
    const fresh = page.getByRole('textbox', { name: 'New password', exact: true });
    const repeat = page.getByRole('textbox', { name: 'Repeat the new password' });
    const submit = page.getByRole('button', { name: 'Change password' });
    const answer = () =>
      page.waitForResponse(
        (r) => new URL(r.url()).pathname === '/api/v1/me/password' && r.request().method() === 'POST',
      );

    await current.fill('not-my-password');
    await fresh.fill('a-new-password-456');
    await repeat.fill('a-new-password-456');
    let response = answer();
    await submit.click();
    expect((await response).status()).toBeGreaterThanOrEqual(400);
    await page.locator('[aria-invalid="true"][data-path="current_password"]').waitFor();
    // The API's message is on the field (announced through aria-describedby), not in a general alert.
    const describedBy = (await current.getAttribute('aria-describedby')) ?? '';
    const described = await page
      .locator(
        describedBy
          .split(' ')
          .map((id) => `[id="${id}"]`)
          .join(', '),
      )
      .allInnerTexts();
    expect(described.join(' ')).toContain('The current password is not correct');
    expect(await page.getByRole('main').getByRole('alert').count()).toBe(0);

    await current.fill(user.password);
    response = answer();
    await submit.click();
    expect((await response).status()).toBe(204);
    await page.getByText('Password changed').first().waitFor();
    // The form is emptied (a secret is never kept in it).
    expect(await current.inputValue()).toBe('');

    // The other browser's next navigation goes to sign-in; this one stays signed in.
    await new LayoutPage(elsewhere).link('Quota', 'User Dashboard').click();
    await elsewhere.waitForURL((url) => url.pathname === '/sign-in');
    await page.reload();
    await layout.waitForHeading('Account');

    // The new password signs in; the old one does not.
    const oldLogin = await call(
      'POST',
      '/api/v1/auth/session',
      {},
      { email: user.email, password: user.password },
    );
    expect(oldLogin.status).toBe(401);
    const signIn = new SignInPage(elsewhere);
    await signIn.signIn(user.email, 'a-new-password-456');
    await elsewhere.waitForURL((url) => url.pathname === '/app/quota');
    await Promise.all([page.context().close(), elsewhere.context().close()]);
  });
});
