import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { BreakerClock } from '@tiergate/fallback-manager';
import { sseEvents, waitFor } from '@tiergate/testing';
import { startSimulator } from '../../upstream-sim/src/simulator';
import { SimulatorControl } from '../../upstream-sim/test/support/simulator-control';
import { TestApi } from './support/test-api';

const CHAT = '/api/v1/together/chat/completions';
const FREE_CHAT = [
  'meta-llama/Meta-Llama-3.1-8B-Instruct-Turbo',
  'Qwen/Qwen2.5-7B-Instruct-Turbo',
  'openai/gpt-oss-20b',
] as const;
const [PRIMARY, SECOND, THIRD] = FREE_CHAT;
let asked = 0;
/** A question not asked before in this file (so no cached answer stands in unless a test wants one). */
const ask = (extra: Record<string, unknown> = {}) => ({
  messages: [{ role: 'user', content: `question ${++asked}` }],
  max_tokens: 16,
  ...extra,
});

describe('model selection and the fallback chain (e2e)', () => {
  let api: TestApi;
  let admin: string;
  let free: string;
  const userOfTier = async (tier: string) => {
    const user = await api.user();
    await api.patch(`/api/v1/admin/users/${user.id}`, { tier }, admin);
    return user.token;
  };

  beforeAll(async () => {
    api = await TestApi.start({ UPSTREAM_FIRST_BYTE_TIMEOUT_MS: '400', UPSTREAM_IDLE_TIMEOUT_MS: '400' });
    admin = await api.adminToken();
    free = (await api.user()).token;
  });
  afterAll(() => api.close());
  beforeEach(() => api.resetSim());

  describe('the tier decides the models', () => {
    it.each([
      ['free', PRIMARY],
      ['premium', 'meta-llama/Meta-Llama-3.1-70B-Instruct-Turbo'],
      ['enterprise', 'meta-llama/Meta-Llama-3.1-405B-Instruct-Turbo'],
    ])('a %s user is served by %s', async (tier, model) => {
      const token = await userOfTier(tier);
      const response = await api.post(CHAT, ask(), token);
      expect(response.status).toBe(200);
      expect(response.body.model_id).toBe(model);
      expect(response.body.model_source_indicator).toMatchObject({
        is_free_tier: tier === 'free',
        is_fallback: false,
        served_model: model,
      });
    });

    it('a purpose picks its own route', async () => {
      const response = await api.post(CHAT, ask({ purpose: 'coding' }), free);
      expect(response.body.model_id).toBe('Nexusflow/NexusRaven-V2-13B');
    });

    it('a named model is allowed only when the tier may use it (403 naming tier and model)', async () => {
      const refused = await api.post(
        CHAT,
        ask({ model: 'meta-llama/Meta-Llama-3.1-70B-Instruct-Turbo' }),
        free,
      );
      expect(refused.status).toBe(403);
      expect(refused.body.error).toMatchObject({ code: 'model_not_allowed', param: 'model' });
      expect(refused.body.error.message).toContain('free tier');
      expect(refused.body.error.message).toContain('meta-llama/Meta-Llama-3.1-70B-Instruct-Turbo');
      expect((await api.simStats()).requests).toBe(0);
      const premium = await userOfTier('premium');
      const allowed = await api.post(CHAT, ask({ model: 'openai/gpt-oss-120b' }), premium);
      expect(allowed.status).toBe(200);
      expect(allowed.body.model_source_indicator.requested_model).toBe('openai/gpt-oss-120b');
      const enterprise = await userOfTier('enterprise');
      expect((await api.post(CHAT, ask({ model: 'MiniMaxAI/MiniMax-M3' }), enterprise)).status).toBe(200);
      expect((await api.post(CHAT, ask({ model: 'MiniMaxAI/MiniMax-M3' }), premium)).status).toBe(403);
    });

    it('a fallback never moves a user to a model their tier may not use', async () => {
      await api.fault({ kind: 'error', status: 500, count: 50, model: THIRD });
      await api.fault({ kind: 'error', status: 500, count: 50, model: PRIMARY });
      const response = await api.post(CHAT, ask({ model: THIRD }), free);
      expect(response.status).toBe(200);
      expect(response.body.model_id).toBe(SECOND);
      const used = Object.keys((await api.simStats()).byModel);
      expect(used.every((model) => (FREE_CHAT as readonly string[]).includes(model))).toBe(true);
    });

    it('GET /models lists what the tier may use, primaries and fallbacks marked', async () => {
      const freeModels = await api.get('/api/v1/together/models?modality=chat', free);
      expect(freeModels.status).toBe(200);
      expect(freeModels.body).toMatchObject({ user_tier: 'free', free_tier_enabled: true });
      const ids = freeModels.body.models.map((m: { id: string }) => m.id);
      expect(ids).toEqual(expect.arrayContaining([...FREE_CHAT]));
      expect(ids).not.toContain('meta-llama/Meta-Llama-3.1-405B-Instruct-Turbo');
      const byId = new Map(freeModels.body.models.map((m: { id: string }) => [m.id, m]));
      expect(byId.get(PRIMARY)).toMatchObject({
        indicator: {
          provider_id: 'together_ai',
          display_name: 'Together AI',
          is_free_tier: true,
          is_fallback: false,
        },
      });
      expect(byId.get(SECOND)).toMatchObject({ indicator: { is_fallback: true } });
      const enterprise = await api.get('/api/v1/together/models', await userOfTier('enterprise'));
      expect(enterprise.body.models.map((m: { id: string }) => m.id)).toContain(
        'meta-llama/Meta-Llama-3.1-405B-Instruct-Turbo',
      );
      const openai = await api.get('/v1/models', free);
      expect(openai.body.data.map((m: { id: string }) => m.id)).not.toContain('MiniMaxAI/MiniMax-M3');
    });
  });

  describe('what sends a request to the next model', () => {
    it.each([
      ['500 that lasts', { kind: 'error', status: 500 }, 'upstream_error'],
      ['503 that lasts', { kind: 'error', status: 503 }, 'upstream_error'],
      ['429 with retry-after', { kind: 'error', status: 429, retry_after: 0 }, 'rate_limited'],
      ['429 without retry-after', { kind: 'error', status: 429 }, 'rate_limited'],
      ['a reset connection', { kind: 'reset' }, 'upstream_error'],
      ['a silent upstream', { kind: 'hang' }, 'timeout'],
      ['a slow first token', { kind: 'latency', latency_ms: 2_000 }, 'timeout'],
      ['a malformed answer', { kind: 'malformed', after_chunks: 0 }, 'bad_response'],
    ])('%s', async (_name, fault, reason) => {
      await api.fault({ ...fault, count: 20, model: PRIMARY });
      const response = await api.post(CHAT, ask(), free);
      expect(response.status).toBe(200);
      expect(response.body.model_id).toBe(SECOND);
      expect(response.body.model_source_indicator).toMatchObject({
        is_fallback: true,
        fallback_reason: reason,
        fallback_strategy: 'SAME_PROVIDER_DIFFERENT_MODEL',
        served_model: SECOND,
      });
      expect(response.headers.get('x-tiergate-fallback')).toBe('true');
      expect(response.headers.get('x-tiergate-fallback-reason')).toBe(reason);
    });

    it('one attempt per model while another can answer; only the last model is retried', async () => {
      // A failing model does not spend the retry budget when the next model can answer at once.
      await api.fault({ kind: 'error', status: 500, count: 1, model: PRIMARY });
      const moved = await api.post(CHAT, ask(), free);
      expect(moved.body.model_id).toBe(SECOND);
      expect(moved.body.model_source_indicator.fallback_reason).toBe('upstream_error');
      expect((await api.simStats()).byModel).toEqual({ [PRIMARY]: 1, [SECOND]: 1 });
      // Everything failing: one attempt each, then the retries on the last model (two here).
      await api.resetSim();
      await api.fault({ kind: 'error', status: 500, count: 50 });
      expect((await api.post(CHAT, ask(), free)).status).toBe(502);
      expect((await api.simStats()).byModel).toEqual({ [PRIMARY]: 1, [SECOND]: 1, [THIRD]: 3 });
    });

    it.each([
      ['sends no first byte (our first-byte timeout)', { kind: 'hang' }],
      ['sits behind an edge that gives up with a 504', { kind: 'error', status: 504, latency_ms: 150 }],
    ])('a silent model that %s is waited for once, then the fallback answers', async (_name, fault) => {
      await api.fault({ ...fault, count: 20, model: PRIMARY });
      const response = await api.post(CHAT, ask(), free);
      expect(response.status).toBe(200);
      expect(response.body.model_id).toBe(SECOND);
      expect(response.body.model_source_indicator.fallback_reason).toBe('timeout');
      expect((await api.simStats()).byModel).toEqual({ [PRIMARY]: 1, [SECOND]: 1 });
    });

    it('a silent model without a fallback: the gateway timeout is passed on after one wait, not retried', async () => {
      await api.put('/api/v1/admin/flags', { together_ai_fallback: false }, admin);
      try {
        await api.fault({ kind: 'error', status: 504, latency_ms: 150, count: 20, model: PRIMARY });
        const response = await api.post(CHAT, ask(), free);
        expect(response.status).toBe(504);
        expect(response.body.error.code).toBe('upstream_timeout');
        expect((await api.simStats()).byModel).toEqual({ [PRIMARY]: 1 });
      } finally {
        await api.put('/api/v1/admin/flags', { together_ai_fallback: true }, admin);
      }
    });

    it('the chain goes in order, and lists what it tried when everything fails', async () => {
      await api.fault({ kind: 'error', status: 500, count: 50, model: PRIMARY });
      await api.fault({ kind: 'error', status: 503, count: 50, model: SECOND });
      expect((await api.post(CHAT, ask(), free)).body.model_id).toBe(THIRD);
      await api.fault({ kind: 'error', status: 500, count: 50, model: THIRD });
      const failed = await api.post(CHAT, ask(), free);
      expect(failed.status).toBe(502);
      expect(failed.body.error.code).toBe('upstream_unavailable');
      for (const model of FREE_CHAT) expect(failed.body.error.message).toContain(model);
    });

    it('a bad request and a content-policy rejection are passed on at once, never sent elsewhere', async () => {
      await api.fault({ kind: 'content_policy', count: 5, model: PRIMARY });
      const refused = await api.post(CHAT, ask(), free);
      expect(refused.status).toBe(400);
      expect(refused.body.error.code).toBe('content_policy_violation');
      expect(refused.body.error.message).toContain('flagged as violent content');
      await api.fault({ kind: 'error', status: 400, count: 5, model: PRIMARY });
      expect((await api.post(CHAT, ask(), free)).status).toBe(400);
      expect((await api.simStats()).byModel).toEqual({ [PRIMARY]: 2 });
    });

    it('context_length_exceeded moves only to a model with a larger window, else fails clearly', async () => {
      await api.put(
        '/api/v1/admin/model-config',
        {
          tiers: {
            enterprise: {
              routes: {
                chat: {
                  primary: PRIMARY,
                  fallbacks: [SECOND, THIRD],
                  purposes: {
                    analysis: {
                      primary: 'deepseek-ai/deepseek-vl-7b-chat',
                      fallbacks: ['Qwen/Qwen-VL-Chat', SECOND],
                    },
                    tiny: { primary: 'deepseek-ai/deepseek-vl-7b-chat', fallbacks: ['Qwen/Qwen-VL-Chat'] },
                  },
                },
              },
            },
          },
        },
        admin,
      );
      // Enterprise: 9,000 tokens fit its tokens_per_request. 4,096 tokens are too small for 9,000, so only larger windows are tried: 8,192 (too small
      // as well), then 32,768. No model is asked twice.
      const enterprise = await userOfTier('enterprise');
      const rescued = await api.post(CHAT, ask({ purpose: 'analysis', max_tokens: 9_000 }), enterprise);
      expect(rescued.status).toBe(200);
      expect(rescued.body.model_id).toBe(SECOND);
      expect(rescued.body.model_source_indicator.fallback_reason).toBe('context_length_exceeded');
      expect((await api.simStats()).byModel).toEqual({
        'deepseek-ai/deepseek-vl-7b-chat': 1,
        'Qwen/Qwen-VL-Chat': 1,
        [SECOND]: 1,
      });
      const failed = await api.post(CHAT, ask({ purpose: 'tiny', max_tokens: 9_000 }), enterprise);
      expect(failed.status).toBe(400);
      expect(failed.body.error.code).toBe('context_length_exceeded');
      expect(failed.body.error.message).toMatch(/no model with a larger one/);
    });

    it('with together_ai_fallback off, only the primary is tried', async () => {
      await api.put('/api/v1/admin/flags', { together_ai_fallback: false }, admin);
      try {
        await api.fault({ kind: 'error', status: 500, count: 50, model: PRIMARY });
        const response = await api.post(CHAT, ask(), free);
        expect(response.status).toBe(502);
        expect((await api.simStats()).byModel).toEqual({ [PRIMARY]: 3 });
      } finally {
        await api.put('/api/v1/admin/flags', { together_ai_fallback: true }, admin);
      }
    });
  });

  describe('another provider', () => {
    it('an admin adds an OpenAI-compatible provider, and the chain falls back to it (DIFFERENT_PROVIDER)', async () => {
      const backup = await startSimulator(0);
      try {
        const rejected = await api.post(
          '/api/v1/admin/providers',
          {
            id: 'backup',
            display_name: 'Backup cluster',
            base_url: backup.baseUrl,
            key: 'invalid-backup-key',
          },
          admin,
        );
        expect(rejected.status).toBe(400);
        expect(rejected.body.error).toMatchObject({ code: 'provider_key_rejected', param: 'key' });
        const added = await api.post(
          '/api/v1/admin/providers',
          { id: 'backup', display_name: 'Backup cluster', base_url: backup.baseUrl, key: 'backup-key-0001' },
          admin,
        );
        expect(added.status).toBe(201);
        expect(added.body).toMatchObject({ id: 'backup', display_name: 'Backup cluster' });
        expect(added.text).not.toContain('backup-key-0001');
        const routed = await api.put(
          '/api/v1/admin/model-config',
          {
            tiers: {
              free: {
                routes: { text: { primary: PRIMARY, fallbacks: [{ provider: 'backup', model: PRIMARY }] } },
              },
            },
          },
          admin,
        );
        expect(routed.status).toBe(200);
        await api.fault({ kind: 'error', status: 503, count: 50 });
        const response = await api.post(
          '/api/v1/together/text/completions',
          { prompt: `p ${++asked}`, max_tokens: 8 },
          free,
        );
        expect(response.status).toBe(200);
        expect(response.body).toMatchObject({ provider: 'backup', model_id: PRIMARY });
        expect(response.body.model_source_indicator).toMatchObject({
          provider_id: 'backup',
          display_name: 'Backup cluster',
          is_fallback: true,
          fallback_strategy: 'DIFFERENT_PROVIDER',
        });
        const seen = await new SimulatorControl(backup.baseUrl).stats();
        expect(seen.keysSeen['0001']).toBe(2); // the verification, then the request
        expect((await api.delete('/api/v1/admin/providers/backup', admin)).status).toBe(204);
        expect((await api.get('/api/v1/admin/providers', admin)).body.data).toEqual([]);
      } finally {
        await backup.close();
      }
    });
  });

  describe('failover choices (issue 15)', () => {
    const CONFIG = '/api/v1/admin/model-config';

    it('context_length_exceeded also moves to a model whose window is unknown (one on another provider)', async () => {
      const backup = await startLongContextProvider();
      try {
        const added = await api.post(
          '/api/v1/admin/providers',
          { id: 'longctx', display_name: 'Long context', base_url: backup.baseUrl, key: 'longctx-key-0001' },
          admin,
        );
        expect(added.status).toBe(201);
        const routed = await api.put(
          CONFIG,
          {
            tiers: {
              enterprise: {
                routes: {
                  chat: {
                    purposes: {
                      longdoc: {
                        primary: 'deepseek-ai/deepseek-vl-7b-chat',
                        fallbacks: [{ provider: 'longctx', model: 'longctx/unbounded' }],
                      },
                    },
                  },
                },
              },
            },
          },
          admin,
        );
        expect(routed.status).toBe(200);
        const enterprise = await userOfTier('enterprise');
        const rescued = await api.post(CHAT, ask({ purpose: 'longdoc', max_tokens: 9_000 }), enterprise);
        expect(rescued.status).toBe(200);
        expect(rescued.body).toMatchObject({ model_id: 'longctx/unbounded', provider: 'longctx' });
        expect(rescued.body.model_source_indicator).toMatchObject({
          fallback_reason: 'context_length_exceeded',
          fallback_strategy: 'DIFFERENT_PROVIDER',
        });
        expect((await api.simStats()).byModel).toEqual({ 'deepseek-ai/deepseek-vl-7b-chat': 1 });
        expect(backup.calls).toEqual(['longctx/unbounded']);
      } finally {
        await api.delete('/api/v1/admin/providers/longctx', admin);
        await backup.close();
      }
    });

    it('a model the caller names falls back to its own list first; checked like a route', async () => {
      const own = (fallbacks: unknown) => api.put(CONFIG, { models: { [PRIMARY]: { fallbacks } } }, admin);
      try {
        const missing = await own(['nobody/imaginary-model']);
        expect(missing.status).toBe(400);
        expect(missing.body.error).toMatchObject({
          code: 'model_not_in_catalog',
          param: `models.${PRIMARY}.fallbacks[0]`,
        });
        const malformed = await own([SECOND, 'not a model']);
        expect(malformed.status).toBe(400);
        expect(malformed.body.error).toMatchObject({
          code: 'validation_failed',
          param: `models.${PRIMARY}.fallbacks[1]`,
        });
        expect((await own('nope')).body.error).toMatchObject({ code: 'validation_failed' });
        const saved = await own([THIRD]);
        expect(saved.status).toBe(200);
        expect(saved.body.models[PRIMARY].fallbacks).toEqual([THIRD]);
        expect(saved.body.warnings).toEqual([]);

        await api.fault({ kind: 'error', status: 500, count: 50, model: PRIMARY });
        const named = await api.post(CHAT, ask({ model: PRIMARY }), free);
        expect(named.status).toBe(200);
        expect(named.body.model_id).toBe(THIRD);
        // Not named: the route's own fallbacks, as before.
        expect((await api.post(CHAT, ask(), free)).body.model_id).toBe(SECOND);
        expect((await api.simStats()).byModel).toEqual({ [PRIMARY]: 2, [THIRD]: 1, [SECOND]: 1 });

        // An empty list: no fallback at all for that model (its retries are all it has).
        await own([]);
        const alone = await api.post(CHAT, ask({ model: PRIMARY }), free);
        expect(alone.status).toBe(502);
        expect(alone.body.error.message).not.toContain(SECOND);
        // null: the model's own list is gone, the route's apply again.
        expect((await own(null)).body.models[PRIMARY].fallbacks).toBeUndefined();
        expect((await api.post(CHAT, ask({ model: PRIMARY }), free)).body.model_id).toBe(SECOND);

        // force: a model the catalog lacks is saved, and reported.
        const forced = await api.put(
          CONFIG,
          { models: { [PRIMARY]: { fallbacks: ['nobody/imaginary-model'] } }, force: true },
          admin,
        );
        expect(forced.status).toBe(200);
        expect(forced.body.warnings).toEqual([
          expect.stringContaining(`nobody/imaginary-model (models.${PRIMARY}.fallbacks)`),
        ]);
      } finally {
        await own(null);
      }
    });

    it('a route none of whose models the provider serves is a 503 naming the configuration, not a 400', async () => {
      const enterprise = await userOfTier('enterprise');
      const broken = await api.put(
        CONFIG,
        {
          tiers: {
            enterprise: {
              routes: {
                chat: {
                  purposes: {
                    ghost: { primary: 'nobody/missing-one', fallbacks: ['nobody/missing-two'] },
                  },
                },
              },
            },
          },
          force: true,
        },
        admin,
      );
      expect(broken.status).toBe(200);
      const response = await api.post(CHAT, ask({ purpose: 'ghost' }), enterprise);
      expect(response.status).toBe(503);
      expect(response.body.error).toMatchObject({
        code: 'route_misconfigured',
        type: 'service_unavailable',
        param: null,
      });
      for (const part of ['enterprise', 'chat', 'ghost', 'nobody/missing-one', 'nobody/missing-two'])
        expect(response.body.error.message).toContain(part);
      // The caller's own mistake is still theirs: a model that does not exist, named by them.
      const named = await api.post(CHAT, ask({ model: 'nobody/never-heard-of' }), enterprise);
      expect(named.status).toBe(400);
      expect(named.body.error.param).toBe('model');
      const cleaned = await api.put(
        CONFIG,
        { tiers: { enterprise: { routes: { chat: { purposes: {} } } } } },
        admin,
      );
      expect(cleaned.body.warnings).toEqual([]);
    });
  });

  describe('cached answers', () => {
    it('the last good answer stands in when every model fails, marked as cached', async () => {
      const question = ask();
      const fresh = await api.post(CHAT, question, free);
      expect(fresh.body.model_source_indicator.cached).toBe(false);
      await api.fault({ kind: 'error', status: 500, count: 100 });
      const cached = await api.post(CHAT, question, free);
      expect(cached.status).toBe(200);
      expect(cached.body.message.content).toBe(fresh.body.message.content);
      expect(cached.body.model_source_indicator).toMatchObject({
        cached: true,
        is_fallback: true,
        fallback_strategy: 'CACHED_RESPONSE',
      });
      expect(cached.headers.get('x-tiergate-cached')).toBe('true');
      const streamed = await api.post(CHAT, { ...question, stream: true }, free);
      expect(streamed.status).toBe(200);
      const chunks = sseEvents(streamed.text)
        .slice(0, -1)
        .map((e) => JSON.parse(e));
      expect(chunks.map((c) => c.delta.content).join('')).toBe(fresh.body.message.content);
      expect(chunks[0].model_source_indicator.cached).toBe(true);
      expect((await api.post(CHAT, ask(), free)).status).toBe(502);
    });
  });

  describe('opt-in caching', () => {
    it('a deterministic request may be answered from the cache when the caller asks, marked cached', async () => {
      const question = ask({ temperature: 0 });
      const first = await api.post(CHAT, question, free);
      await api.resetSim();
      const hit = await api.post(CHAT, { ...question, cache: true }, free);
      expect(hit.status).toBe(200);
      expect(hit.body.message.content).toBe(first.body.message.content);
      expect(hit.body.model_source_indicator).toMatchObject({ cached: true, is_fallback: false });
      expect((await api.simStats()).requests).toBe(0);
      // Not deterministic: never from the cache, even when asked.
      const warm = ask({ temperature: 0.7 });
      await api.post(CHAT, warm, free);
      await api.resetSim();
      const fresh = await api.post(CHAT, { ...warm, cache: true }, free);
      expect(fresh.body.model_source_indicator.cached).toBe(false);
      expect((await api.simStats()).requests).toBe(1);
    });

    it('Cache-Control: max-stale asks for it on the /v1 surface', async () => {
      const body = { model: PRIMARY, ...ask({ temperature: 0 }) };
      await api.request('POST', '/v1/chat/completions', { body, token: free });
      await api.resetSim();
      const hit = await api.request('POST', '/v1/chat/completions', {
        body,
        token: free,
        headers: { 'cache-control': 'max-stale' },
      });
      expect(hit.status).toBe(200);
      expect(hit.headers.get('x-tiergate-cached')).toBe('true');
      expect((await api.simStats()).requests).toBe(0);
    });
  });

  describe('streams', () => {
    it('fall back freely before the first byte, marked in the first and the final event', async () => {
      await api.fault({ kind: 'error', status: 500, count: 20, model: PRIMARY });
      const response = await api.post(CHAT, ask({ stream: true }), free);
      expect(response.status).toBe(200);
      const chunks = sseEvents(response.text)
        .slice(0, -1)
        .map((e) => JSON.parse(e));
      expect(chunks[0].model_source_indicator).toMatchObject({ is_fallback: true, served_model: SECOND });
      expect(chunks.at(-1).model_source_indicator).toMatchObject({ is_fallback: true });
      expect(chunks.at(-1).usage.completion_tokens).toBeGreaterThan(0);
      expect(sseEvents(response.text).at(-1)).toBe('[DONE]');
    });

    it.each([
      ['cut', { kind: 'cut', after_chunks: 3 }, 'upstream_error'],
      ['stalled', { kind: 'stall', after_chunks: 3 }, 'timeout'],
      ['malformed', { kind: 'malformed', after_chunks: 3 }, 'bad_response'],
    ])(
      'a stream %s after content reached the client is rescued by the next model: one whole answer',
      async (_name, fault, reason) => {
        await api.fault({ ...fault, count: 1, model: PRIMARY });
        const response = await api.post(CHAT, ask({ stream: true, max_tokens: 64 }), free);
        expect(response.status).toBe(200);
        const events = sseEvents(response.text);
        expect(events.at(-1)).toBe('[DONE]');
        const chunks = events.slice(0, -1).map((e) => JSON.parse(e));
        expect(chunks.some((c) => c.error)).toBe(false);
        expect(chunks[0].model_source_indicator).toMatchObject({ is_fallback: false, served_model: PRIMARY });
        expect(chunks.at(-1).model_source_indicator).toMatchObject({
          is_fallback: true,
          fallback_reason: reason,
          served_model: SECOND,
        });
        const text = chunks.map((c) => c.delta.content).join('');
        expect(text.split(' ').length).toBeGreaterThan(3);
        expect((await api.simStats()).byModel).toEqual({ [PRIMARY]: 1, [SECOND]: 1 });
      },
    );

    it('without a model that supports continuation, or when it fails too, the stream ends with the original error', async () => {
      await api.put(
        '/api/v1/admin/model-config',
        { models: { [SECOND]: { supports_continuation: false } } },
        admin,
      );
      try {
        await api.fault({ kind: 'cut', after_chunks: 2, count: 1, model: PRIMARY });
        const unsupported = sseEvents(
          (await api.post(CHAT, ask({ stream: true, max_tokens: 64 }), free)).text,
        );
        expect(unsupported).not.toContain('[DONE]');
        expect(JSON.parse(unsupported.at(-1)!).error.code).toBe('upstream_unavailable');
      } finally {
        await api.put(
          '/api/v1/admin/model-config',
          { models: { [SECOND]: { supports_continuation: true } } },
          admin,
        );
      }
      await api.fault({ kind: 'stall', after_chunks: 2, count: 1, model: PRIMARY });
      await api.fault({ kind: 'content_policy', count: 5, model: SECOND });
      const failed = sseEvents((await api.post(CHAT, ask({ stream: true, max_tokens: 64 }), free)).text);
      expect(failed).not.toContain('[DONE]');
      const error = JSON.parse(failed.at(-1)!).error;
      expect(error.code).toBe('upstream_timeout');
      expect(error.message).not.toMatch(/content/);
    });

    it('a stream cut in the middle of a tool call is not finished by another model', async () => {
      await api.fault({ kind: 'cut', after_chunks: 2, count: 1, model: PRIMARY });
      const tool = {
        type: 'function',
        function: { name: 'lookup', parameters: { type: 'object', properties: { a: {}, b: {}, c: {} } } },
      };
      const response = await api.post(
        '/v1/chat/completions',
        {
          messages: [{ role: 'user', content: 'Look it up' }],
          tools: [tool],
          tool_choice: 'required',
          stream: true,
        },
        free,
      );
      expect(response.status).toBe(200);
      const events = sseEvents(response.text);
      expect(events).not.toContain('[DONE]');
      const chunks = events.map((e) => JSON.parse(e));
      expect(chunks[0].choices[0].delta.tool_calls[0]).toMatchObject({
        index: 0,
        function: { name: 'lookup' },
      });
      expect(chunks.at(-1).error.code).toBe('upstream_unavailable');
      expect((await api.simStats()).byModel).toEqual({ [PRIMARY]: 1 });
    });

    it('a stream cut before its first chunk goes to the next model', async () => {
      await api.fault({ kind: 'cut', after_chunks: 0, count: 20, model: PRIMARY });
      const response = await api.post(CHAT, ask({ stream: true }), free);
      expect(response.status).toBe(200);
      expect(sseEvents(response.text).at(-1)).toBe('[DONE]');
    });
  });

  describe('the chain has a time limit', () => {
    it('no new model is started once the budget is spent', async () => {
      const hurried = await TestApi.start({
        FALLBACK_CHAIN_BUDGET_MS: '1000',
        UPSTREAM_FIRST_BYTE_TIMEOUT_MS: '1200',
      });
      try {
        const user = await hurried.user();
        await hurried.fault({ kind: 'hang', count: 20, model: PRIMARY });
        const response = await hurried.post(CHAT, ask(), user.token);
        expect(response.status).toBe(504);
        expect(response.body.error.message).toContain('chain_time_limit');
        expect((await hurried.simStats()).byModel).toEqual({ [PRIMARY]: 1 });
      } finally {
        await hurried.close();
      }
    });
  });

  describe('model configuration (admin)', () => {
    it('reads the seeded configuration and reports models missing from the catalog', async () => {
      const config = await api.get('/api/v1/admin/model-config', admin);
      expect(config.status).toBe(200);
      expect(Object.keys(config.body.tiers).sort()).toEqual(['enterprise', 'free', 'premium']);
      expect(config.body.tiers.enterprise.routes.text.primary).toBe(
        'meta-llama/Meta-Llama-3.1-405B-Instruct-Turbo',
      );
      expect(config.body.warnings).toEqual([]);
      const imaginary = {
        tiers: { premium: { routes: { image: { primary: 'nobody/imaginary-model', fallbacks: [] } } } },
      };
      const refused = await api.put('/api/v1/admin/model-config', imaginary, admin);
      expect(refused.status).toBe(400);
      expect(refused.body.error.param).toBe('tiers.premium.routes.image.primary');
      const changed = await api.put('/api/v1/admin/model-config', { ...imaginary, force: true }, admin);
      expect(changed.status).toBe(200);
      expect(changed.body.warnings).toEqual([
        expect.stringContaining('nobody/imaginary-model (premium.image)'),
      ]);
      const audit = await api.get('/api/v1/admin/audit?action=model_config.update&page_size=1', admin);
      expect(audit.body.data[0].after.tiers.premium.routes.image.primary).toBe('nobody/imaginary-model');
    });

    it.each([
      [{ tiers: { gold: { routes: {} } } }, 'tiers.gold'],
      [{ tiers: { free: { routes: { video: { primary: 'x' } } } } }, 'tiers.free.routes.video'],
      [{ tiers: { free: { routes: { chat: { primary: null } } } } }, 'tiers.free.routes.chat.primary'],
      [{ tiers: { free: { routes: { chat: { primary: 'a b' } } } } }, 'tiers.free.routes.chat.primary'],
      [
        {
          tiers: {
            free: { routes: { chat: { primary: 'x', fallbacks: [{ model: 'y', provider: 'nope' }] } } },
          },
        },
        'tiers.free.routes.chat.fallbacks[0].provider',
      ],
      [{ models: { x: { supports_continuation: 'yes' } } }, 'models.x.supports_continuation'],
      [{ colour: 'blue' }, 'colour'],
      [{}, 'body'],
      [{ tiers: { free: { routes: { chat: null } } } }, 'tiers.free.routes.chat'],
      [
        { tiers: { free: { routes: { chat: { primary: 'x', fallbacks: ['y', 'a b'] } } } } },
        'tiers.free.routes.chat.fallbacks[1]',
      ],
      [
        {
          tiers: {
            free: { routes: { chat: { primary: 'x', purposes: { 'Not A Word': { primary: 'y' } } } } },
          },
        },
        'tiers.free.routes.chat.purposes.Not A Word',
      ],
      [
        {
          tiers: {
            free: {
              routes: { chat: { primary: 'x', purposes: { coding: { primary: 'y', purposes: {} } } } },
            },
          },
        },
        'tiers.free.routes.chat.purposes.coding.purposes',
      ],
      [{ tiers: { free: { allowed_models: ['fine', 'not fine'] } } }, 'tiers.free.allowed_models[1]'],
      [{ models: { x: null } }, 'models.x'],
    ])('refuses %j naming the field', async (body, param) => {
      const response = await api.put('/api/v1/admin/model-config', body, admin);
      expect(response.status).toBe(400);
      expect(response.body.error).toMatchObject({ code: 'validation_failed', param });
    });
  });
});

