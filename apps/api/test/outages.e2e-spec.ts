import { TcpProxy, waitFor, type HttpResult } from '@tiergate/testing';
import { TestApi } from './support/test-api';

const CHAT = '/api/v1/together/chat/completions';
let asked = 0;
const ask = () => ({ messages: [{ role: 'user', content: `outage question ${++asked}` }], max_tokens: 16 });

/** The only 5xx an outage of our own stores may cause: a 503 with Retry-After and one of these codes. */
const DOCUMENTED_503 = ['database_unavailable', 'quota_unavailable'];

type Kind = 'chat' | 'jwt' | 'session';
interface Outcome {
  kind: Kind;
  phase: string;
  status: number;
  code?: string;
  retryAfter: string | null;
}

/** The test database's URL with its host and port replaced by the proxy's. */
const through = (proxy: TcpProxy) => (url: string) => {
  const rewritten = new URL(url);
  rewritten.hostname = '127.0.0.1';
  rewritten.port = String(proxy.port);
  return rewritten.toString();
};

function cookiesOf(response: HttpResult): string {
  return response.headers
    .getSetCookie()
    .map((line) => line.split(';')[0])
    .join('; ');
}

/** What an undocumented answer looks like in a failure message. */
const describeOutcome = (o: Outcome) => `${o.kind} in ${o.phase}: ${o.status} ${o.code ?? ''}`;

/** A 503 in the one error shape, with Retry-After, for the given code. */
function expectDocumented503(response: HttpResult, code: string): void {
  expect({ status: response.status, code: response.body?.error?.code }).toEqual({ status: 503, code });
  expect(Number(response.headers.get('retry-after'))).toBeGreaterThan(0);
  expect(response.body).toEqual({
    error: { message: expect.any(String), type: 'service_unavailable', code, param: null },
    request_id: expect.any(String),
  });
}

/**
 * An open loop: `perSecond` requests a second, each started on time whatever the previous ones
 * are doing (as independent clients would), tagged with the phase they were started in.
 */
class SteadyLoad {
  readonly outcomes: Outcome[] = [];
  phase = 'warm-up';
  private readonly pending = new Set<Promise<void>>();
  private timer?: NodeJS.Timeout;
  private tick = 0;

  constructor(
    private readonly perSecond: number,
    private readonly next: (tick: number) => { kind: Kind; send: () => Promise<HttpResult> },
  ) {}

  start(): void {
    this.timer = setInterval(() => this.fire(), 1000 / this.perSecond);
  }

  async stop(): Promise<void> {
    clearInterval(this.timer);
    await Promise.all([...this.pending]);
  }

  private fire(): void {
    const { kind, send } = this.next(this.tick++);
    const phase = this.phase;
    const request = send()
      .then(
        (response) =>
          void this.outcomes.push({
            kind,
            phase,
            status: response.status,
            code: response.body?.error?.code,
            retryAfter: response.headers.get('retry-after'),
          }),
        (error: Error) =>
          void this.outcomes.push({ kind, phase, status: 0, code: error.message, retryAfter: null }),
      )
      .finally(() => this.pending.delete(request));
    this.pending.add(request);
  }
}

