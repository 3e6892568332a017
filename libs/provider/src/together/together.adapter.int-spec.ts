import type { IncomingHttpHeaders } from 'node:http';
import { ErrorCode } from '@tiergate/common';
import { startSimulator } from '../../../../apps/upstream-sim/src/simulator';
import { UpstreamHttpClient } from '../http/upstream-http.client';
import type { ProviderCallContext, TextStreamEvent } from '../llm-provider';
import { ProviderError } from '../provider.errors';
import { TogetherAdapter } from './together.adapter';

const CHAT = 'meta-llama/Meta-Llama-3.1-8B-Instruct-Turbo';
const TIMEOUTS = { connectMs: 1_000, firstByteMs: 1_000, idleMs: 1_000, totalMs: 5_000 };

/** The Together adapter against the upstream simulator over real HTTP: Together's dialect both ways. */
describe('TogetherAdapter (against the simulator)', () => {
  let simulator: Awaited<ReturnType<typeof startSimulator>>;
  let http: UpstreamHttpClient;
  let adapter: TogetherAdapter;
  const context = (overrides: Partial<ProviderCallContext> = {}): ProviderCallContext => ({
    apiKey: 'sim-key-0001',
    requestId: 'req-adapter',
    ...overrides,
  });
  /** Arms a simulator fault for the next call (the control endpoint). */
  const arm = async (fault: Record<string, unknown>) => {
    const response = await fetch(`http://127.0.0.1:${simulator.port}/_sim/faults`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ count: 1, ...fault }),
    });
    if (response.status !== 201)
      throw new Error(`could not arm ${JSON.stringify(fault)}: ${response.status}`);
  };
  const failure = (promise: Promise<unknown>) =>
    promise.then(
      () => {
        throw new Error('expected the call to fail');
      },
      (error: unknown) => {
        if (!(error instanceof ProviderError)) throw error;
        return error;
      },
    );

  beforeAll(async () => {
    simulator = await startSimulator(0);
    http = new UpstreamHttpClient(simulator.baseUrl, TIMEOUTS, 16);
    adapter = new TogetherAdapter(http);
  });
  afterEach(() => fetch(`http://127.0.0.1:${simulator.port}/_sim/faults`, { method: 'DELETE' }));
  afterAll(async () => {
    await http.close();
    await simulator.close();
  });

  it('answers a chat with the content, the model and the usage the upstream reported', async () => {
    const headers: IncomingHttpHeaders[] = [];
    const answer = await adapter.chat(
      {
        model: CHAT,
        messages: [{ role: 'user', content: 'Say hello #sim tokens=7' }],
        maxTokens: 50,
        seed: 3,
      },
      context({ onHeaders: (h) => headers.push(h) }),
    );
    expect(answer.model).toBe(CHAT);
    expect(answer.content.length).toBeGreaterThan(0);
    expect(answer.finishReason).toBe('stop');
    expect(answer.usage.completionTokens).toBe(7);
    expect(answer.usage.totalTokens).toBe(answer.usage.promptTokens + 7);
    expect(headers).toHaveLength(1); // pacing reads the rate-limit room from every answer
  });

  it('streams a chat as deltas and one end event with the usage', async () => {
    const stream = await adapter.chatStream(
      { model: CHAT, messages: [{ role: 'user', content: 'Stream #sim tokens=5' }] },
      context(),
    );
    const events: TextStreamEvent[] = [];
    for await (const event of stream) events.push(event);
    const deltas = events.filter((event) => event.type === 'delta');
    expect(deltas).toHaveLength(5);
    expect(events.at(-1)).toMatchObject({
      type: 'end',
      finishReason: 'stop',
      usage: { completionTokens: 5 },
    });
    expect(stream.model).toBe(CHAT);
  });

  it('completes a raw prompt, and embeds several inputs as one vector each', async () => {
    const completion = await adapter.complete(
      { model: CHAT, prompt: 'Once upon a time #sim tokens=4' },
      context(),
    );
    expect(completion.usage.completionTokens).toBe(4);
    const embeddings = await adapter.embed(
      { model: 'BAAI/bge-base-en-v1.5', input: ['one', 'two', 'three'] },
      context(),
    );
    expect(embeddings.vectors).toHaveLength(3);
    expect(new Set(embeddings.vectors.map((vector) => vector.length)).size).toBe(1);
    expect(embeddings.vectors[0].length).toBeGreaterThan(0);
  });

  it('generates images, then speaks text as audio that transcribes back', async () => {
    const images = await adapter.generateImages(
      { model: 'black-forest-labs/FLUX.1-schnell', prompt: 'a lighthouse', n: 2, width: 512, height: 512 },
      context(),
    );
    expect(images.images).toHaveLength(2);
    expect(images.images[0].contentType).toMatch(/^image\//);
    expect(images.images[0].data.length).toBeGreaterThan(0);

    const speech = await adapter.speak(
      {
        model: 'hexgrad/Kokoro-82M',
        input: 'Hello from the adapter test.',
        voice: 'af_alloy',
        format: 'wav',
      },
      context(),
    );
    expect(speech.audio.subarray(0, 4).toString('latin1')).toBe('RIFF');
    const transcription = await adapter.transcribe(
      {
        model: 'openai/whisper-large-v3',
        audio: speech.audio,
        filename: 'hello.wav',
        contentType: 'audio/wav',
      },
      context(),
    );
    expect(typeof transcription.text).toBe('string');
    expect(transcription.text.length).toBeGreaterThan(0);
  });

  describe('maps the upstream failures to our error codes', () => {
    const chat = () => adapter.chat({ model: CHAT, messages: [{ role: 'user', content: 'hi' }] }, context());

    it('a refused key: 401, upstream_auth_failed', async () => {
      const error = await failure(
        adapter.chat(
          { model: CHAT, messages: [{ role: 'user', content: 'hi' }] },
          context({ apiKey: 'invalid-key' }),
        ),
      );
      expect(error.code).toBe(ErrorCode.UpstreamAuthFailed);
      expect(error.upstreamStatus).toBe(401);
    });

    it('a model the upstream does not serve: model_not_available', async () => {
      const error = await failure(
        adapter.chat(
          { model: 'nobody/no-such-model', messages: [{ role: 'user', content: 'hi' }] },
          context(),
        ),
      );
      expect(error.code).toBe(ErrorCode.ModelNotAvailable);
    });

    it('a 429 with retry-after: upstream_rate_limited, with the seconds to wait', async () => {
      await arm({ kind: 'error', status: 429, retry_after: 2 });
      const error = await failure(chat());
      expect(error.code).toBe(ErrorCode.UpstreamRateLimited);
      expect(error.retryAfterSeconds).toBe(2);
    });

    it('a 503: upstream_unavailable; a context overflow: context_length_exceeded', async () => {
      await arm({ kind: 'error', status: 503 });
      expect((await failure(chat())).code).toBe(ErrorCode.UpstreamUnavailable);
      await arm({ kind: 'context_length' });
      expect((await failure(chat())).code).toBe(ErrorCode.ContextLengthExceeded);
    });

    it('no first byte in time: upstream_timeout', async () => {
      await arm({ kind: 'hang' });
      expect((await failure(chat())).code).toBe(ErrorCode.UpstreamTimeout);
    });

    it('a stream cut after two chunks raises after handing them on, never ends cleanly', async () => {
      await arm({ kind: 'cut', after_chunks: 2 });
      const stream = await adapter.chatStream(
        { model: CHAT, messages: [{ role: 'user', content: 'Stream #sim tokens=10' }] },
        context(),
      );
      const deltas: string[] = [];
      const ended = (async () => {
        for await (const event of stream) if (event.type === 'delta') deltas.push(event.content);
      })();
      await failure(ended);
      expect(deltas).toHaveLength(2);
    });
  });
});
