import { DataSource } from 'typeorm';
import { reencryptProviderKeys, SecretCipher, encryptionKeyVersion } from '@tiergate/key-manager';
import { waitFor } from '@tiergate/testing';
import { TEST_UPSTREAM_KEY, TestApi } from './support/test-api';

const CHAT = '/api/v1/together/chat/completions';
const KEYS = '/api/v1/admin/provider-keys';
const MY_KEYS = '/api/v1/me/provider-keys';
const ask = { messages: [{ role: 'user', content: 'hello there' }], max_tokens: 8 };
/** A question never asked before, so no cached answer can stand in when every key fails. */
const fresh = () => ({
  messages: [{ role: 'user', content: `new question ${Math.random()}` }],
  max_tokens: 8,
});
const last4 = (key: string) => key.slice(-4);
let serial = 0;
/** A key the simulator accepts, unique per call. */
const newKey = (kind = 'sys') => `tgp_v1_${kind}${Date.now().toString(36)}${(serial++).toString(36)}Zx`;

interface KeyRow {
  id: string;
  status: string;
  ciphertext: Buffer | null;
  nonce: Buffer | null;
  auth_tag: Buffer | null;
  key_version: string | null;
  last4: string;
}

describe('provider keys: system keys and bring-your-own-key (e2e)', () => {
  let api: TestApi;
  let admin: string;

  beforeAll(async () => {
    api = await TestApi.start();
    admin = await api.adminToken();
  });
  afterAll(() => api.close());

  const systemKeys = async () => (await api.get(KEYS, admin)).body.data as Array<Record<string, any>>;
  const row = async (id: string) =>
    (await api.db.query<KeyRow>('SELECT * FROM provider_keys WHERE id = $1', [id]))[0];
  /** The target of every `provider_key.retire` audit entry, oldest first. */
  const retireEntries = async () =>
    (
      await api.db.query<{ target_id: string | null }>(
        `SELECT target_id FROM audit_log WHERE action = 'provider_key.retire' ORDER BY id`,
      )
    ).map((entry) => entry.target_id);
  const revokeAllSystemKeys = async () => {
    for (const key of await systemKeys())
      if (['active', 'retiring', 'invalid'].includes(key.status))
        await api.delete(`${KEYS}/${key.id}`, admin);
  };

  describe('system keys', () => {
    beforeEach(() => api.resetSim());

    it('TOGETHER_API_KEY was imported once, sealed, as a managed key', async () => {
      const keys = await systemKeys();
      const imported = keys.find((k) => k.label === 'TOGETHER_API_KEY')!;
      expect(imported).toMatchObject({
        owner: 'system',
        status: 'active',
        key_hint: `…${last4(TEST_UPSTREAM_KEY)}`,
      });
      const audit = await api.get('/api/v1/admin/audit?action=provider_key.import', admin);
      expect(audit.body.total).toBe(1);
    });

    it('adds a key after verifying it, seals it with AES-256-GCM and shows only its last four', async () => {
      const secret = newKey();
      const response = await api.post(KEYS, { provider: 'together', label: 'second', key: secret }, admin);
      expect(response.status).toBe(201);
      expect(response.body).toEqual({
        id: expect.any(String),
        provider: 'together_ai',
        owner: 'system',
        label: 'second',
        key_hint: `…${last4(secret)}`,
        status: 'active',
        status_reason: null,
        fallback_to_system: false,
        verified_at: expect.any(String),
        last_used_at: null,
        retire_at: null,
        replaced_by: null,
        requests_per_second: null,
        requests_per_minute: null,
        tokens_per_minute: null,
        created_at: expect.any(String),
      });
      expect(response.text).not.toContain(secret);
      expect((await api.simStats()).byPath['/v1/models']).toBe(1);
      const stored = await row(response.body.id);
      expect(stored.nonce).toHaveLength(12);
      expect(stored.auth_tag).toHaveLength(16);
      expect(stored.key_version).toBe(encryptionKeyVersion(api.config.encryptionKey));
      expect(stored.ciphertext!.toString('latin1')).not.toContain(secret.slice(7));
      expect(JSON.stringify(await systemKeys())).not.toContain(secret);
    });

    it('refuses a key the provider rejects, saving nothing', async () => {
      const before = (await systemKeys()).length;
      const response = await api.post(
        KEYS,
        { provider: 'together_ai', label: 'bad', key: 'invalid-key-0001' },
        admin,
      );
      expect(response.status).toBe(400);
      expect(response.body.error).toMatchObject({ code: 'provider_key_rejected', param: 'key' });
      expect(response.body.error.message).toMatch(/Together AI rejected this key \(HTTP 401\)/);
      expect((await systemKeys()).length).toBe(before);
    });

    it.each([
      [{ provider: 'openai', label: 'x', key: 'abcdefgh1234' }, 'provider'],
      [{ provider: 'together_ai', label: 'x' }, 'key'],
      [{ provider: 'together_ai', label: 'x', key: 'short' }, 'key'],
      [{ provider: 'together_ai', label: 'x', key: 'has spaces in it' }, 'key'],
      [{ provider: 'together_ai', label: '', key: 'abcdefgh1234' }, 'label'],
      [{ provider: 'together_ai', label: 'x', key: 'abcdefgh1234', status: 'active' }, 'status'],
    ])('refuses %j naming the field', async (body, param) => {
      const response = await api.post(KEYS, body, admin);
      expect(response.status).toBe(400);
      expect(response.body.error.param).toBe(param);
    });

    it('refuses the same key twice (409)', async () => {
      const secret = newKey();
      expect((await api.post(KEYS, { provider: 'together_ai', label: 'a', key: secret }, admin)).status).toBe(
        201,
      );
      const again = await api.post(KEYS, { provider: 'together_ai', label: 'b', key: secret }, admin);
      expect(again.status).toBe(409);
      expect(again.body.error).toMatchObject({ code: 'conflict', param: 'key' });
    });

    it('uses the active keys in turn', async () => {
      await revokeAllSystemKeys();
      const secrets = [newKey(), newKey(), newKey()];
      for (const key of secrets) await api.post(KEYS, { provider: 'together_ai', label: 'pool', key }, admin);
      await api.resetSim();
      const user = await api.user();
      for (let i = 0; i < 6; i++) expect((await api.post(CHAT, ask, user.token)).status).toBe(200);
      const seen = (await api.simStats()).keysSeen;
      expect(secrets.map((key) => seen[last4(key)])).toEqual([2, 2, 2]);
    });

    it('a key the provider starts rejecting is marked invalid and skipped: no request fails', async () => {
      await revokeAllSystemKeys();
      const [good, bad] = [newKey(), newKey()];
      await api.post(KEYS, { provider: 'together_ai', label: 'good', key: good }, admin);
      const badKey = (await api.post(KEYS, { provider: 'together_ai', label: 'bad', key: bad }, admin)).body;
      await api.revokeUpstreamKey(bad);
      const user = await api.user();
      const statuses = await Promise.all(Array.from({ length: 8 }, () => api.post(CHAT, ask, user.token)));
      expect(statuses.map((r) => r.status)).toEqual(Array(8).fill(200));
      const shown = (await systemKeys()).find((k) => k.id === badKey.id)!;
      expect(shown.status).toBe('invalid');
      expect(shown.status_reason).toMatch(/rejected by the provider \(401\)/);
      const audit = await api.get(
        `/api/v1/admin/audit?action=provider_key.invalidated&target_id=${badKey.id}`,
        admin,
      );
      expect(audit.body.data[0]).toMatchObject({ actor_id: null, actor_email: 'system' });
      await api.resetSim();
      await api.post(CHAT, ask, user.token);
      expect((await api.simStats()).keysSeen[last4(bad)]).toBeUndefined();
    });

    it('with every key rejected, says that an admin must add one (503)', async () => {
      await revokeAllSystemKeys();
      const user = await api.user();
      const response = await api.post(CHAT, fresh(), user.token);
      expect(response.status).toBe(503);
      expect(response.body.error).toMatchObject({ code: 'no_system_key' });
      expect(response.body.error.message).toContain('/api/v1/admin/provider-keys');
    });

    it('rotates without a failed request: the new key takes over, the old one serves out its grace period', async () => {
      await revokeAllSystemKeys();
      const [oldSecret, newSecret] = [newKey(), newKey()];
      const old = (await api.post(KEYS, { provider: 'together_ai', label: 'main', key: oldSecret }, admin))
        .body;
      const user = await api.user();
      await api.patch(`/api/v1/admin/users/${user.id}`, { tier: 'enterprise' }, admin); // no daily quota in the way
      let running = true;
      const results: number[] = [];
      const load = (async () => {
        while (running) {
          const batch = await Promise.all(Array.from({ length: 4 }, () => api.post(CHAT, ask, user.token)));
          results.push(...batch.map((r) => r.status));
        }
      })();
      await waitFor(() => (results.length >= 8 ? true : undefined), 10_000, 'traffic before the rotation');
      const rotated = await api.post(
        `${KEYS}/${old.id}/rotate`,
        { key: newSecret, grace_period_seconds: 600 },
        admin,
      );
      const rotatedAt = results.length;
      await waitFor(() => (results.length >= rotatedAt + 8 ? true : undefined), 10_000, 'traffic after it');
      running = false;
      await load;
      expect(rotated.status).toBe(200);
      expect(rotated.body.key).toMatchObject({
        status: 'active',
        label: 'main',
        key_hint: `…${last4(newSecret)}`,
      });
      expect(rotated.body.previous).toMatchObject({
        id: old.id,
        status: 'retiring',
        replaced_by: rotated.body.key.id,
      });
      expect(new Date(rotated.body.previous.retire_at).getTime()).toBeGreaterThan(Date.now() + 590_000);
      expect(results.length).toBeGreaterThan(0);
      expect(results.filter((status) => status !== 200)).toEqual([]);
      await api.resetSim();
      for (let i = 0; i < 3; i++) await api.post(CHAT, ask, user.token);
      expect((await api.simStats()).keysSeen).toEqual({ [last4(newSecret)]: 3 });
      const audit = await api.get(
        `/api/v1/admin/audit?action=provider_key.rotate&target_id=${old.id}`,
        admin,
      );
      expect(audit.body.data[0].after.replacement.keyHint).toBe(`…${last4(newSecret)}`);
    });

    it('a retiring key still serves when the new one fails, and is retired (secret erased) after the grace period', async () => {
      await revokeAllSystemKeys();
      const [oldSecret, newSecret] = [newKey(), newKey()];
      const old = (await api.post(KEYS, { provider: 'together_ai', label: 'main', key: oldSecret }, admin))
        .body;
      await api.post(`${KEYS}/${old.id}/rotate`, { key: newSecret, grace_period_seconds: 2 }, admin);
      await api.revokeUpstreamKey(newSecret);
      const user = await api.user();
      expect((await api.post(CHAT, ask, user.token)).status).toBe(200);
      // Each listing runs the retirement sweep: while the key is still in its grace period, and
      // again after it is retired, a sweep that retires nothing writes nothing.
      expect((await systemKeys()).find((k) => k.id === old.id)!.status).toBe('retiring');
      await waitFor(
        async () =>
          (await systemKeys()).find((k) => k.id === old.id)!.status === 'retired' ? true : undefined,
        10_000,
        'the grace period to end',
      );
      await systemKeys();
      expect(await retireEntries()).toEqual([old.id]);
      const stored = await row(old.id);
      expect([stored.ciphertext, stored.nonce, stored.auth_tag]).toEqual([null, null, null]);
      expect((await api.post(CHAT, fresh(), user.token)).status).toBe(503);
    });

    it('refuses to rotate to a rejected key, and keeps the old one', async () => {
      await revokeAllSystemKeys();
      const old = (await api.post(KEYS, { provider: 'together_ai', label: 'main', key: newKey() }, admin))
        .body;
      const response = await api.post(`${KEYS}/${old.id}/rotate`, { key: 'invalid-new-key-1' }, admin);
      expect(response.status).toBe(400);
      expect(response.body.error.code).toBe('provider_key_rejected');
      expect((await systemKeys()).find((k) => k.id === old.id)!.status).toBe('active');
      expect(
        (await api.post(`${KEYS}/00000000-0000-0000-0000-000000000000/rotate`, { key: newKey() }, admin))
          .status,
      ).toBe(404);
    });

    it('revokes a key: it stops serving at once and its secret is erased', async () => {
      await revokeAllSystemKeys();
      const secret = newKey();
      const key = (await api.post(KEYS, { provider: 'together_ai', label: 'x', key: secret }, admin)).body;
      const user = await api.user();
      expect((await api.post(CHAT, ask, user.token)).status).toBe(200);
      expect((await api.delete(`${KEYS}/${key.id}`, admin)).status).toBe(204);
      expect((await api.post(CHAT, fresh(), user.token)).status).toBe(503);
      expect((await row(key.id)).ciphertext).toBeNull();
      expect((await api.delete(`${KEYS}/${key.id}`, admin)).status).toBe(404);
    });
  });

  describe("users' own keys", () => {
    beforeAll(async () => {
      await revokeAllSystemKeys();
      await api.post(KEYS, { provider: 'together_ai', label: 'platform', key: newKey() }, admin);
    });
    afterEach(() => api.put('/api/v1/admin/flags', { allow_user_keys: false }, admin));

    it('are refused while the admin setting is off', async () => {
      const user = await api.user();
      const response = await api.post(MY_KEYS, { key: newKey('usr') }, user.token);
      expect(response.status).toBe(403);
      expect(response.body.error.code).toBe('user_keys_disabled');
    });

    it("serve the user's requests, marked key_source: user", async () => {
      await api.put('/api/v1/admin/flags', { allow_user_keys: true }, admin);
      const user = await api.user();
      const secret = newKey('usr');
      const added = await api.post(
        MY_KEYS,
        { provider: 'together_ai', key: secret, label: 'mine' },
        user.token,
      );
      expect(added.status).toBe(201);
      expect(added.body).toMatchObject({ owner: 'user', status: 'active', key_hint: `…${last4(secret)}` });
      expect(added.text).not.toContain(secret);
      await api.resetSim();
      const response = await api.post(CHAT, ask, user.token);
      expect(response.status).toBe(200);
      expect(response.body.key_source).toBe('user');
      expect(response.headers.get('x-tiergate-key-source')).toBe('user');
      const openai = await api.post(
        '/v1/chat/completions',
        { model: 'meta-llama/Meta-Llama-3.1-8B-Instruct-Turbo', ...ask },
        user.token,
      );
      expect(openai.headers.get('x-tiergate-key-source')).toBe('user');
      expect((await api.simStats()).keysSeen).toEqual({ [last4(secret)]: 2 });
      const other = await api.user();
      expect((await api.post(CHAT, ask, other.token)).body.key_source).toBe('system');
    });

    it('a user sees and deletes only their own keys', async () => {
      await api.put('/api/v1/admin/flags', { allow_user_keys: true }, admin);
      const [alice, bob] = [await api.user(), await api.user()];
      const key = (await api.post(MY_KEYS, { key: newKey('usr') }, alice.token)).body;
      expect((await api.get(MY_KEYS, bob.token)).body.data).toEqual([]);
      expect((await api.delete(`${MY_KEYS}/${key.id}`, bob.token)).status).toBe(404);
      expect((await api.post(`${MY_KEYS}/${key.id}/verify`, {}, bob.token)).status).toBe(404);
      expect((await api.patch(`${MY_KEYS}/${key.id}`, { label: 'x' }, bob.token)).status).toBe(404);
      expect((await api.delete(`${KEYS}/${key.id}`, admin)).status).toBe(404);
      expect((await api.get(MY_KEYS, alice.token)).body.data.map((k: { id: string }) => k.id)).toEqual([
        key.id,
      ]);
      expect((await api.delete(`${MY_KEYS}/${key.id}`, alice.token)).status).toBe(204);
      expect((await api.get(MY_KEYS, alice.token)).body.data).toEqual([]);
      expect((await api.post(CHAT, ask, alice.token)).body.key_source).toBe('system');
    });

    it('a rejected own key fails the request saying so, unless the user opted in to fall back', async () => {
      await api.put('/api/v1/admin/flags', { allow_user_keys: true }, admin);
      const user = await api.user();
      const secret = newKey('usr');
      const key = (await api.post(MY_KEYS, { key: secret }, user.token)).body;
      await api.revokeUpstreamKey(secret);
      const refused = await api.post(CHAT, ask, user.token);
      expect(refused.status).toBe(403);
      expect(refused.body.error.code).toBe('user_key_rejected');
      expect(refused.body.error.message).toMatch(/Your own provider key \(….{4}\) was rejected/);
      expect(refused.text).not.toContain(secret);
      const listed = (await api.get(MY_KEYS, user.token)).body.data[0];
      expect(listed).toMatchObject({ id: key.id, status: 'invalid' });
      expect((await api.post(CHAT, ask, user.token)).body.error.code).toBe('user_key_rejected');
      const verify = await api.post(`${MY_KEYS}/${key.id}/verify`, {}, user.token);
      expect(verify.status).toBe(400);
      expect(verify.body.error.code).toBe('provider_key_rejected');

      await api.patch(`${MY_KEYS}/${key.id}`, { fallback_to_system: true }, user.token);
      const served = await api.post(CHAT, ask, user.token);
      expect(served.status).toBe(200);
      expect(served.body.key_source).toBe('system');
    });

    it('a key rejected when added is refused; adding a new key replaces the old one', async () => {
      await api.put('/api/v1/admin/flags', { allow_user_keys: true }, admin);
      const user = await api.user();
      const rejected = await api.post(MY_KEYS, { key: 'invalid-user-key-1' }, user.token);
      expect(rejected.status).toBe(400);
      expect(rejected.body.error).toMatchObject({ code: 'provider_key_rejected', param: 'key' });
      const first = (await api.post(MY_KEYS, { key: newKey('usr') }, user.token)).body;
      const second = (await api.post(MY_KEYS, { key: newKey('usr') }, user.token)).body;
      const listed = (await api.get(MY_KEYS, user.token)).body.data;
      expect(listed.map((k: { id: string }) => k.id)).toEqual([second.id]);
      expect((await row(first.id)).status).toBe('revoked');
    });
  });
});

