import { PassThrough } from 'node:stream';
import Redis from 'ioredis';
import { TEST_REDIS_URL, type HttpResult } from '@tiergate/testing';
import { TEST_UPSTREAM_KEY, TestApi } from './support/test-api';

const KEYS = '/api/v1/admin/provider-keys';
const MY_KEYS = '/api/v1/me/provider-keys';
const CHAT = '/api/v1/together/chat/completions';
const ask = { messages: [{ role: 'user', content: 'hello' }], max_tokens: 8 };

/** Secrets that go through every path; none may ever be seen again in clear text. */
const SECRETS = {
  system: 'tgp_v1_SystemSecretAAAA1111bbbb2222cccc',
  rotated: 'tgp_v1_RotatedSecretDDDD3333eeee4444ffff',
  user: 'tgp_v1_UserSecretGGGG5555hhhh6666iiii',
  rejected: 'invalid-RejectedSecretJJJJ7777kkkk',
  config: TEST_UPSTREAM_KEY,
};

describe('provider keys never appear in clear text (e2e)', () => {
  let api: TestApi;
  const logs: string[] = [];
  const responses: HttpResult[] = [];

  beforeAll(async () => {
    const sink = new PassThrough();
    sink.on('data', (chunk: Buffer) => logs.push(chunk.toString('utf8')));
    api = await TestApi.start({ LOG_LEVEL: 'trace', FEATURE_FLAGS: 'allow_user_keys=true' }, { logs: sink });
  });
  afterAll(() => api.close());

  it('through creation, verification, use, rotation and errors', async () => {
    const record = async (pending: Promise<HttpResult>) => {
      const response = await pending;
      responses.push(response);
      return response;
    };
    const admin = await api.adminToken();
    const user = await api.user();

    // Creation, a duplicate, a rejected key, bad input carrying a key, a malformed body.
    const created = await record(
      api.post(KEYS, { provider: 'together_ai', label: 'main', key: SECRETS.system }, admin),
    );
    expect(created.status).toBe(201);
    expect(
      (await record(api.post(KEYS, { provider: 'together_ai', label: 'again', key: SECRETS.system }, admin)))
        .status,
    ).toBe(409);
    expect(
      (await record(api.post(KEYS, { provider: 'together_ai', label: 'bad', key: SECRETS.rejected }, admin)))
        .status,
    ).toBe(400);
    expect(
      (await record(api.post(KEYS, { provider: 'nope', label: 'x', key: SECRETS.system }, admin))).status,
    ).toBe(400);
    expect(
      (await record(api.post(KEYS, { provider: 'together_ai', label: 7, key: SECRETS.system }, admin)))
        .status,
    ).toBe(400);
    const malformed = api.request('POST', KEYS, {
      token: admin,
      raw: `{"provider":"together_ai","label":"x","key":"${SECRETS.system}"`,
      headers: { 'content-type': 'application/json' },
    });
    expect((await record(malformed)).status).toBe(400);
    await record(api.get(KEYS, admin));

    // Use: plain, streamed, through the /v1 surface.
    expect((await record(api.post(CHAT, ask, user.token))).status).toBe(200);
    expect((await record(api.post(CHAT, { ...ask, stream: true }, user.token))).status).toBe(200);
    await record(
      api.post(
        '/v1/chat/completions',
        { model: 'meta-llama/Meta-Llama-3.1-8B-Instruct-Turbo', ...ask },
        user.token,
      ),
    );

    // Rotation: to a rejected key (refused), then to a good one; use again.
    expect(
      (await record(api.post(`${KEYS}/${created.body.id}/rotate`, { key: SECRETS.rejected }, admin))).status,
    ).toBe(400);
    expect(
      (
        await record(
          api.post(
            `${KEYS}/${created.body.id}/rotate`,
            { key: SECRETS.rotated, grace_period_seconds: 0 },
            admin,
          ),
        )
      ).status,
    ).toBe(200);
    expect((await record(api.post(CHAT, ask, user.token))).status).toBe(200);

    // A system key the provider stops accepting mid-use, then none left.
    await api.revokeUpstreamKey(SECRETS.rotated);
    await api.revokeUpstreamKey(SECRETS.config);
    const unseen = { ...ask, messages: [{ role: 'user', content: 'a question not asked before' }] };
    expect((await record(api.post(CHAT, unseen, user.token))).status).toBe(503);
    await record(api.get(KEYS, admin));

    // A user's own key: added, verified, used, rejected by the provider, re-verified, deleted.
    const own = await record(api.post(MY_KEYS, { key: SECRETS.user }, user.token));
    expect(own.status).toBe(201);
    expect((await record(api.post(`${MY_KEYS}/${own.body.id}/verify`, {}, user.token))).status).toBe(200);
    expect((await record(api.post(CHAT, ask, user.token))).body.key_source).toBe('user');
    await api.revokeUpstreamKey(SECRETS.user);
    expect((await record(api.post(CHAT, { ...ask, stream: true }, user.token))).status).toBe(403);
    expect((await record(api.post(`${MY_KEYS}/${own.body.id}/verify`, {}, user.token))).status).toBe(400);
    expect((await record(api.post(MY_KEYS, { key: SECRETS.rejected }, user.token))).status).toBe(400);
    await record(api.get(MY_KEYS, user.token));
    expect((await record(api.delete(`${MY_KEYS}/${own.body.id}`, user.token))).status).toBe(204);
    await record(api.get('/api/v1/admin/audit?page_size=100', admin));

    // Every response (bodies and headers), every log line, every table, every Redis value.
    const seen = [
      ...responses.map((r) => r.text + JSON.stringify([...r.headers.entries()])),
      logs.join(''),
      await databaseDump(api),
      await redisDump(api.config.redisKeyPrefix),
    ].join('\n');
    expect(logs.length).toBeGreaterThan(10);
    expect(seen).toContain('…'); // key hints are shown
    for (const [name, secret] of Object.entries(SECRETS)) {
      for (const form of [
        secret,
        Buffer.from(secret).toString('hex'),
        Buffer.from(secret).toString('base64'),
      ]) {
        expect({ name, found: seen.includes(form) }).toEqual({ name, found: false });
      }
    }
  });
});

async function databaseDump(api: TestApi): Promise<string> {
  const tables = await api.db.query<{ tablename: string }>(
    `SELECT tablename FROM pg_tables WHERE schemaname = 'public'`,
  );
  expect(tables.map((t) => t.tablename)).toEqual(
    expect.arrayContaining(['provider_keys', 'audit_log', 'users']),
  );
  const parts: string[] = [];
  for (const { tablename } of tables) {
    const rows = await api.db.query<{ row: string }>(
      `SELECT row_to_json(t)::text AS row FROM "${tablename}" t`,
    );
    parts.push(...rows.map((r) => r.row));
  }
  return parts.join('\n');
}

async function redisDump(prefix: string): Promise<string> {
  const redis = new Redis(TEST_REDIS_URL);
  try {
    const keys = await redis.keys(`${prefix}*`);
    const values = await Promise.all(keys.map((key) => redis.get(key).catch(() => '')));
    return [...keys, ...values].join('\n');
  } finally {
    redis.disconnect();
  }
}