/** The outage scenario runs for this long; it is the scenario itself, not a wait for a condition. */
const hold = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('outages of PostgreSQL and Redis under a steady load (e2e)', () => {
  let pg: TcpProxy;
  let redis: TcpProxy;
  let api: TestApi;
  let worker: { close: () => Promise<void> };
  const cut = new Set<TcpProxy>();
  const sever = async (proxy: TcpProxy) => {
    cut.add(proxy);
    await proxy.down();
  };
  const restore = async (proxy: TcpProxy) => {
    cut.delete(proxy);
    await proxy.up();
  };

  beforeAll(async () => {
    [pg, redis] = await Promise.all([
      TcpProxy.start({ host: '127.0.0.1', port: 5432 }),
      TcpProxy.start({ host: '127.0.0.1', port: 6379 }),
    ]);
    api = await TestApi.start({ REDIS_URL: redis.url }, { databaseUrl: through(pg) });
    // The ledger writer goes through the same cuts: its jobs must wait, not be lost.
    worker = await api.startWorker({ databaseUrl: through(pg)(api.db.url), redisUrl: redis.url });
  });
  afterAll(async () => {
    // Whatever happened in the test, the connections come back before the app closes.
    await Promise.all([...cut].map((proxy) => restore(proxy)));
    await worker?.close();
    await api?.close();
    await Promise.all([pg?.down(), redis?.down()]);
  }, 60_000);

  it('serves known principals through both cuts, answers only documented 503s, and loses no usage or quota', async () => {
    const admin = await api.adminToken();
    const premium = await api.user();
    expect((await api.patch(`/api/v1/admin/users/${premium.id}`, { tier: 'premium' }, admin)).status).toBe(
      200,
    );
    const key = (await api.post('/api/v1/me/api-keys', { name: 'load' }, premium.token)).body.key as string;
    const reader = await api.user();
    const free = await api.user();
    const dashboard = await api.user();
    const signedIn = await api.post('/api/v1/auth/session', {
      email: dashboard.email,
      password: dashboard.password,
    });
    expect(signedIn.status).toBe(200);
    const cookie = cookiesOf(signedIn);
    // A key never used before the cut: unknown to the instance.
    const unseenKey = (await api.post('/api/v1/me/api-keys', { name: 'unseen' }, premium.token)).body
      .key as string;

    // 30 chats a second with the premium API key, plus 5 access-token and 5 session requests.
    const load = new SteadyLoad(40, (tick) => {
      if (tick % 8 === 3) return { kind: 'jwt', send: () => api.get('/api/v1/me', reader.token) };
      if (tick % 8 === 7)
        return {
          kind: 'session',
          send: () => api.request('GET', '/api/v1/auth/session', { headers: { cookie } }),
        };
      return { kind: 'chat', send: () => api.post(CHAT, ask(), key) };
    });
    load.start();
    try {
      await hold(1_500);

      // PostgreSQL cut: known principals are served; what needs the database is a 503.
      load.phase = 'postgres-down';
      await sever(pg);
      await hold(500);
      expectDocumented503(
        await api.post('/api/v1/auth/login', { email: premium.email, password: premium.password }),
        'database_unavailable',
      );
      expectDocumented503(
        await api.post('/api/v1/auth/register', {
          email: 'new-during-outage@example.com',
          password: 'password-123',
        }),
        'database_unavailable',
      );
      expectDocumented503(
        await api.patch(`/api/v1/admin/users/${free.id}`, { tier: 'premium' }, admin),
        'database_unavailable',
      );
      expectDocumented503(await api.get('/api/v1/me', unseenKey), 'database_unavailable');
      await hold(2_000);
      await restore(pg);
      load.phase = 'postgres-back';
      await waitFor(
        async () =>
          (await api.post('/api/v1/auth/login', { email: free.email, password: free.password })).status ===
          200
            ? true
            : undefined,
        15_000,
        'sign-in to work again after PostgreSQL returned',
      );
      expect((await api.get('/api/v1/me', unseenKey)).status).toBe(200);

      // Redis cut: the free tier fails closed (503), premium fails open, principals still served.
      load.phase = 'redis-down';
      await sever(redis);
      await hold(500);
      expectDocumented503(await api.post(CHAT, ask(), free.token), 'quota_unavailable');
      expect(
        (await api.post('/api/v1/auth/login', { email: reader.email, password: reader.password })).status,
      ).toBe(200);
      await hold(2_500);
      await restore(redis);
      load.phase = 'redis-back';
      await waitFor(
        async () => ((await api.post(CHAT, ask(), free.token)).status === 200 ? true : undefined),
        15_000,
        'the free tier to be served again after Redis returned',
      );
      await hold(1_000);
    } finally {
      await load.stop();
    }

    const outcomes = load.outcomes;
    const undocumented = outcomes.filter(
      (o) =>
        o.status !== 200 &&
        !(o.status === 503 && DOCUMENTED_503.includes(o.code ?? '') && Number(o.retryAfter) > 0),
    );
    expect(undocumented.map(describeOutcome)).toEqual([]);
    // Nobody the instance already knew was refused: every request of the loop was served.
    expect(outcomes.filter((o) => o.status !== 200).map(describeOutcome)).toEqual([]);
    for (const phase of ['postgres-down', 'redis-down'])
      for (const kind of ['chat', 'jwt', 'session'] as const)
        expect(outcomes.filter((o) => o.phase === phase && o.kind === kind).length).toBeGreaterThan(0);

    // One ledger row per success. Those recorded while PostgreSQL was down arrive later: their
    // batches wait in the queue, retried with an exponential backoff that the Redis cut can
    // stretch further, so allow a minute on a slow machine.
    const served = outcomes.filter((o) => o.kind === 'chat' && o.status === 200).length;
    expect(served).toBeGreaterThan(150);
    await waitFor(
      async () => ((await api.usageRows(premium.id)) === served ? true : undefined),
      60_000,
      `${served} usage rows`,
    ).catch(async (error: Error) => {
      throw new Error(`${error.message}; found ${await api.usageRows(premium.id)}`);
    });
    const [row] = await api.db.query<{ ids: string; ok: string }>(
      `SELECT count(DISTINCT request_id) AS ids, count(*) FILTER (WHERE status = 200) AS ok
         FROM usage_events WHERE user_id = $1`,
      [premium.id],
    );
    expect(row).toEqual({ ids: String(served), ok: String(served) });

    // The premium user's counter counts every success, also those admitted while Redis was down
    // (counted per instance then, and owed to the shared counter once Redis is back).
    const quota = await api.get('/api/v1/together/quota', premium.token);
    expect(quota.status).toBe(200);
    expect(quota.body.text_generation.requests_used).toBe(served);
  }, 150_000);
});