describe('circuit breakers shared across api instances (e2e)', () => {
  it('open after repeated failures, skip the model during the cool-down, probe, and close', async () => {
    const settings = {
      CIRCUIT_BREAKER_FAILURE_THRESHOLD: '2',
      CIRCUIT_BREAKER_WINDOW_MS: '60000',
      CIRCUIT_BREAKER_COOLDOWN_MS: '1500',
    };
    const first = await TestApi.start(settings);
    const second = await TestApi.start(settings, { shareWith: first });
    try {
      const user = await first.user();
      await first.fault({ kind: 'error', status: 500, count: 100, model: PRIMARY });
      for (let i = 0; i < 2; i++)
        expect((await first.post(CHAT, ask(), user.token)).body.model_id).toBe(SECOND);
      await first.resetSim();
      // The other instance sees the open breaker: the primary is not even called.
      const skipped = await second.post(CHAT, ask(), user.token);
      expect(skipped.body.model_id).toBe(SECOND);
      expect(skipped.body.model_source_indicator.fallback_reason).toBe('circuit_open');
      expect((await second.simStats()).byModel[PRIMARY]).toBeUndefined();
      // The cool-down passes on both instances' breaker clocks (synchronized, as servers' are).
      for (const api of [first, second]) api.app.get(BreakerClock).advance(1_600);
      // Cool-down over and the primary healthy again: one probe closes the breaker.
      const probed = await second.post(CHAT, ask(), user.token);
      expect(probed.body.model_id).toBe(PRIMARY);
      expect((await first.post(CHAT, ask(), user.token)).body.model_id).toBe(PRIMARY);
    } finally {
      await second.close();
      await first.close();
    }
  });
});

