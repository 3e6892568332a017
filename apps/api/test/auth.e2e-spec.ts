import jwt from 'jsonwebtoken';
import { ADMIN, TEST_JWT_SECRET, TestApi } from './support/test-api';

describe('accounts, tokens and personal API keys (e2e)', () => {
  let api: TestApi;

  beforeAll(async () => {
    api = await TestApi.start();
  });
  afterAll(() => api.close());

  it('registers a free-tier user, logs in and reads /me', async () => {
    const registered = await api.post('/api/v1/auth/register', {
      email: 'Grace@Example.com',
      password: 'hopper-1906',
    });
    expect(registered.status).toBe(201);
    expect(registered.body).toEqual({
      id: expect.any(String),
      email: 'grace@example.com',
      role: 'user',
      tier: 'free',
    });

    const login = await api.post('/api/v1/auth/login', {
      email: 'grace@example.com',
      password: 'hopper-1906',
    });
    expect(login.status).toBe(200);
    expect(login.body).toEqual({ access_token: expect.any(String), token_type: 'Bearer', expires_in: 3600 });

    const me = await api.get('/api/v1/me', login.body.access_token);
    expect(me.status).toBe(200);
    expect(me.body).toEqual(registered.body);
    const [row] = await api.db.query<{ password_hash: string }>(
      'SELECT password_hash FROM users WHERE id = $1',
      [me.body.id],
    );
    expect(row.password_hash).toMatch(/^\$argon2id\$/);
  });

  it('refuses a second account with the same email, also under a race', async () => {
    const attempts = await Promise.all(
      Array.from({ length: 5 }, () =>
        api.post('/api/v1/auth/register', { email: 'race@example.com', password: 'password-123' }),
      ),
    );
    expect(attempts.map((a) => a.status).sort()).toEqual([201, 409, 409, 409, 409]);
    expect(attempts.find((a) => a.status === 409)!.body.error).toMatchObject({
      code: 'email_taken',
      param: 'email',
    });
    const rows = await api.db.query(`SELECT id FROM users WHERE email = 'race@example.com'`);
    expect(rows).toHaveLength(1);
  });

  it.each([
    [{ email: 'not-an-email', password: 'password-123' }, 'email'],
    [{ email: 'short@example.com', password: 'short' }, 'password'],
    [{ email: 'extra@example.com', password: 'password-123', role: 'admin' }, 'role'],
    [{ password: 'password-123' }, 'email'],
  ])('rejects a bad registration %j naming the field', async (body, field) => {
    const response = await api.post('/api/v1/auth/register', body);
    expect(response.status).toBe(400);
    expect(response.body.error).toMatchObject({
      type: 'invalid_request_error',
      code: 'validation_failed',
      param: field,
    });
    expect(response.body.request_id).toBe(response.headers.get('x-request-id'));
  });

  it.each([
    [{ email: 'missing@example.com' }, 'password', 'password is required'],
    [{ email: 'missing@example.com', password: null }, 'password', 'password must not be null'],
    [{ password: 'password-123' }, 'email', 'email is required'],
    [undefined, 'email', 'email is required'],
  ])('says a missing field is required, not that it is too long (%j)', async (body, param, message) => {
    const response =
      body === undefined
        ? await api.request('POST', '/api/v1/auth/register')
        : await api.post('/api/v1/auth/register', body);
    expect(response.status).toBe(400);
    expect(response.body.error).toMatchObject({ message, param });
  });

  it('answers a wrong password and an unknown email the same way', async () => {
    const user = await api.user();
    const wrong = await api.post('/api/v1/auth/login', { email: user.email, password: 'wrong-password' });
    const unknown = await api.post('/api/v1/auth/login', {
      email: 'nobody@example.com',
      password: 'wrong-password',
    });
    for (const response of [wrong, unknown]) {
      expect(response.status).toBe(401);
      expect(response.body.error).toMatchObject({
        code: 'invalid_credentials',
        message: 'Invalid email or password',
      });
    }
  });

  it('creates the bootstrap admin once, and keeps users out of admin-only routes', async () => {
    const rows = await api.db.query<{ role: string }>('SELECT role FROM users WHERE email = $1', [
      ADMIN.email,
    ]);
    expect(rows).toEqual([{ role: 'admin' }]);
    const login = await api.post('/api/v1/auth/login', ADMIN);
    expect(login.status).toBe(200);
  });

  describe('JWT edge cases', () => {
    const sign = (claims: object, secret = TEST_JWT_SECRET, options: jwt.SignOptions = {}) =>
      jwt.sign(claims, secret, { algorithm: 'HS256', expiresIn: 60, ...options });

    it.each([
      ['no token', undefined],
      ['garbage', 'not-a-token'],
      [
        'a wrong signature',
        () => sign({ sub: '00000000-0000-0000-0000-000000000000' }, 'another-secret-another-secret-0000'),
      ],
      [
        'an expired token',
        (id: string) =>
          jwt.sign({ sub: id, exp: Math.floor(Date.now() / 1000) - 10 }, TEST_JWT_SECRET, {
            algorithm: 'HS256',
          }),
      ],
      [
        'alg none',
        (id: string) =>
          `${Buffer.from('{"alg":"none","typ":"JWT"}').toString('base64url')}.${Buffer.from(JSON.stringify({ sub: id })).toString('base64url')}.`,
      ],
      ['a token for a deleted user', () => sign({ sub: '00000000-0000-0000-0000-000000000000' })],
      ['a token without sub', () => sign({ role: 'admin' })],
    ])('rejects %s with 401', async (_name, make) => {
      const user = await api.user();
      const token = typeof make === 'function' ? make(user.id) : make;
      const response = await api.get('/api/v1/me', token);
      expect(response.status).toBe(401);
      expect(response.body.error).toMatchObject({ type: 'authentication_error', code: 'unauthenticated' });
    });

    it('stops accepting tokens and keys of a deactivated user at once', async () => {
      const user = await api.user();
      const key = await api.post('/api/v1/me/api-keys', { name: 'ci' }, user.token);
      expect((await api.get('/api/v1/me', key.body.key)).status).toBe(200);
      // Through the admin API: credentials are cached, and a change made there drops them everywhere.
      const admin = await api.adminToken();
      expect((await api.patch(`/api/v1/admin/users/${user.id}`, { active: false }, admin)).status).toBe(200);
      expect((await api.get('/api/v1/me', user.token)).status).toBe(401);
      expect((await api.get('/api/v1/me', key.body.key)).status).toBe(401);
    });
  });

  describe('personal API keys', () => {
    it('shows the secret once, stores only its hash, and accepts it as a bearer', async () => {
      const user = await api.user();
      const created = await api.post('/api/v1/me/api-keys', { name: 'laptop' }, user.token);
      expect(created.status).toBe(201);
      expect(created.body).toMatchObject({
        id: expect.any(String),
        name: 'laptop',
        revoked_at: null,
        last_used_at: null,
      });
      expect(created.body.key).toMatch(/^tg_[A-Za-z0-9_-]{43}$/);
      expect(created.body.key.startsWith(created.body.prefix)).toBe(true);

      const rows = await api.db.query<Record<string, string>>('SELECT * FROM api_keys WHERE id = $1', [
        created.body.id,
      ]);
      expect(JSON.stringify(rows)).not.toContain(created.body.key);

      const me = await api.get('/api/v1/me', created.body.key);
      expect(me.status).toBe(200);
      expect(me.body.id).toBe(user.id);

      const list = await api.get('/api/v1/me/api-keys', user.token);
      expect(list.body.data).toHaveLength(1);
      expect(list.body.data[0]).not.toHaveProperty('key');
      expect(list.body.data[0].last_used_at).not.toBeNull();
    });

    it('revokes a key so it stops working, and never lets another user touch it', async () => {
      const owner = await api.user();
      const other = await api.user();
      const created = await api.post('/api/v1/me/api-keys', { name: 'to revoke' }, owner.token);

      const foreign = await api.request('DELETE', `/api/v1/me/api-keys/${created.body.id}`, {
        token: other.token,
      });
      expect(foreign.status).toBe(404);
      expect((await api.get('/api/v1/me', created.body.key)).status).toBe(200);

      const revoked = await api.request('DELETE', `/api/v1/me/api-keys/${created.body.id}`, {
        token: owner.token,
      });
      expect(revoked.status).toBe(204);
      expect((await api.get('/api/v1/me', created.body.key)).status).toBe(401);
      expect(
        (await api.request('DELETE', `/api/v1/me/api-keys/${created.body.id}`, { token: owner.token }))
          .status,
      ).toBe(404);
      expect(
        (await api.request('DELETE', '/api/v1/me/api-keys/not-a-uuid', { token: owner.token })).status,
      ).toBe(404);
    });

    it('rejects a made-up key that looks real', async () => {
      const response = await api.get('/api/v1/me', `tg_${'A'.repeat(43)}`);
      expect(response.status).toBe(401);
    });

    it('validates the key name', async () => {
      const user = await api.user();
      const response = await api.post('/api/v1/me/api-keys', { name: '' }, user.token);
      expect(response.status).toBe(400);
      expect(response.body.error.param).toBe('name');
    });
  });

  it('serves the OpenAPI document and liveness without a token', async () => {
    expect((await api.get('/health')).body).toEqual({ status: 'ok' });
    const docs = await api.get('/docs/openapi.json');
    expect(docs.status).toBe(200);
    expect(Object.keys(docs.body.paths)).toEqual(
      expect.arrayContaining(['/api/v1/auth/login', '/api/v1/together/chat/completions']),
    );
  });
});