describe('cached principals on two instances (e2e)', () => {
  let a: TestApi;
  let b: TestApi;

  beforeAll(async () => {
    a = await TestApi.start();
    b = await TestApi.start({}, { shareWith: a });
  });
  afterAll(async () => {
    await b?.close();
    await a?.close();
  });

  /** Polls instance B until the request gets `status`; fails after one second. */
  const refusedWithinASecond = (request: () => Promise<HttpResult>, status = 401) =>
    waitFor(async () => ((await request()).status === status ? true : undefined), 1_000, `a ${status} on B`);

  it('a key revoked on A is refused on B within a second', async () => {
    const user = await a.user();
    const created = await a.post('/api/v1/me/api-keys', { name: 'two' }, user.token);
    expect((await b.get('/api/v1/me', created.body.key)).status).toBe(200); // now cached on B
    expect((await a.delete(`/api/v1/me/api-keys/${created.body.id}`, user.token)).status).toBe(204);
    await refusedWithinASecond(() => b.get('/api/v1/me', created.body.key));
  });

  it('a user deactivated on A is refused on B within a second, by token and by key', async () => {
    const admin = await a.adminToken();
    const user = await a.user();
    const key = (await a.post('/api/v1/me/api-keys', { name: 'k' }, user.token)).body.key as string;
    expect((await b.get('/api/v1/me', user.token)).status).toBe(200);
    expect((await b.get('/api/v1/me', key)).status).toBe(200);
    expect((await a.patch(`/api/v1/admin/users/${user.id}`, { active: false }, admin)).status).toBe(200);
    await refusedWithinASecond(() => b.get('/api/v1/me', user.token));
    await refusedWithinASecond(() => b.get('/api/v1/me', key));
  });

  it('a tier or role changed on A applies on B within a second', async () => {
    const admin = await a.adminToken();
    const user = await a.user();
    expect((await b.get('/api/v1/me', user.token)).body.tier).toBe('free');
    expect((await b.get('/api/v1/admin/users', user.token)).status).toBe(403);
    await a.patch(`/api/v1/admin/users/${user.id}`, { tier: 'enterprise', role: 'admin' }, admin);
    await waitFor(
      async () => ((await b.get('/api/v1/me', user.token)).body.tier === 'enterprise' ? true : undefined),
      1_000,
      'the new tier on B',
    );
    expect((await b.get('/api/v1/admin/users', user.token)).status).toBe(200);
  });

  it('a session ended on A (sign-out, password change, admin reset) is refused on B within a second', async () => {
    const admin = await a.adminToken();
    const user = await a.user();
    const signIn = async () => {
      const response = await a.post('/api/v1/auth/session', { email: user.email, password: user.password });
      expect(response.status).toBe(200);
      const cookie = cookiesOf(response);
      const onB = () => b.request('GET', '/api/v1/auth/session', { headers: { cookie } });
      expect((await onB()).status).toBe(200);
      return { cookie, csrf: response.body.csrf_token as string, onB };
    };

    const signedOut = await signIn();
    await a.request('DELETE', '/api/v1/auth/session', {
      headers: { cookie: signedOut.cookie, 'x-csrf-token': signedOut.csrf },
    });
    await refusedWithinASecond(signedOut.onB);

    const [current, other] = [await signIn(), await signIn()];
    const changed = await a.request('POST', '/api/v1/me/password', {
      headers: { cookie: current.cookie, 'x-csrf-token': current.csrf },
      body: { current_password: user.password, new_password: 'a-new-password-1' },
    });
    expect(changed.status).toBe(204);
    await refusedWithinASecond(other.onB);
    expect((await current.onB()).status).toBe(200); // the caller's own session stays
    user.password = 'a-new-password-1';

    const reset = await signIn();
    await a.post(`/api/v1/admin/users/${user.id}/password`, { password: 'reset-by-admin-9' }, admin);
    await refusedWithinASecond(reset.onB);
  });
});