describe('a 6-second outage of the primary, two api instances (e2e, issue 15)', () => {
  it('goes straight to the fallback without spending retries on the open model, and serves from the primary again within 5 s of its recovery, on both instances', async () => {
    // Two failures open the breaker; the cool-downs are the defaults (2.5 s, doubled by each failed probe).
    const settings = { CIRCUIT_BREAKER_FAILURE_THRESHOLD: '2', CIRCUIT_BREAKER_WINDOW_MS: '30000' };
    const first = await TestApi.start(settings);
    const second = await TestApi.start(settings, { shareWith: first });
    const instances = [first, second];
    // Breaker time: both instances' clocks move together, 50 ms between requests, and nothing
    // sleeps (the upstream calls and the quota windows keep the real time).
    const clocks = instances.map((api) => api.app.get(BreakerClock));
    const now = () => clocks[0].now();
    const pause = () => clocks.forEach((clock) => clock.advance(50));
    try {
      const user = await first.user();
      await first.put(
        `/api/v1/admin/quotas/users/${user.id}`,
        { features: { text_generation: { requests_per_day: 10_000, tokens_per_day: 10_000_000 } } },
        await first.adminToken(),
      );
      let turn = 0;
      const next = () => instances[turn++ % 2];
      await first.fault({ kind: 'error', status: 500, count: 100_000, model: PRIMARY });
      const outageStart = now();
      const reasons = new Map<TestApi, Set<string>>(instances.map((api) => [api, new Set<string>()]));
      while (now() - outageStart < 6_000) {
        const api = next();
        const response = await api.post(CHAT, ask(), user.token);
        expect([response.status, response.body.model_id]).toEqual([200, SECOND]);
        reasons.get(api)!.add(response.body.model_source_indicator.fallback_reason);
        pause();
      }
      // Both instances skipped the open model; it was called by the two requests that opened the
      // breaker and by one probe (at 2.5 s; the next is due 5 s later), once each: no retries.
      for (const api of instances) expect(reasons.get(api)!.has('circuit_open')).toBe(true);
      expect((await first.simStats()).byModel[PRIMARY]).toBe(3);

      await first.clearFaults();
      const recovered = now();
      const servedAgain = new Map<TestApi, number>();
      while (servedAgain.size < 2 && now() - recovered < 20_000) {
        const api = next();
        const response = await api.post(CHAT, ask(), user.token);
        expect(response.status).toBe(200);
        if (response.body.model_id === PRIMARY && !servedAgain.has(api))
          servedAgain.set(api, now() - recovered);
        pause();
      }
      expect(servedAgain.size).toBe(2);
      for (const ms of servedAgain.values()) expect(ms).toBeLessThanOrEqual(5_000);
      // They agree from then on: the probe's success closed the one shared breaker.
      for (const api of instances)
        expect((await api.post(CHAT, ask(), user.token)).body.model_id).toBe(PRIMARY);
    } finally {
      await second.close();
      await first.close();
    }
  }, 60_000);
});

