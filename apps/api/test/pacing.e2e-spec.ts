import { setTimeout as sleep } from 'node:timers/promises';
import { Pacer } from '@tiergate/key-manager';
import { waitFor, type HttpResult } from '@tiergate/testing';
import { TEST_UPSTREAM_KEY, TestApi } from './support/test-api';

const CHAT = '/v1/chat/completions';
let asked = 0;
const ask = () => ({
  model: 'moonshotai/Kimi-K3',
  messages: [{ role: 'user', content: `paced question ${++asked}` }],
  max_tokens: 8,
});

interface SimKeyCounts {
  requests_per_second: number | null;
  per_second: Record<string, number>;
  max_per_second: number;
  accepted: number;
  refused: number;
}

/** The simulator's per-key account limits and per-second counts (apps/upstream-sim/src/rate-limits.ts). */
function simLimits(api: TestApi) {
  const control = api.simControl;
  return {
    set: async (key: string, requestsPerSecond: number | null) => {
      const response = await control.put('/_sim/rate-limits', {
        key,
        requests_per_second: requestsPerSecond,
      });
      if (response.status !== 204) throw new Error(`sim rate limit: ${response.text}`);
    },
    clear: () => control.delete('/_sim/rate-limits'),
    of: async (key: string): Promise<SimKeyCounts> => {
      const { body } = await control.get<{ keys: Record<string, SimKeyCounts> }>('/_sim/rate-limits');
      return body.keys[key.slice(-4)];
    },
  };
}

/** Our own refusal: 429 account_rate_limited with a Retry-After of whole seconds. */
function expectOurRefusal(response: HttpResult): void {
  expect(response.status).toBe(429);
  expect(response.body.error).toMatchObject({ code: 'account_rate_limited', type: 'rate_limit_error' });
  expect(Number(response.headers.get('retry-after'))).toBeGreaterThanOrEqual(1);
}

