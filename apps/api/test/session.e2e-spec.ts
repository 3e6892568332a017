import { ADMIN, TestApi } from './support/test-api';

/** The cookies a response set, by name, with their attributes (lower-cased). */
function setCookies(headers: Headers): Record<string, { value: string; attributes: string[] }> {
  const cookies: Record<string, { value: string; attributes: string[] }> = {};
  for (const line of headers.getSetCookie()) {
    const [pair, ...attributes] = line.split(';').map((part) => part.trim());
    const [name, ...value] = pair.split('=');
    cookies[name] = { value: value.join('='), attributes: attributes.map((a) => a.toLowerCase()) };
  }
  return cookies;
}

describe('dashboard sessions: cookie, CSRF, sign-out, password change (e2e)', () => {
  let api: TestApi;

  beforeAll(async () => {
    api = await TestApi.start();
  });
  afterAll(() => api.close());

  async function signIn(email: string, password: string) {
    const response = await api.post('/api/v1/auth/session', { email, password });
    expect(response.status).toBe(200);
    const cookies = setCookies(response.headers);
    const session = cookies.tiergate_session.value;
    const csrf = cookies.tiergate_csrf.value;
    return {
      body: response.body,
      cookies,
      session,
      csrf,
      cookieHeader: `tiergate_session=${session}; tiergate_csrf=${csrf}`,
    };
  }

  it('signs in with an httpOnly, SameSite=Strict session cookie and a readable CSRF cookie', async () => {
    const { body, cookies, csrf } = await signIn(ADMIN.email, ADMIN.password);
    expect(body).toEqual({
      user: { id: expect.any(String), email: ADMIN.email, role: 'admin', tier: expect.any(String) },
      expires_at: expect.any(String),
      csrf_token: csrf,
    });
    expect(cookies.tiergate_session.value).toMatch(/^ses_/);
    expect(cookies.tiergate_session.attributes).toEqual(
      expect.arrayContaining(['httponly', 'samesite=strict', 'path=/']),
    );
    expect(cookies.tiergate_csrf.attributes).toEqual(expect.arrayContaining(['samesite=strict']));
    expect(cookies.tiergate_csrf.attributes).not.toContain('httponly');
    // Only a hash of the cookie's secret is stored.
    const rows = await api.db.query<{ token_hash: string }>('SELECT token_hash FROM sessions');
    expect(rows.length).toBeGreaterThan(0);
    expect(JSON.stringify(rows)).not.toContain(cookies.tiergate_session.value);
  });

  it('refuses a wrong password with 401 and sets no cookie', async () => {
    const response = await api.post('/api/v1/auth/session', {
      email: ADMIN.email,
      password: 'wrong-password',
    });
    expect(response.status).toBe(401);
    expect(response.body.error.code).toBe('invalid_credentials');
    expect(response.headers.getSetCookie()).toEqual([]);
  });

  it('authenticates reads with the cookie alone and writes only with the CSRF token', async () => {
    const user = await api.user();
    const { cookieHeader, csrf } = await signIn(user.email, user.password);
    const read = await api.request('GET', '/api/v1/auth/session', { headers: { cookie: cookieHeader } });
    expect(read.status).toBe(200);
    expect(read.body.user.email).toBe(user.email);
    expect(read.body.csrf_token).toBe(csrf);

    const body = { name: 'from the dashboard' };
    const without = await api.request('POST', '/api/v1/me/api-keys', {
      body,
      headers: { cookie: cookieHeader },
    });
    expect(without.status).toBe(403);
    expect(without.body.error.code).toBe('csrf_failed');
    const wrong = await api.request('POST', '/api/v1/me/api-keys', {
      body,
      headers: { cookie: cookieHeader, 'x-csrf-token': csrf.slice(0, -2) + 'xx' },
    });
    expect(wrong.status).toBe(403);
    const right = await api.request('POST', '/api/v1/me/api-keys', {
      body,
      headers: { cookie: cookieHeader, 'x-csrf-token': csrf },
    });
    expect(right.status).toBe(201);
    const keys = await api.db.query('SELECT id FROM api_keys WHERE user_id = $1', [user.id]);
    expect(keys).toHaveLength(1);

    // Another session's token does not pass.
    const other = await signIn(user.email, user.password);
    const crossed = await api.request('POST', '/api/v1/me/api-keys', {
      body,
      headers: { cookie: cookieHeader, 'x-csrf-token': other.csrf },
    });
    expect(crossed.status).toBe(403);
  });

  it('keeps bearer tokens and API keys working without any CSRF token', async () => {
    const user = await api.user();
    const created = await api.post('/api/v1/me/api-keys', { name: 'script' }, user.token);
    expect(created.status).toBe(201);
    const withKey = await api.post('/api/v1/me/api-keys', { name: 'second' }, created.body.key);
    expect(withKey.status).toBe(201);
  });

  it('signs out: the session ends at once and the cookies are cleared', async () => {
    const user = await api.user();
    const { cookieHeader, csrf } = await signIn(user.email, user.password);
    const out = await api.request('DELETE', '/api/v1/auth/session', {
      headers: { cookie: cookieHeader, 'x-csrf-token': csrf },
    });
    expect(out.status).toBe(204);
    const cleared = setCookies(out.headers);
    expect(cleared.tiergate_session.value).toBe('');
    const after = await api.request('GET', '/api/v1/me', { headers: { cookie: cookieHeader } });
    expect(after.status).toBe(401);
    expect(after.body.error.message).toMatch(/session has expired or was ended/);
  });

  it('refuses an expired session and a deactivated user', async () => {
    const user = await api.user();
    const first = await signIn(user.email, user.password);
    await api.db.query(`UPDATE sessions SET expires_at = now() - interval '1 second' WHERE user_id = $1`, [
      user.id,
    ]);
    expect((await api.request('GET', '/api/v1/me', { headers: { cookie: first.cookieHeader } })).status).toBe(
      401,
    );

    const second = await signIn(user.email, user.password);
    const admin = await api.post('/api/v1/auth/login', ADMIN);
    const patched = await api.request('PATCH', `/api/v1/admin/users/${user.id}`, {
      body: { active: false },
      token: admin.body.access_token,
    });
    expect(patched.status).toBe(200);
    expect(
      (await api.request('GET', '/api/v1/me', { headers: { cookie: second.cookieHeader } })).status,
    ).toBe(401);
  });

  it('changes a password: the current one is checked, other sessions end, the new one signs in', async () => {
    const user = await api.user();
    const mine = await signIn(user.email, user.password);
    const elsewhere = await signIn(user.email, user.password);
    const headers = { cookie: mine.cookieHeader, 'x-csrf-token': mine.csrf };

    const wrong = await api.request('POST', '/api/v1/me/password', {
      body: { current_password: 'not-my-password', new_password: 'a-new-password-1' },
      headers,
    });
    expect(wrong.status).toBe(400);
    expect(wrong.body.error.param).toBe('current_password');
    const short = await api.request('POST', '/api/v1/me/password', {
      body: { current_password: user.password, new_password: 'short' },
      headers,
    });
    expect(short.status).toBe(400);
    expect(short.body.error.param).toBe('new_password');

    const changed = await api.request('POST', '/api/v1/me/password', {
      body: { current_password: user.password, new_password: 'a-new-password-1' },
      headers,
    });
    expect(changed.status).toBe(204);
    expect((await api.request('GET', '/api/v1/me', { headers: { cookie: mine.cookieHeader } })).status).toBe(
      200,
    );
    expect(
      (await api.request('GET', '/api/v1/me', { headers: { cookie: elsewhere.cookieHeader } })).status,
    ).toBe(401);
    expect(
      (await api.post('/api/v1/auth/login', { email: user.email, password: user.password })).status,
    ).toBe(401);
    expect(
      (await api.post('/api/v1/auth/login', { email: user.email, password: 'a-new-password-1' })).status,
    ).toBe(200);
  });
});