describe('failed fallback attempts in the usage ledger (e2e, issue 15)', () => {
  it('one row per model passed over on the way to an answer (zero tokens and cost, its failure), the request still one row, rollups counting requests', async () => {
    const api = await TestApi.start({ UPSTREAM_FIRST_BYTE_TIMEOUT_MS: '400' });
    const worker = await api.startWorker();
    try {
      const user = await api.user();
      const served = await api.post(CHAT, ask(), user.token);
      await api.fault({ kind: 'error', status: 500, count: 50, model: PRIMARY });
      await api.fault({ kind: 'hang', count: 50, model: SECOND });
      const rescued = await api.post(CHAT, ask(), user.token);
      expect(rescued.body.model_id).toBe(THIRD);
      await api.clearFaults();
      await api.fault({ kind: 'error', status: 500, count: 50 });
      const failed = await api.post(CHAT, ask(), user.token);
      expect([served.status, rescued.status, failed.status]).toEqual([200, 200, 502]);
      const rowsOf = () =>
        api.db.query<Record<string, any>>(
          'SELECT * FROM usage_events WHERE user_id = $1 ORDER BY request_id',
          [user.id],
        );
      await waitFor(async () => ((await rowsOf()).length >= 5 ? true : undefined), 20_000, '5 ledger rows');
      expect(await api.usageRows(user.id)).toBe(3); // the requests' own rows
      const rows = await rowsOf();
      const id = rescued.headers.get('x-request-id')!;
      expect(rows.map((row) => row.request_id).sort()).toEqual(
        [
          served.headers.get('x-request-id'),
          id,
          `${id}~1`,
          `${id}~2`,
          failed.headers.get('x-request-id'),
        ].sort(),
      );
      const byId = new Map(rows.map((row) => [row.request_id, row]));
      expect(byId.get(id)).toMatchObject({
        status: 200,
        served_model: THIRD,
        is_fallback: true,
        attempt_of: null,
      });
      const attempt = {
        attempt_of: id,
        provider: 'together_ai',
        key_source: 'system',
        prompt_tokens: 0,
        completion_tokens: 0,
        total_tokens: 0,
        is_fallback: false,
        cached: false,
      };
      expect(byId.get(`${id}~1`)).toMatchObject({
        ...attempt,
        served_model: PRIMARY,
        status: 502,
        error_code: 'upstream_unavailable',
      });
      expect(byId.get(`${id}~2`)).toMatchObject({
        ...attempt,
        served_model: SECOND,
        status: 504,
        error_code: 'upstream_timeout',
      });
      for (const n of [1, 2]) expect(Number(byId.get(`${id}~${n}`)!.cost_usd)).toBe(0);
      expect(byId.get(`${id}~2`)!.latency_ms).toBeGreaterThanOrEqual(300);
      // A request that failed everywhere keeps its one row, which lists what was tried.
      expect(byId.get(failed.headers.get('x-request-id'))).toMatchObject({ status: 502, attempt_of: null });

      // Reports count requests: three, one of them an error.
      const today = new Date().toISOString().slice(0, 10);
      const usage = await api.get(`/api/v1/me/usage?from=${today}&to=${today}`, user.token);
      expect(usage.body.totals.requests).toBe(3);
      const report = await api.get(`/api/v1/admin/usage?user_id=${user.id}`, await api.adminToken());
      expect(report.body.totals).toMatchObject({ requests: 3, errors: 1 });
    } finally {
      await worker.close();
      await api.close();
    }
  });
});