describe('pacing outbound calls to the account limits (e2e)', () => {
  let api: TestApi;
  let admin: string;
  let keyId: string;
  let enterprise: string;
  const sim = () => simLimits(api);

  beforeAll(async () => {
    api = await TestApi.start();
    admin = await api.adminToken();
    const keys = await api.get('/api/v1/admin/provider-keys', admin);
    keyId = keys.body.data.find(
      (key: { key_hint: string }) => key.key_hint === `…${TEST_UPSTREAM_KEY.slice(-4)}`,
    ).id;
    const user = await api.user();
    await api.patch(`/api/v1/admin/users/${user.id}`, { tier: 'enterprise' }, admin);
    enterprise = (await api.post('/api/v1/auth/login', { email: user.email, password: user.password })).body
      .access_token as string;
  });
  afterAll(() => api.close());
  beforeEach(async () => {
    await sim().clear();
    await api.patch(
      `/api/v1/admin/provider-keys/${keyId}`,
      { requests_per_second: null, requests_per_minute: null, tokens_per_minute: null },
      admin,
    );
  });

  describe('the admin API', () => {
    it.each([
      [{ requests_per_second: 0 }, 'requests_per_second'],
      [{ requests_per_minute: -5 }, 'requests_per_minute'],
      [{ tokens_per_minute: 1.5 }, 'tokens_per_minute'],
      [{ requests_per_second: '10' }, 'requests_per_second'],
    ])('refuses %j naming the field', async (body, param) => {
      const response = await api.patch(`/api/v1/admin/provider-keys/${keyId}`, body, admin);
      expect(response.status).toBe(400);
      expect(response.body.error).toMatchObject({ code: 'validation_failed', param });
    });

    it('sets, shows and clears a key limit; an unknown key is a 404; users may not', async () => {
      const set = await api.patch(
        `/api/v1/admin/provider-keys/${keyId}`,
        { requests_per_minute: 600 },
        admin,
      );
      expect(set.status).toBe(200);
      expect(set.body).toMatchObject({
        id: keyId,
        requests_per_second: null,
        requests_per_minute: 600,
        tokens_per_minute: null,
      });
      expect(set.text).not.toContain(TEST_UPSTREAM_KEY);
      const kept = await api.patch(
        `/api/v1/admin/provider-keys/${keyId}`,
        { tokens_per_minute: 50_000 },
        admin,
      );
      expect(kept.body).toMatchObject({ requests_per_minute: 600, tokens_per_minute: 50_000 });
      const listed = await api.get('/api/v1/admin/provider-keys', admin);
      expect(listed.body.data.find((key: { id: string }) => key.id === keyId)).toMatchObject({
        requests_per_minute: 600,
        tokens_per_minute: 50_000,
      });
      const cleared = await api.patch(
        `/api/v1/admin/provider-keys/${keyId}`,
        { requests_per_minute: null },
        admin,
      );
      expect(cleared.body).toMatchObject({ requests_per_minute: null, tokens_per_minute: 50_000 });
      const missing = await api.patch(
        '/api/v1/admin/provider-keys/00000000-0000-4000-8000-000000000000',
        { requests_per_second: 5 },
        admin,
      );
      expect(missing.status).toBe(404);
      expect((await api.patch(`/api/v1/admin/provider-keys/${keyId}`, {}, enterprise)).status).toBe(403);
    });

    it('takes the limits when a key is added, and keeps them through a rotation', async () => {
      const created = await api.post(
        '/api/v1/admin/provider-keys',
        {
          provider: 'together',
          label: 'second account',
          key: 'test-together-key-0777',
          requests_per_second: 7,
        },
        admin,
      );
      expect(created.status).toBe(201);
      expect(created.body).toMatchObject({ requests_per_second: 7, requests_per_minute: null });
      const rotated = await api.post(
        `/api/v1/admin/provider-keys/${created.body.id}/rotate`,
        { key: 'test-together-key-0778', grace_period_seconds: 0 },
        admin,
      );
      expect(rotated.body.key).toMatchObject({ key_hint: '…0778', requests_per_second: 7 });
      expect((await api.delete(`/api/v1/admin/provider-keys/${rotated.body.key.id}`, admin)).status).toBe(
        204,
      );
    });
  });

  it('the healthy path (a key without limits) never asks the pacer, so costs no Redis round trip', async () => {
    const pacer = api.app.get(Pacer);
    const acquire = jest.spyOn(pacer, 'acquire');
    const report = jest.spyOn(pacer, 'report');
    try {
      for (let i = 0; i < 3; i++) expect((await api.post(CHAT, ask(), enterprise)).status).toBe(200);
      expect(acquire).not.toHaveBeenCalled();
      expect(report).not.toHaveBeenCalled();
      await api.patch(`/api/v1/admin/provider-keys/${keyId}`, { requests_per_minute: 1_000 }, admin);
      expect((await api.post(CHAT, ask(), enterprise)).status).toBe(200);
      expect(acquire).toHaveBeenCalledTimes(1);
      expect(acquire.mock.calls[0][1]).toEqual({
        requestsPerSecond: null,
        requestsPerMinute: 1_000,
        tokensPerMinute: null,
      });
    } finally {
      acquire.mockRestore();
      report.mockRestore();
    }
  });

  it('100 concurrent requests across two instances never reach the provider faster than 10 a second', async () => {
    await sim().set(TEST_UPSTREAM_KEY, 10);
    const limited = await api.patch(
      `/api/v1/admin/provider-keys/${keyId}`,
      { requests_per_second: 10 },
      admin,
    );
    expect(limited.body.requests_per_second).toBe(10);
    const second = await TestApi.start({}, { shareWith: api });
    try {
      const send = (i: number) => (i % 2 ? second : api).post(CHAT, ask(), enterprise);
      const first = await Promise.all(Array.from({ length: 100 }, (_, i) => send(i)));
      const served = first.filter((response) => response.status === 200);
      const refused = first.filter((response) => response.status !== 200);
      expect(served.length + refused.length).toBe(100);
      expect(served.length).toBeGreaterThanOrEqual(1);
      refused.forEach(expectOurRefusal);

      // The refused clients come back after Retry-After, as an SDK would, until all are served.
      let waiting = first.map((response, i) => (response.status === 200 ? -1 : i)).filter((i) => i >= 0);
      for (let round = 0; waiting.length > 0 && round < 40; round++) {
        await sleep(1_000 * Math.max(...refused.map((r) => Number(r.headers.get('retry-after')))));
        const again = await Promise.all(waiting.map((i) => send(i)));
        again.filter((response) => response.status !== 200).forEach(expectOurRefusal);
        waiting = waiting.filter((_, j) => again[j].status !== 200);
      }
      expect(waiting).toEqual([]);

      const counts = await sim().of(TEST_UPSTREAM_KEY);
      expect(counts.refused).toBe(0); // the provider never answered 429
      expect(counts.accepted).toBe(100); // one upstream call per request, none lost or doubled
      expect(counts.max_per_second).toBeLessThanOrEqual(10);
      expect(Math.max(...Object.values(counts.per_second))).toBe(counts.max_per_second);
    } finally {
      await second.close();
    }
  }, 120_000);

  it('follows the x-ratelimit headers when they report less room than the key is configured for', async () => {
    // The key is configured for 50 a second; the provider allows 2 and says so in its headers.
    await sim().set(TEST_UPSTREAM_KEY, 2);
    await api.patch(`/api/v1/admin/provider-keys/${keyId}`, { requests_per_second: 50 }, admin);
    const statuses: number[] = [];
    const send = async () => {
      const response = await api.post(CHAT, ask(), enterprise);
      if (response.status !== 200) expectOurRefusal(response);
      statuses.push(response.status);
      return response.status;
    };
    // Room left over from an earlier test frees first; then calls follow the provider's report.
    await waitFor(async () => ((await send()) === 200 ? true : undefined), 10_000, 'a served call');
    for (let i = 0; i < 40 && statuses[statuses.length - 1] === 200; i++) await send();
    expect(statuses[statuses.length - 1]).toBe(429);
    const counts = await sim().of(TEST_UPSTREAM_KEY);
    expect(counts.refused).toBe(0);
    expect(counts.max_per_second).toBeLessThanOrEqual(2);
    expect(counts.accepted).toBe(statuses.filter((status) => status === 200).length);
  });

  it('a key without limits is not paced: the provider’s own 429 is retried as before', async () => {
    await sim().set(TEST_UPSTREAM_KEY, 1);
    const statuses: number[] = [];
    for (let i = 0; i < 6; i++) statuses.push((await api.post(CHAT, ask(), enterprise)).status);
    const counts = await sim().of(TEST_UPSTREAM_KEY);
    // Unpaced calls reach the provider, which refuses some; those are retried (or fall back).
    expect(counts.refused).toBeGreaterThan(0);
    expect(statuses.every((status) => status === 200 || status === 429)).toBe(true);
  });
});