describe('refused sign-ins are audited (e2e)', () => {
  let api: TestApi;

  beforeAll(async () => {
    api = await TestApi.start({ LOGIN_MAX_FAILURES: '2', LOGIN_FAILURE_WINDOW: '15m' });
  });
  afterAll(() => api.close());

  it('writes the same entry for an existing and an unknown email, once a minute at most', async () => {
    const admin = await api.adminToken();
    const user = await api.user();
    const ghost = `nobody-${Date.now()}@example.com`;
    for (const email of [user.email, ghost]) {
      for (let attempt = 0; attempt < 2; attempt++)
        expect((await api.post('/api/v1/auth/login', { email, password: 'wrong-guess' })).status).toBe(401);
      for (let attempt = 0; attempt < 3; attempt++) {
        const refused = await api.post('/api/v1/auth/login', { email, password: 'wrong-guess' });
        expect(refused.status).toBe(429);
        expect(refused.body.error.code).toBe('too_many_attempts');
      }
    }
    const entries = await waitFor(
      async () => {
        const page = await api.get('/api/v1/admin/audit?action=auth.sign_in_throttled', admin);
        return page.body.data?.length === 2 ? (page.body.data as Array<Record<string, any>>) : undefined;
      },
      5_000,
      'two audit entries',
    );
    const byEmail = new Map(entries.map((entry) => [entry.after.email, entry]));
    const [known, unknown] = [byEmail.get(user.email)!, byEmail.get(ghost)!];
    for (const entry of [known, unknown])
      expect(entry).toMatchObject({
        actor_id: null,
        actor_email: 'anonymous',
        target_type: 'sign_in',
        target_id: null,
        before: null,
        after: { limit: 'account', address: expect.any(String), retry_after_seconds: expect.any(Number) },
      });
    // Nothing in them tells whether the account exists.
    expect(Object.keys(known.after).sort()).toEqual(Object.keys(unknown.after).sort());
    expect(JSON.stringify(entries)).not.toContain(user.id);
    expect(JSON.stringify(entries)).not.toContain('wrong-guess');
  });

  it('audits nothing for a sign-in that was not refused', async () => {
    const admin = await api.adminToken();
    const user = await api.user();
    expect(
      (await api.post('/api/v1/auth/login', { email: user.email, password: 'wrong-guess' })).status,
    ).toBe(401);
    const page = await api.get('/api/v1/admin/audit?action=auth.sign_in_throttled', admin);
    expect(JSON.stringify(page.body.data)).not.toContain(user.email);
  });
});