describe("an admin's password reset (e2e)", () => {
  let api: TestApi;

  beforeAll(async () => {
    api = await TestApi.start();
  });
  afterAll(() => api.close());

  it('sets the password, ends the sessions, is audited without the password, and is admin-only', async () => {
    const user = await api.user();
    const session = await api.post('/api/v1/auth/session', { email: user.email, password: user.password });
    const cookie = session.headers
      .getSetCookie()
      .map((line) => line.split(';')[0])
      .join('; ');
    const admin = (await api.post('/api/v1/auth/login', ADMIN)).body.access_token as string;

    const refused = await api.post(`/api/v1/admin/users/${user.id}/password`, { password: 'x' }, user.token);
    expect(refused.status).toBe(403);
    const short = await api.post(`/api/v1/admin/users/${user.id}/password`, { password: 'short' }, admin);
    expect(short.status).toBe(400);
    expect(short.body.error.param).toBe('password');
    const unknown = await api.post(
      '/api/v1/admin/users/00000000-0000-4000-8000-000000000000/password',
      { password: 'long-enough-1' },
      admin,
    );
    expect(unknown.status).toBe(404);

    const reset = await api.post(
      `/api/v1/admin/users/${user.id}/password`,
      { password: 'reset-by-admin-1' },
      admin,
    );
    expect(reset.status).toBe(204);
    expect((await api.request('GET', '/api/v1/me', { headers: { cookie } })).status).toBe(401);
    expect(
      (await api.post('/api/v1/auth/login', { email: user.email, password: 'reset-by-admin-1' })).status,
    ).toBe(200);
    const one = await api.get(`/api/v1/admin/users/${user.id}`, admin);
    expect(one.body).toMatchObject({ id: user.id, email: user.email, active: true });

    const audit = await api.get(`/api/v1/admin/audit?action=user.password_reset&target_id=${user.id}`, admin);
    expect(audit.status).toBe(200);
    expect(audit.body.data).toHaveLength(1);
    expect(JSON.stringify(audit.body)).not.toContain('reset-by-admin-1');
  });
});