/** An OpenAI-compatible provider with one long-context model that the primary's catalog does not list. */
async function startLongContextProvider(): Promise<{
  baseUrl: string;
  calls: string[];
  close: () => Promise<void>;
}> {
  const calls: string[] = [];
  const server: Server = createServer((request, response) => {
    let body = '';
    request.on('data', (chunk: Buffer) => (body += chunk.toString()));
    request.on('end', () => {
      response.setHeader('content-type', 'application/json');
      if (request.method === 'GET' && request.url === '/v1/models') return void response.end('[]');
      if (request.method === 'POST' && request.url === '/v1/chat/completions') {
        const { model } = JSON.parse(body) as { model: string };
        calls.push(model);
        return void response.end(
          JSON.stringify({
            id: `longctx-${calls.length}`,
            object: 'chat.completion',
            model,
            choices: [
              { index: 0, message: { role: 'assistant', content: 'It all fits.' }, finish_reason: 'stop' },
            ],
            usage: { prompt_tokens: 12, completion_tokens: 4, total_tokens: 16 },
          }),
        );
      }
      response.statusCode = 404;
      response.end('{"error": {"message": "not found"}}');
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    baseUrl: `http://127.0.0.1:${port}/v1`,
    calls,
    close: () => {
      server.closeAllConnections();
      return new Promise((resolve) => server.close(() => resolve()));
    },
  };
}