describe('ENCRYPTION_KEY rotation (e2e)', () => {
  const oldKey = 'a'.repeat(64);
  const newKeyHex = 'b'.repeat(64);

  it('old ciphertexts stay readable by version, and keys:reencrypt moves them to the new key', async () => {
    const first = await TestApi.start({ ENCRYPTION_KEY: oldKey });
    const admin = await first.adminToken();
    const secret = newKey();
    await first.post(KEYS, { provider: 'together_ai', label: 'x', key: secret }, admin);
    const versions = async () =>
      (
        await first.db.query<{ key_version: string }>(
          'SELECT DISTINCT key_version FROM provider_keys WHERE ciphertext IS NOT NULL',
        )
      ).map((r) => r.key_version);
    expect(await versions()).toEqual([encryptionKeyVersion(Buffer.from(oldKey, 'hex'))]);

    const rotated = await TestApi.start(
      { ENCRYPTION_KEY: newKeyHex, ENCRYPTION_KEY_PREVIOUS: oldKey },
      { shareWith: first },
    );
    try {
      const user = await rotated.user();
      expect((await rotated.post(CHAT, ask, user.token)).status).toBe(200);
      // No second copy of TOGETHER_API_KEY: the old fingerprints are recognised too.
      expect((await rotated.db.query(`SELECT id FROM provider_keys WHERE origin = 'config'`)).length).toBe(1);

      const dataSource = new DataSource({ type: 'postgres', url: first.db.url });
      await dataSource.initialize();
      try {
        const cipher = new SecretCipher(Buffer.from(newKeyHex, 'hex'), [Buffer.from(oldKey, 'hex')]);
        expect(await reencryptProviderKeys(dataSource, cipher)).toBe(2);
        expect(await reencryptProviderKeys(dataSource, cipher)).toBe(0);
      } finally {
        await dataSource.destroy();
      }
      expect(await versions()).toEqual([encryptionKeyVersion(Buffer.from(newKeyHex, 'hex'))]);
    } finally {
      await rotated.close();
    }

    const onlyNew = await TestApi.start({ ENCRYPTION_KEY: newKeyHex }, { shareWith: first });
    try {
      const user = await onlyNew.user();
      await onlyNew.resetSim();
      for (let i = 0; i < 4; i++) expect((await onlyNew.post(CHAT, ask, user.token)).status).toBe(200);
      expect((await onlyNew.simStats()).keysSeen[last4(secret)]).toBe(2);
    } finally {
      await onlyNew.close();
      await first.close();
    }
  });
});