describe('sign-in throttling (e2e)', () => {
  let api: TestApi;

  beforeAll(async () => {
    api = await TestApi.start({ LOGIN_MAX_FAILURES: '3', LOGIN_FAILURE_WINDOW: '15m' });
  });
  afterAll(() => api.close());

  it('refuses an account after its failures, even with the right password, on both sign-in routes', async () => {
    const user = await api.user();
    const other = await api.user();
    for (let attempt = 0; attempt < 3; attempt++) {
      const wrong = await api.post('/api/v1/auth/session', {
        email: user.email,
        password: 'guess-' + attempt,
      });
      expect(wrong.status).toBe(401);
    }
    for (const path of ['/api/v1/auth/session', '/api/v1/auth/login']) {
      const locked = await api.post(path, { email: user.email, password: user.password });
      expect(locked.status).toBe(429);
      expect(locked.body.error.code).toBe('too_many_attempts');
      expect(Number(locked.headers.get('retry-after'))).toBeGreaterThan(800);
    }
    // Another account from the same address is not affected.
    expect(
      (await api.post('/api/v1/auth/login', { email: other.email, password: other.password })).status,
    ).toBe(200);
  });

  it('clears an account’s count on success', async () => {
    const user = await api.user();
    for (let round = 0; round < 3; round++) {
      await api.post('/api/v1/auth/login', { email: user.email, password: 'nope-nope' });
      await api.post('/api/v1/auth/login', { email: user.email, password: 'nope-nope' });
      expect(
        (await api.post('/api/v1/auth/login', { email: user.email, password: user.password })).status,
      ).toBe(200);
    }
  });
});
