import { sseEvents, waitFor } from '@tiergate/testing';
import { TestApi } from './support/test-api';

const CHAT = '/api/v1/together/chat/completions';
const DEFAULT_MODEL = 'meta-llama/Meta-Llama-3.1-8B-Instruct-Turbo';
const ask = (content: string, extra: object = {}) => ({ messages: [{ role: 'user', content }], ...extra });

describe('POST /api/v1/together/chat/completions (e2e)', () => {
  let api: TestApi;
  let token: string;

  beforeAll(async () => {
    api = await TestApi.start({ UPSTREAM_FIRST_BYTE_TIMEOUT_MS: '1000', UPSTREAM_IDLE_TIMEOUT_MS: '1000' });
    token = (await api.user()).token;
  });
  afterAll(() => api.close());
  afterEach(() => api.resetSim());

  it('answers in the Together-surface shape with usage consistent with the content', async () => {
    const response = await api.post(
      CHAT,
      ask('What is artificial intelligence?', { max_tokens: 64, temperature: 0.7, purpose: 'educational' }),
      token,
    );
    expect(response.status).toBe(200);
    expect(response.body).toEqual({
      id: response.headers.get('x-request-id'),
      message: { role: 'assistant', content: expect.any(String) },
      finish_reason: 'stop',
      usage: {
        prompt_tokens: 7,
        completion_tokens: expect.any(Number),
        total_tokens: expect.any(Number),
        cost_usd: expect.any(Number),
      },
      model_id: DEFAULT_MODEL,
      provider: 'together_ai',
      key_source: 'system',
      model_source_indicator: {
        provider_id: 'together_ai',
        display_name: 'Together AI',
        is_free_tier: true,
        is_fallback: false,
        fallback_reason: null,
        fallback_strategy: null,
        requested_model: null,
        served_model: DEFAULT_MODEL,
        key_source: 'system',
        cached: false,
      },
    });
    expect(response.headers.get('x-tiergate-key-source')).toBe('system');
    // The catalog's price for the 8B model is $0.18 per million tokens, in and out.
    const { total_tokens } = response.body.usage;
    expect(response.body.usage.cost_usd).toBeCloseTo((total_tokens * 0.18) / 1e6, 10);
    expect(Number(response.headers.get('x-tiergate-cost-usd'))).toBeCloseTo(response.body.usage.cost_usd, 10);
    expect(response.headers.get('x-tiergate-model')).toBe(DEFAULT_MODEL);
    const { usage, message } = response.body;
    expect(usage.completion_tokens).toBe(message.content.split(' ').length);
    expect(usage.total_tokens).toBe(usage.prompt_tokens + usage.completion_tokens);
  });

  it('respects max_tokens and a named model', async () => {
    const response = await api.post(
      CHAT,
      ask('#sim tokens=50', { max_tokens: 5, model: 'openai/gpt-oss-20b' }),
      token,
    );
    expect(response.status).toBe(200);
    expect(response.body).toMatchObject({
      finish_reason: 'length',
      model_id: 'openai/gpt-oss-20b',
    });
    expect(response.body.usage.completion_tokens).toBe(5);
  });

  it('streams server-sent events that end with usage and [DONE]', async () => {
    const response = await api.post(CHAT, ask('#sim tokens=6', { stream: true }), token);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toMatch(/^text\/event-stream/);
    const events = sseEvents(response.text);
    expect(events.at(-1)).toBe('[DONE]');
    const chunks = events.slice(0, -1).map((e) => JSON.parse(e));
    expect(chunks).toHaveLength(7);
    expect(chunks[0]).toMatchObject({
      id: expect.any(String),
      model_id: DEFAULT_MODEL,
      provider: 'together_ai',
      delta: { content: expect.any(String) },
      key_source: 'system',
      model_source_indicator: { is_fallback: false, served_model: DEFAULT_MODEL },
    });
    expect(chunks[1]).not.toHaveProperty('model_source_indicator');
    expect(chunks.at(-1)).toMatchObject({
      finish_reason: 'stop',
      usage: { prompt_tokens: 5, completion_tokens: 6, total_tokens: 11 },
      model_source_indicator: { is_fallback: false },
    });
    const text = chunks.map((c) => c.delta.content).join('');
    expect(text.split(' ')).toHaveLength(6);
  });

  it('accepts a personal API key as the bearer', async () => {
    const key = await api.post('/api/v1/me/api-keys', { name: 'sdk' }, token);
    const response = await api.post(CHAT, ask('hello'), key.body.key);
    expect(response.status).toBe(200);
    expect(response.body.provider).toBe('together_ai');
  });

  it('passes a response format and the decoding options on to the model', async () => {
    const response = await api.post(
      CHAT,
      ask('In JSON #sim tokens=4', {
        response_format: { type: 'json_object' },
        top_k: 50,
        repetition_penalty: 1.1,
      }),
      token,
    );
    expect(response.status).toBe(200);
    expect(JSON.parse(response.body.message.content)).toEqual({ answer: expect.any(String) });
    expect(response.body.usage.completion_tokens).toBe(4);
  });

  it("shows a reasoning model's thinking as message.reasoning, and first in a stream", async () => {
    const whole = await api.post(CHAT, ask('Think #sim reasoning=2 tokens=3'), token);
    expect(whole.status).toBe(200);
    expect(whole.body.message).toEqual({
      role: 'assistant',
      content: expect.any(String),
      reasoning: 'first consider',
    });
    expect(whole.body.usage.completion_tokens).toBe(5);
    const streamed = await api.post(CHAT, ask('Think #sim reasoning=2 tokens=3', { stream: true }), token);
    const events = sseEvents(streamed.text)
      .slice(0, -1)
      .map((e) => JSON.parse(e));
    expect(events.slice(0, 2).map((e) => e.delta)).toEqual([
      { content: '', reasoning: 'first' },
      { content: '', reasoning: ' consider' },
    ]);
    expect(events[0].model_source_indicator).toBeDefined();
    expect(events.map((e) => e.delta.content).join('')).toBe(whole.body.message.content);
  });

  describe('bad input never reaches the upstream', () => {
    it.each([
      ['no messages', { messages: [] }, 'messages'],
      ['a bad role', { messages: [{ role: 'robot', content: 'x' }] }, 'messages[0].role'],
      ['non-string content', { messages: [{ role: 'user', content: 42 }] }, 'messages[0].content'],
      ['max_tokens too large', ask('x', { max_tokens: 10_000_000 }), 'max_tokens'],
      ['max_tokens zero', ask('x', { max_tokens: 0 }), 'max_tokens'],
      ['temperature out of range', ask('x', { temperature: 3 }), 'temperature'],
      ['stream not boolean', ask('x', { stream: 'yes' }), 'stream'],
      ['an unknown field', ask('x', { frequency_penalty_typo: 1 }), 'frequency_penalty_typo'],
      ['a bad model id', ask('x', { model: 'has spaces in it' }), 'model'],
      ['top_k zero', ask('x', { top_k: 0 }), 'top_k'],
      ['min_p above 1', ask('x', { min_p: 1.5 }), 'min_p'],
      ['frequency_penalty below -2', ask('x', { frequency_penalty: -2.5 }), 'frequency_penalty'],
      ['a logit_bias over 100', ask('x', { logit_bias: { '13': 101 } }), 'logit_bias'],
      ['a seed past 64 bits', ask('x', { seed: 1e300 }), 'seed'],
      [
        'a reasoning switch that is not a boolean',
        ask('x', { reasoning: { enabled: 1 } }),
        'reasoning.enabled',
      ],
      [
        'a regex format without a pattern',
        ask('x', { response_format: { type: 'regex' } }),
        'response_format',
      ],
    ])('400 for %s, naming %s', async (_name, body, field) => {
      const before = api.sim.stats.requests;
      const response = await api.post(CHAT, body, token);
      expect(response.status).toBe(400);
      expect(response.body).toEqual({
        error: {
          message: expect.stringContaining(field.split('[')[0]),
          type: 'invalid_request_error',
          code: 'validation_failed',
          param: field,
        },
        request_id: expect.any(String),
      });
      expect(api.sim.stats.requests).toBe(before);
    });

    it.each([
      ['without messages', { max_tokens: 8 }, 'messages', 'messages is required'],
      ['with a message that is an array', { messages: [[]] }, 'messages', 'messages[0] must be an object'],
      [
        'with a message that is not an object',
        { messages: [{ role: 'user', content: 'x' }, 7] },
        'messages',
        'messages[1] must be an object',
      ],
      [
        'without content',
        { messages: [{ role: 'user' }] },
        'messages[0].content',
        'messages[0].content is required',
      ],
    ])('400 %s says exactly what is wrong', async (_name, body, param, message) => {
      const response = await api.post(CHAT, body, token);
      expect(response.status).toBe(400);
      expect(response.body.error).toMatchObject({ code: 'validation_failed', param, message });
    });

    it('400 for malformed JSON and for a body that is not an object', async () => {
      const malformed = await api.request('POST', CHAT, {
        raw: '{"messages": [',
        token,
        headers: { 'content-type': 'application/json' },
      });
      expect(malformed.status).toBe(400);
      expect(malformed.body.error.type).toBe('invalid_request_error');
      const array = await api.request('POST', CHAT, {
        raw: '[1,2]',
        token,
        headers: { 'content-type': 'application/json' },
      });
      expect(array.status).toBe(400);
      expect(array.body.error.message).toBe('The request body must be a JSON object');
    });

    it('413 for a body over the limit, 415 for a non-JSON body', async () => {
      const huge = await api.post(CHAT, ask('x'.repeat(2 * 1024 * 1024)), token);
      expect(huge.status).toBe(413);
      expect(huge.body.error).toMatchObject({ code: 'payload_too_large' });
      const text = await api.request('POST', CHAT, {
        raw: 'hello',
        token,
        headers: { 'content-type': 'text/plain' },
      });
      expect(text.status).toBe(415);
      expect(text.body.error.code).toBe('unsupported_media_type');
      expect(text.body.error.message).toMatch(
        /Content-Type text\/plain is not accepted: send a JSON body with Content-Type: application\/json/,
      );
    });

    it('401 without a token, never HTML', async () => {
      const response = await api.post(CHAT, ask('x'));
      expect(response.status).toBe(401);
      expect(response.headers.get('content-type')).toMatch(/application\/json/);
      expect(response.body.error.code).toBe('unauthenticated');
    });

    it('404 in the error shape for an unknown route', async () => {
      const response = await api.get('/api/v1/nothing-here', token);
      expect(response.status).toBe(404);
      expect(response.body.error.code).toBe('not_found');
    });
  });

  describe('upstream failures become clear gateway errors (one model: fallbacks off)', () => {
    beforeAll(async () => {
      await api.put('/api/v1/admin/flags', { together_ai_fallback: false }, await api.adminToken());
    });
    afterAll(async () => {
      await api.put('/api/v1/admin/flags', { together_ai_fallback: true }, await api.adminToken());
    });

    it('an unknown model is a 400 naming the model', async () => {
      const response = await api.post(CHAT, ask('x', { model: 'nobody/no-such-model' }), token);
      expect(response.status).toBe(400);
      expect(response.body.error).toMatchObject({ code: 'model_not_available', param: 'model' });
      expect(response.body.error.message).toContain('nobody/no-such-model');
    });

    it('the upstream rejecting the only system key is a 503 that says so and does not leak the key', async () => {
      const rejecting = await TestApi.start({ TOGETHER_API_KEY: 'invalid-key-for-test-0001' });
      try {
        const user = await rejecting.user();
        const response = await rejecting.post(CHAT, ask('x'), user.token);
        expect(response.status).toBe(503);
        expect(response.body.error).toMatchObject({ code: 'no_system_key', type: 'service_unavailable' });
        expect(response.text).not.toContain('invalid-key-for-test-0001');
        const [key] = await rejecting.db.query<{ status: string }>(`SELECT status FROM provider_keys`);
        expect(key.status).toBe('invalid');
      } finally {
        await rejecting.close();
      }
    });

    it.each([
      [{ kind: 'error', status: 500 }, 502, 'upstream_unavailable', 3],
      [{ kind: 'error', status: 503 }, 502, 'upstream_unavailable', 3],
      [{ kind: 'reset' }, 502, 'upstream_unavailable', 3],
      [{ kind: 'hang' }, 504, 'upstream_timeout', 1],
      [{ kind: 'malformed' }, 502, 'upstream_protocol_error', 1],
    ])('a lasting fault %j → %i %s after %i upstream attempts', async (fault, status, code, attempts) => {
      await api.resetSim();
      await api.fault({ ...fault, count: 10 });
      const response = await api.post(CHAT, ask('x'), token);
      expect(response.status).toBe(status);
      expect(response.body.error.code).toBe(code);
      expect(response.body.request_id).toBe(response.headers.get('x-request-id'));
      expect((await api.simStats()).byPath['/v1/chat/completions']).toBe(attempts);
    });

    it.each([[{ kind: 'error', status: 503 }], [{ kind: 'error', status: 502 }], [{ kind: 'reset' }]])(
      'a passing fault %j is retried and the client sees only the success',
      async (fault) => {
        await api.resetSim();
        await api.fault({ ...fault, count: 1 });
        const response = await api.post(CHAT, ask('x'), token);
        expect(response.status).toBe(200);
        expect(response.body.message.content).toBeTruthy();
        expect((await api.simStats()).byPath['/v1/chat/completions']).toBe(2);
      },
    );

    it('a 429 with retry-after is waited out as told, then succeeds', async () => {
      await api.resetSim();
      await api.fault({ kind: 'error', status: 429, retry_after: 1 });
      const started = Date.now();
      const response = await api.post(CHAT, ask('x'), token);
      expect(response.status).toBe(200);
      expect(Date.now() - started).toBeGreaterThanOrEqual(1000); // a lower bound: the wait happened
      expect((await api.simStats()).byPath['/v1/chat/completions']).toBe(2);
    });

    it('a 429 asking for a wait beyond the retry budget is passed on at once with its retry-after', async () => {
      await api.resetSim();
      await api.fault({ kind: 'error', status: 429, retry_after: 120 });
      const response = await api.post(CHAT, ask('x'), token);
      expect(response.status).toBe(429);
      expect(response.headers.get('retry-after')).toBe('120');
      expect(response.body.error).toMatchObject({ code: 'upstream_rate_limited', type: 'rate_limit_error' });
      expect((await api.simStats()).byPath['/v1/chat/completions']).toBe(1);
    });

    it('a 400 from the upstream is not retried', async () => {
      await api.resetSim();
      await api.fault({ kind: 'error', status: 400 });
      const response = await api.post(CHAT, ask('x'), token);
      expect(response.status).toBe(400);
      expect(response.body.error.code).toBe('upstream_bad_request');
      expect((await api.simStats()).byPath['/v1/chat/completions']).toBe(1);
    });

    it('a failure before the first streamed byte is retried; a lasting one is a plain JSON error', async () => {
      await api.fault({ kind: 'error', status: 500, count: 1 });
      const retried = await api.post(CHAT, ask('x', { stream: true }), token);
      expect(retried.status).toBe(200);
      expect(sseEvents(retried.text).at(-1)).toBe('[DONE]');

      await api.fault({ kind: 'error', status: 500, count: 10 });
      const response = await api.post(CHAT, ask('x', { stream: true }), token);
      expect(response.status).toBe(502);
      expect(response.headers.get('content-type')).toMatch(/application\/json/);
      await api.clearFaults();
    });

    it.each([
      [{ kind: 'cut', after_chunks: 2 }, 'upstream_unavailable'],
      [{ kind: 'stall', after_chunks: 2 }, 'upstream_timeout'],
      [{ kind: 'malformed', after_chunks: 2 }, 'upstream_protocol_error'],
    ])(
      'a stream that dies half way (%j) ends with an in-band error event, not [DONE]',
      async (fault, code) => {
        await api.fault(fault);
        const response = await api.post(CHAT, ask('#sim tokens=8', { stream: true }), token);
        expect(response.status).toBe(200);
        const events = sseEvents(response.text);
        expect(events).not.toContain('[DONE]');
        expect(events.slice(0, 2).map((e) => JSON.parse(e).delta.content)).toHaveLength(2);
        const last = JSON.parse(events.at(-1)!);
        expect(last.error.code).toBe(code);
        expect(last.request_id).toBe(response.headers.get('x-request-id'));
      },
    );

    it('a stream without [DONE] after its finish chunk still completes', async () => {
      await api.fault({ kind: 'no_done' });
      const response = await api.post(CHAT, ask('#sim tokens=3', { stream: true }), token);
      const events = sseEvents(response.text);
      expect(events.at(-1)).toBe('[DONE]');
      expect(JSON.parse(events.at(-2)!).usage.completion_tokens).toBe(3);
    });

    it('a client that disconnects aborts the upstream stream', async () => {
      const controller = new AbortController();
      const response = await fetch(api.url + CHAT, {
        method: 'POST',
        headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
        body: JSON.stringify(ask('#sim tokens=1000 delay=20', { stream: true })),
        signal: controller.signal,
      });
      const reader = response.body!.getReader();
      await reader.read();
      controller.abort();
      const abandoned = await waitFor(
        () => (api.sim.stats.streamsAbandoned > 0 ? api.sim.stats.streamsAbandoned : undefined),
        5_000,
        'the upstream stream to be aborted',
      );
      expect(abandoned).toBe(1);
    });
  });

  it('reports readiness of the database, Redis and the upstream', async () => {
    const ready = await api.get('/health/ready');
    expect(ready.status).toBe(200);
    expect(ready.body.details).toMatchObject({
      database: { status: 'up' },
      redis: { status: 'up' },
      upstream: { status: 'up' },
    });
  });
});
