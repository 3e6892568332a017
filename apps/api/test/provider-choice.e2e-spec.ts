import OpenAI, { NotFoundError } from 'openai';
import { wavAudio } from '../../upstream-sim/src/media';
import { startSimulator } from '../../upstream-sim/src/simulator';
import { SimulatorControl } from '../../upstream-sim/test/support/simulator-control';
import { TestApi, type Simulator } from './support/test-api';

const CHAT = '/v1/chat/completions';
const TOGETHER_CHAT = '/api/v1/together/chat/completions';
let asked = 0;
const ask = (extra: Record<string, unknown> = {}) => ({
  messages: [{ role: 'user', content: `which provider ${++asked}` }],
  max_tokens: 8,
  ...extra,
});

describe('choosing the provider, and one model’s details (e2e)', () => {
  let api: TestApi;
  let backup: Simulator;
  let admin: string;
  let free: string;
  let premium: string;
  let premiumModel: string;

  beforeAll(async () => {
    api = await TestApi.start();
    backup = await startSimulator(0);
    admin = await api.adminToken();
    free = (await api.user()).token;
    const user = await api.user();
    await api.patch(`/api/v1/admin/users/${user.id}`, { tier: 'premium' }, admin);
    premium = (await api.post('/api/v1/auth/login', { email: user.email, password: user.password })).body
      .access_token as string;
    const added = await api.post(
      '/api/v1/admin/providers',
      { id: 'backup', display_name: 'Backup cluster', base_url: backup.baseUrl, key: 'backup-key-0001' },
      admin,
    );
    if (added.status !== 201) throw new Error(`could not add the backup provider: ${added.text}`);
    const config = await api.get('/api/v1/admin/model-config', admin);
    const chat = config.body.tiers.premium.routes.chat;
    premiumModel = typeof chat.primary === 'string' ? chat.primary : chat.primary.model;
    // Only the premium tier may use the backup provider: its chat route falls back there.
    const routed = await api.put(
      '/api/v1/admin/model-config',
      {
        tiers: {
          premium: {
            routes: {
              chat: { primary: premiumModel, fallbacks: [{ provider: 'backup', model: premiumModel }] },
            },
          },
        },
      },
      admin,
    );
    if (routed.status !== 200) throw new Error(`could not route premium: ${routed.text}`);
  });
  afterAll(async () => {
    await api.close();
    await backup.close();
  });

  const backupCalls = async () =>
    (await new SimulatorControl(backup.baseUrl).stats()).byPath['/v1/chat/completions'] ?? 0;

  describe('x-provider header and provider field', () => {
    it.each(['together', 'together_ai', 'Together'])(
      'x-provider: %s is served by Together AI',
      async (name) => {
        const response = await api.request('POST', CHAT, {
          body: ask(),
          token: free,
          headers: { 'x-provider': name },
        });
        expect(response.status).toBe(200);
        expect(response.headers.get('x-tiergate-provider')).toBe('together_ai');
      },
    );

    it('routes a premium caller to the admin-added provider they asked for, header or body', async () => {
      const before = await backupCalls();
      const byHeader = await api.request('POST', CHAT, {
        body: ask(),
        token: premium,
        headers: { 'x-provider': 'backup' },
      });
      expect(byHeader.status).toBe(200);
      expect(byHeader.headers.get('x-tiergate-provider')).toBe('backup');
      expect(byHeader.headers.get('x-tiergate-model')).toBe(premiumModel);
      const byField = await api.post(TOGETHER_CHAT, ask({ provider: 'backup' }), premium);
      expect(byField.status).toBe(200);
      expect(byField.body).toMatchObject({ provider: 'backup', model_id: premiumModel });
      expect(await backupCalls()).toBe(before + 2);
      // Without a choice the tier's primary serves, on Together.
      const unchosen = await api.post(CHAT, ask(), premium);
      expect(unchosen.headers.get('x-tiergate-provider')).toBe('together_ai');
      expect(await backupCalls()).toBe(before + 2);
    });

    it('a provider the tier may not use is a 403 naming the field', async () => {
      const byHeader = await api.request('POST', CHAT, {
        body: ask(),
        token: free,
        headers: { 'x-provider': 'backup' },
      });
      expect(byHeader.status).toBe(403);
      expect(byHeader.body.error).toMatchObject({ code: 'forbidden', param: 'x-provider' });
      expect(byHeader.body.error.message).toContain('free tier may not use the provider backup');
      const byField = await api.post(CHAT, ask({ provider: 'backup' }), free);
      expect(byField.status).toBe(403);
      expect(byField.body.error).toMatchObject({ code: 'forbidden', param: 'provider' });
    });

    it.each([
      ['an unknown header', { 'x-provider': 'nowhere' }, {}, 'x-provider'],
      ['an unknown field', {}, { provider: 'nowhere' }, 'provider'],
      ['a malformed field', {}, { provider: '../etc' }, 'provider'],
      ['a field that is not a string', {}, { provider: 7 }, 'provider'],
      ['header and field disagreeing', { 'x-provider': 'together' }, { provider: 'backup' }, 'provider'],
    ])('%s is a 400 naming it', async (_case, headers, extra, param) => {
      const response = await api.request('POST', CHAT, { body: ask(extra), token: premium, headers });
      expect(response.status).toBe(400);
      expect(response.body.error).toMatchObject({ code: 'validation_failed', param });
    });

    it('the provider field is read on speech, transcription and image analysis, JSON or multipart', async () => {
      const png = Buffer.from(
        'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==',
        'base64',
      );
      const multipart = (
        fields: Record<string, string>,
        file: { field: string; data: Buffer; type: string },
      ) => {
        const body = new FormData();
        for (const [name, value] of Object.entries(fields)) body.append(name, value);
        body.append(file.field, new Blob([file.data], { type: file.type }), 'upload');
        return body;
      };
      const send = async (path: string, body: FormData) => {
        const response = await fetch(api.url + path, {
          method: 'POST',
          headers: { authorization: `Bearer ${free}` },
          body,
        });
        return { status: response.status, body: (await response.json()) as { error: { param?: string } } };
      };
      const refusals = [
        await api.post('/api/v1/together/audio/speech', { text: 'hi', provider: 'backup' }, free),
        await api.post(
          '/v1/audio/speech',
          { model: 'hexgrad/Kokoro-82M', input: 'hi', voice: 'af_alloy', provider: 'backup' },
          free,
        ),
        await api.post(
          '/api/v1/together/images/analysis',
          { image_url: 'https://example.com/cat.png', prompt: 'Describe it', provider: 'backup' },
          free,
        ),
        await send(
          '/api/v1/together/images/analysis',
          multipart(
            { prompt: 'Describe it', provider: 'backup' },
            { field: 'image', data: png, type: 'image/png' },
          ),
        ),
        await send(
          '/api/v1/together/audio/transcriptions',
          multipart(
            { provider: 'backup' },
            { field: 'file', data: wavAudio(1, 16_000, 'hi'), type: 'audio/wav' },
          ),
        ),
        await send(
          '/v1/audio/transcriptions',
          multipart(
            { model: 'whisper-1', provider: 'backup' },
            { field: 'file', data: wavAudio(1, 16_000, 'hi'), type: 'audio/wav' },
          ),
        ),
      ];
      expect(refusals.map((r) => [r.status, r.body.error.param])).toEqual(
        refusals.map(() => [403, 'provider']),
      );
      const malformed = await send(
        '/v1/audio/transcriptions',
        multipart(
          { model: 'whisper-1', provider: '../etc' },
          { field: 'file', data: wavAudio(1, 16_000, 'hi'), type: 'audio/wav' },
        ),
      );
      expect([malformed.status, malformed.body.error.param]).toEqual([400, 'provider']);
      const spoken = await api.post(
        '/api/v1/together/audio/speech',
        { text: 'hi', provider: 'together' },
        free,
      );
      expect(spoken.status).toBe(200);
    });

    it('a provider with no model for the request is a 400 naming it; a named model is asked of it', async () => {
      const embeddings = await api.request('POST', '/v1/embeddings', {
        body: { input: 'hello' },
        token: premium,
        headers: { 'x-provider': 'backup' },
      });
      expect(embeddings.status).toBe(400);
      expect(embeddings.body.error).toMatchObject({ code: 'validation_failed', param: 'x-provider' });
      expect(embeddings.body.error.message).toContain('no embedding model on backup');
      const named = await api.post(CHAT, ask({ model: premiumModel, provider: 'backup' }), premium);
      expect(named.status).toBe(200);
      expect(named.headers.get('x-tiergate-provider')).toBe('backup');
    });
  });

  describe('GET /v1/models/:id and /api/v1/together/models/:id', () => {
    it('one model with the official SDK, in OpenAI’s shape with the list’s fields', async () => {
      const key = await api.post('/api/v1/me/api-keys', { name: 'sdk' }, free);
      const openai = new OpenAI({ apiKey: key.body.key, baseURL: `${api.url}/v1`, maxRetries: 0 });
      const listed = (await openai.models.list()).data;
      const first = listed[0];
      const model = await openai.models.retrieve(first.id);
      expect(model).toEqual(first);
      expect(model).toMatchObject({ id: first.id, object: 'model', created: 0 });
      expect(typeof model.owned_by).toBe('string');
      const slashed = listed.find((m) => m.id.includes('/'))!;
      const raw = await api.get(`/v1/models/${slashed.id}`, free);
      expect(raw.status).toBe(200);
      expect(raw.body).toEqual(slashed);
      const missing = await openai.models.retrieve('nobody/no-such-model').catch((error: unknown) => error);
      expect(missing).toBeInstanceOf(NotFoundError);
      expect((missing as NotFoundError).error).toMatchObject({ code: 'not_found', param: 'id' });
    });

    it('a model the tier may not use is a 404 too, on both surfaces; the Together surface matches its list', async () => {
      const freeList = (await api.get('/api/v1/together/models', free)).body.models as Array<{ id: string }>;
      const premiumList = (await api.get('/api/v1/together/models', premium)).body.models as Array<{
        id: string;
      }>;
      const premiumOnly = premiumList.find((m) => !freeList.some((f) => f.id === m.id))!;
      expect(premiumOnly).toBeDefined();
      for (const path of [`/v1/models/${premiumOnly.id}`, `/api/v1/together/models/${premiumOnly.id}`]) {
        const refused = await api.get(path, free);
        expect(refused.status).toBe(404);
        expect(refused.body.error).toMatchObject({ code: 'not_found', param: 'id' });
        expect(refused.body.request_id).toEqual(expect.any(String));
        expect((await api.get(path, premium)).status).toBe(200);
      }
      const one = await api.get(`/api/v1/together/models/${encodeURIComponent(freeList[0].id)}`, free);
      expect(one.status).toBe(200);
      expect(one.body).toEqual(freeList[0]);
      expect((await api.get('/api/v1/together/models/no-such-model', free)).status).toBe(404);
      expect((await api.get('/v1/models/x', 'not-a-token')).status).toBe(401);
    });
  });
});
