import OpenAI, { toFile } from 'openai';
import { zodResponseFormat, zodTextFormat } from 'openai/helpers/zod';
import { z } from 'zod';
import Together from 'together-ai';
import { wavAudio } from '../../upstream-sim/src/media';
import { TestApi } from './support/test-api';

/** The official SDKs, unchanged, pointed at Tiergate's /v1 with a personal API key. */
describe('OpenAI-compatible surface with the official SDKs (e2e)', () => {
  let api: TestApi;
  let openai: OpenAI;
  let together: Together;

  beforeAll(async () => {
    api = await TestApi.start();
    const user = await api.user();
    // Every test here speaks as this one free user: its daily text and vision quotas are lifted, so
    // that the suite's size does not decide which test meets the limit (quotas have their own suite).
    await api.put(
      `/api/v1/admin/quotas/users/${user.id}`,
      {
        features: {
          text_generation: { requests_per_day: null, tokens_per_day: null },
          vision_analysis: { requests_per_day: null },
        },
      },
      await api.adminToken(),
    );
    const key = await api.post('/api/v1/me/api-keys', { name: 'sdk' }, user.token);
    openai = new OpenAI({ apiKey: key.body.key, baseURL: `${api.url}/v1`, maxRetries: 0 });
    together = new Together({ apiKey: key.body.key, baseURL: `${api.url}/v1`, maxRetries: 0 });
  });
  afterAll(() => api.close());

  describe('openai', () => {
    it('chat', async () => {
      const answer = await openai.chat.completions.create({
        model: 'meta-llama/Meta-Llama-3.1-8B-Instruct-Turbo',
        messages: [
          { role: 'developer', content: 'Be brief.' },
          { role: 'user', content: 'Hello #sim tokens=5' },
        ],
      });
      expect(answer.object).toBe('chat.completion');
      expect(answer.choices[0].message.content?.trim().split(' ')).toHaveLength(5);
      expect(answer.usage).toMatchObject({ completion_tokens: 5 });
    });

    it('chat stream ends with usage', async () => {
      const stream = await openai.chat.completions.create({
        model: 'meta-llama/Meta-Llama-3.1-8B-Instruct-Turbo',
        messages: [{ role: 'user', content: 'Hi #sim tokens=4' }],
        stream: true,
        stream_options: { include_usage: true },
      });
      let text = '';
      let usage: OpenAI.CompletionUsage | null | undefined;
      let finish: string | null = null;
      for await (const chunk of stream) {
        text += chunk.choices[0]?.delta?.content ?? '';
        finish = chunk.choices[0]?.finish_reason ?? finish;
        usage = chunk.usage ?? usage;
      }
      expect(text.trim().split(' ')).toHaveLength(4);
      expect(finish).toBe('stop');
      expect(usage).toMatchObject({ completion_tokens: 4, total_tokens: expect.any(Number) });
    });

    it('a stream without include_usage has a choice in every chunk, and the usage on the finish chunk', async () => {
      const stream = await openai.chat.completions.create({
        model: 'meta-llama/Meta-Llama-3.1-8B-Instruct-Turbo',
        messages: [{ role: 'user', content: 'Hi #sim tokens=3' }],
        stream: true,
      });
      const chunks: OpenAI.ChatCompletionChunk[] = [];
      for await (const chunk of stream) chunks.push(chunk);
      expect(chunks.every((chunk) => chunk.choices.length === 1)).toBe(true);
      expect(chunks.at(-1)!.choices[0].finish_reason).toBe('stop');
      expect(chunks.at(-1)!.usage).toMatchObject({ completion_tokens: 3 });
    });

    it('vision parts go to a vision model', async () => {
      const answer = await openai.chat.completions.create({
        model: 'Qwen/Qwen3.5-9B',
        messages: [
          {
            role: 'user',
            content: [
              { type: 'text', text: 'What is here?' },
              { type: 'image_url', image_url: { url: 'https://example.com/a.png' } },
            ],
          },
        ],
      });
      expect(answer.choices[0].message.content).toBeTruthy();
    });

    it('completions', async () => {
      const answer = await openai.completions.create({
        model: 'meta-llama/Meta-Llama-3.1-8B-Instruct-Turbo',
        prompt: 'Once upon a time #sim tokens=3',
      });
      expect(answer.choices[0].text.trim().split(' ')).toHaveLength(3);
      expect(answer.usage?.completion_tokens).toBe(3);
    });

    it('completions with logprobs, in the legacy shape', async () => {
      const model = 'meta-llama/Meta-Llama-3.1-8B-Instruct-Turbo';
      const answer = await openai.completions.create({
        model,
        prompt: 'Once upon #sim tokens=3',
        logprobs: 2,
      });
      const { text, logprobs } = answer.choices[0];
      expect(logprobs!.tokens!.join('')).toBe(text);
      expect(logprobs!.token_logprobs).toHaveLength(3);
      expect(logprobs!.top_logprobs!.map((top) => Object.keys(top).length)).toEqual([2, 2, 2]);
      const starts = logprobs!.tokens!.map((_, i) => logprobs!.tokens!.slice(0, i).join('').length);
      expect(logprobs!.text_offset).toEqual(starts);
      const plain = await openai.completions.create({ model, prompt: 'Once upon #sim tokens=3' });
      expect(plain.choices[0].logprobs).toBeNull();
      const refused = await openai.completions
        .create({ model, prompt: 'x', logprobs: 6 })
        .catch((e: InstanceType<typeof OpenAI.BadRequestError>) => [e.status, e.param]);
      expect(refused).toEqual([400, 'logprobs']);
    });

    it("streams carry each piece's logprobs when they are asked for, chat and completions", async () => {
      const model = 'meta-llama/Meta-Llama-3.1-8B-Instruct-Turbo';
      const chat = await openai.chat.completions.create({
        model,
        messages: [{ role: 'user', content: 'Hi #sim tokens=3' }],
        logprobs: true,
        stream: true,
      });
      const tokens: Array<{ token: string; logprob: number }> = [];
      let text = '';
      for await (const chunk of chat) {
        text += chunk.choices[0]?.delta?.content ?? '';
        for (const entry of chunk.choices[0]?.logprobs?.content ?? []) tokens.push(entry);
      }
      expect(tokens).toHaveLength(3);
      expect(tokens.map((t) => t.token).join('')).toBe(text);
      expect(tokens.every((t) => typeof t.logprob === 'number' && t.logprob <= 0)).toBe(true);

      const prompt = 'Once upon #sim tokens=3';
      const completion = await openai.completions.create({
        model,
        prompt,
        logprobs: 0,
        echo: true,
        stream: true,
      });
      const pieces: Array<{ text: string; offsets: number[] | undefined }> = [];
      for await (const chunk of completion) {
        const choice = chunk.choices[0];
        if (choice?.text) pieces.push({ text: choice.text, offsets: choice.logprobs?.text_offset });
      }
      expect(pieces[0]).toEqual({ text: prompt, offsets: undefined }); // the echoed prompt has none
      // Each piece's offset is where it starts in the whole text, echoed prompt included.
      const starts = pieces.map((_, i) => pieces.slice(0, i).reduce((n, p) => n + p.text.length, 0));
      expect(pieces.slice(1).map((p) => p.offsets)).toEqual(starts.slice(1).map((start) => [start]));

      const plain = await openai.chat.completions.create({
        model,
        messages: [{ role: 'user', content: 'Hi #sim tokens=2' }],
        stream: true,
      });
      for await (const chunk of plain) expect(chunk.choices[0]?.logprobs ?? null).toBeNull();
    });

    it('completions with echo: the prompt first, in the text, the logprobs and the stream', async () => {
      const model = 'meta-llama/Meta-Llama-3.1-8B-Instruct-Turbo';
      const prompt = 'Once upon #sim tokens=3';
      const plain = await openai.completions.create({ model, prompt, echo: true });
      expect(plain.choices[0].text.startsWith(prompt)).toBe(true);
      expect(plain.choices[0].text.length).toBeGreaterThan(prompt.length);

      // Scoring a prompt (as evaluation harnesses do): its tokens' logprobs, then the answer's.
      const scored = await openai.completions.create({ model, prompt, echo: true, logprobs: 1 });
      const { text, logprobs } = scored.choices[0];
      expect(text.startsWith(prompt)).toBe(true);
      expect(logprobs!.tokens!.join('')).toBe(text);
      expect(logprobs!.tokens!.slice(0, 4).join('')).toBe(prompt); // a word is a token in the simulator
      expect(logprobs!.token_logprobs![0]).toBeNull(); // nothing comes before the first token
      expect(logprobs!.top_logprobs![0]).toBeNull();
      expect(logprobs!.token_logprobs!.slice(1).every((p) => typeof p === 'number')).toBe(true);
      expect(logprobs!.token_logprobs).toHaveLength(4 + 3);
      const starts = logprobs!.tokens!.map((_, i) => logprobs!.tokens!.slice(0, i).join('').length);
      expect(logprobs!.text_offset).toEqual(starts);

      const stream = await openai.completions.create({ model, prompt, echo: true, stream: true });
      const pieces: string[] = [];
      for await (const chunk of stream) pieces.push(chunk.choices[0]?.text ?? '');
      expect(pieces[0]).toBe(prompt);
      expect(pieces.join('').length).toBeGreaterThan(prompt.length);
    });

    it('images, as a link and as base64', async () => {
      const linked = await openai.images.generate({
        model: 'dall-e-3',
        prompt: 'A fox',
        size: '256x256',
      });
      const file = await fetch(linked.data![0].url!);
      expect(file.headers.get('content-type')).toBe('image/png');
      const inline = await openai.images.generate({
        prompt: 'A fox',
        size: '256x256',
        response_format: 'b64_json',
      });
      expect(Buffer.from(inline.data![0].b64_json!, 'base64').subarray(1, 4).toString()).toBe('PNG');
    });

    it('transcription upload', async () => {
      const answer = await openai.audio.transcriptions.create({
        model: 'whisper-1',
        file: await toFile(wavAudio(1.2, 16_000, 'sdk upload works'), 'a.wav', { type: 'audio/wav' }),
      });
      expect(answer.text).toBe('sdk upload works');
      const verbose = await openai.audio.transcriptions.create({
        model: 'openai/whisper-large-v3',
        file: await toFile(wavAudio(1.2, 16_000, 'again'), 'a.wav', { type: 'audio/wav' }),
        response_format: 'verbose_json',
      });
      expect(verbose).toMatchObject({ text: 'again', duration: 1.2 });
    });

    it("translation upload: English text, through the upstream's translations endpoint", async () => {
      const before = (await api.simStats()).byPath['/v1/audio/translations'] ?? 0;
      const answer = await openai.audio.translations.create({
        model: 'whisper-1',
        file: await toFile(wavAudio(1.2, 16_000, 'bonjour tout le monde'), 'a.wav', { type: 'audio/wav' }),
      });
      expect(answer.text).toBe('bonjour tout le monde'); // the simulator's speech is its own translation
      const verbose = await openai.audio.translations.create({
        model: 'openai/whisper-large-v3',
        file: await toFile(wavAudio(0.8, 16_000, 'again'), 'a.wav', { type: 'audio/wav' }),
        response_format: 'verbose_json',
      });
      expect(verbose).toMatchObject({ task: 'translate', language: 'english', text: 'again', duration: 0.8 });
      const text = await openai.audio.translations.create({
        model: 'whisper-1',
        file: await toFile(wavAudio(0.8, 16_000, 'plain'), 'a.wav', { type: 'audio/wav' }),
        response_format: 'text',
      });
      expect((text as unknown as string).trim()).toBe('plain'); // the SDK hands back the body as text
      expect((await api.simStats()).byPath['/v1/audio/translations']).toBe(before + 3);
    });

    it('speech', async () => {
      const response = await openai.audio.speech.create({
        model: 'tts-1',
        voice: 'alloy',
        input: 'Hello there',
      });
      expect(response.headers.get('content-type')).toBe('audio/mpeg');
      expect(Buffer.from(await response.arrayBuffer()).length).toBeGreaterThan(1000);
    });

    it('embeddings (the SDK asks for base64 and decodes it)', async () => {
      const answer = await openai.embeddings.create({
        model: 'intfloat/multilingual-e5-large-instruct',
        input: ['a', 'b'],
      });
      expect(answer.data).toHaveLength(2);
      expect(answer.data[0].embedding).toHaveLength(1024);
      const norm = Math.sqrt(answer.data[0].embedding.reduce((s, v) => s + v * v, 0));
      expect(norm).toBeCloseTo(1, 3);
    });

    it('models', async () => {
      const page = await openai.models.list();
      expect(page.data.map((m) => m.id)).toContain('meta-llama/Meta-Llama-3.1-8B-Instruct-Turbo');
    });

    it('JSON mode and a JSON schema reach the model, streamed or not', async () => {
      const model = 'meta-llama/Meta-Llama-3.1-8B-Instruct-Turbo';
      const messages = [{ role: 'user' as const, content: 'Answer in JSON #sim tokens=3' }];
      const json = await openai.chat.completions.create({
        model,
        messages,
        response_format: { type: 'json_object' },
      });
      expect(JSON.parse(json.choices[0].message.content!)).toEqual({ answer: expect.any(String) });
      const schema = {
        type: 'json_schema' as const,
        json_schema: {
          name: 'reply',
          schema: { type: 'object', properties: { answer: { type: 'string' } } },
          strict: true,
        },
      };
      const stream = await openai.chat.completions.create({
        model,
        messages,
        response_format: schema,
        stream: true,
      });
      let text = '';
      let pieces = 0;
      for await (const chunk of stream) {
        text += chunk.choices[0]?.delta?.content ?? '';
        if (chunk.choices[0]?.delta?.content) pieces++;
      }
      expect(JSON.parse(text)).toEqual({ answer: expect.any(String) });
      expect(pieces).toBe(3); // the document in as many tokens as were asked for
      // Without a response format the same request is plain text.
      const plain = await openai.chat.completions.create({ model, messages });
      expect(plain.choices[0].message.content).not.toContain('{');
    });

    it("the SDK's structured-output helpers get a document that follows their zod schema", async () => {
      const model = 'meta-llama/Meta-Llama-3.1-8B-Instruct-Turbo';
      const City = z.object({
        name: z.string(),
        population: z.number().int(),
        coastal: z.boolean(),
        districts: z.array(z.object({ name: z.string(), area_km2: z.number() })),
        founded: z.string().nullable(),
        kind: z.enum(['capital', 'town']),
      });
      const parsed = await openai.chat.completions.parse({
        model,
        messages: [{ role: 'user', content: 'Describe Oslo #sim tokens=20' }],
        response_format: zodResponseFormat(City, 'city'),
      });
      const city = parsed.choices[0].message.parsed;
      expect(City.parse(city)).toEqual(city);
      expect(city).toMatchObject({ kind: 'capital', districts: [expect.any(Object)] });

      const stream = openai.chat.completions.stream({
        model,
        messages: [{ role: 'user', content: 'Describe Bergen #sim tokens=12' }],
        response_format: zodResponseFormat(City, 'city'),
      });
      const streamed = (await stream.finalChatCompletion()).choices[0].message.parsed;
      expect(City.parse(streamed)).toEqual(streamed);

      const response = await openai.responses.parse({
        model,
        input: 'Describe Tromsø #sim tokens=10',
        text: { format: zodTextFormat(City, 'city') },
      });
      expect(City.parse(response.output_parsed)).toEqual(response.output_parsed);
    });

    it('penalties, top_k, min_p and logit_bias are passed on (the simulator answers them differently)', async () => {
      const model = 'meta-llama/Meta-Llama-3.1-8B-Instruct-Turbo';
      const messages = [{ role: 'user' as const, content: 'Tell me something #sim tokens=12' }];
      const contentOf = async (extra: object) =>
        (
          await openai.chat.completions.create({
            model,
            messages,
            ...extra,
          } as OpenAI.ChatCompletionCreateParamsNonStreaming)
        ).choices[0].message.content;
      const plain = await contentOf({});
      expect(await contentOf({})).toBe(plain);
      for (const extra of [
        { presence_penalty: 0.5 },
        { frequency_penalty: -1 },
        { logit_bias: { '50256': -100 } },
        { top_k: 40, min_p: 0.05, repetition_penalty: 1.1 },
        { reasoning_effort: 'low' },
      ])
        expect(await contentOf(extra)).not.toBe(plain);
    });

    it('a decoding option out of range is a 400 naming it', async () => {
      const model = 'meta-llama/Meta-Llama-3.1-8B-Instruct-Turbo';
      const messages = [{ role: 'user' as const, content: 'hi' }];
      const refused = (extra: object) =>
        openai.chat.completions
          .create({ model, messages, ...extra } as OpenAI.ChatCompletionCreateParamsNonStreaming)
          .catch((e: InstanceType<typeof OpenAI.BadRequestError>) => [e.status, e.param, e.message]);
      expect(await refused({ presence_penalty: 3 })).toEqual([
        400,
        'presence_penalty',
        expect.stringContaining('presence_penalty must be between -2 and 2'),
      ]);
      expect(await refused({ logit_bias: { abc: 1 } })).toEqual([
        400,
        'logit_bias',
        expect.stringContaining('logit_bias keys must be token ids'),
      ]);
      expect(
        await refused({ response_format: { type: 'json_schema', json_schema: { schema: {} } } }),
      ).toEqual([
        400,
        'response_format',
        expect.stringContaining('response_format.json_schema.name must be'),
      ]);
      expect(await refused({ reasoning_effort: 'max' })).toEqual([
        400,
        'reasoning_effort',
        expect.stringContaining('reasoning_effort must be one of low, medium, high'),
      ]);
      expect(await refused({ response_format: { type: 'xml' } })).toEqual([
        400,
        'response_format',
        expect.stringContaining('response_format.type must be one of text, json_object, json_schema, regex'),
      ]);
    });

    it("logprobs: each token's log probability and the alternatives asked for", async () => {
      const model = 'meta-llama/Meta-Llama-3.1-8B-Instruct-Turbo';
      const messages = [{ role: 'user' as const, content: 'Say it #sim tokens=4' }];
      const answer = await openai.chat.completions.create({
        model,
        messages,
        logprobs: true,
        top_logprobs: 2,
      });
      const content = answer.choices[0].logprobs!.content!;
      expect(content.map((t) => t.token).join('')).toBe(answer.choices[0].message.content);
      for (const token of content) {
        expect(token.logprob).toBeLessThanOrEqual(0);
        expect(token.bytes).toEqual([...Buffer.from(token.token)]);
        expect(token.top_logprobs).toHaveLength(2);
        expect(token.top_logprobs[0].token).toBe(token.token);
      }
      const bare = await openai.chat.completions.create({ model, messages, logprobs: true });
      expect(bare.choices[0].logprobs!.content!.every((t) => t.top_logprobs.length === 0)).toBe(true);
      const none = await openai.chat.completions.create({ model, messages });
      expect(none.choices[0].logprobs).toBeNull();
      const refused = await openai.chat.completions
        .create({ model, messages, top_logprobs: 2 })
        .catch((e: InstanceType<typeof OpenAI.BadRequestError>) => [e.status, e.param, e.message]);
      expect(refused).toEqual([
        400,
        'top_logprobs',
        expect.stringContaining('top_logprobs needs logprobs: true'),
      ]);
    });

    it("a reasoning model's thinking comes as reasoning_content, whole or streamed, and may be sent back", async () => {
      const model = 'meta-llama/Meta-Llama-3.1-8B-Instruct-Turbo';
      const ask = { role: 'user' as const, content: 'Think first #sim reasoning=3 tokens=2' };
      const whole = await openai.chat.completions.create({ model, messages: [ask] });
      const message = whole.choices[0].message as OpenAI.ChatCompletionMessage & {
        reasoning_content?: string;
      };
      expect(message.reasoning_content).toBe('first consider the');
      expect(message.content!.trim().split(' ')).toHaveLength(2);
      expect(whole.usage!.completion_tokens).toBe(5);

      const stream = await openai.chat.completions.create({ model, messages: [ask], stream: true });
      let thinking = '';
      let text = '';
      let thoughtAfterText = false;
      for await (const chunk of stream) {
        const delta = chunk.choices[0]?.delta as
          { content?: string | null; reasoning_content?: string } | undefined;
        if (delta?.reasoning_content && text) thoughtAfterText = true;
        thinking += delta?.reasoning_content ?? '';
        text += delta?.content ?? '';
      }
      expect(thoughtAfterText).toBe(false); // all the thinking comes before the answer
      expect(thinking).toBe('first consider the');
      expect(text).toBe(message.content);

      // Clients send the answer back as they got it, thinking included.
      const next = await openai.chat.completions.create({
        model,
        messages: [ask, message, { role: 'user', content: 'And now?' }],
      });
      expect(next.choices[0].message.content).toEqual(expect.any(String));

      // Together's switch for hybrid models turns the thinking off (and is checked like any field).
      const plain = await openai.chat.completions.create({
        model,
        messages: [ask],
        reasoning: { enabled: false },
      } as OpenAI.ChatCompletionCreateParamsNonStreaming);
      expect(plain.choices[0].message).not.toHaveProperty('reasoning_content');
      expect(plain.usage!.completion_tokens).toBe(2);
      for (const [reasoning, param] of [
        [{ enabled: 'no' }, 'reasoning.enabled'],
        [{ enabled: true, effort: 'low' }, 'reasoning.effort'],
      ] as const) {
        const refused = await openai.chat.completions
          .create({ model, messages: [ask], reasoning } as OpenAI.ChatCompletionCreateParamsNonStreaming)
          .catch((e: InstanceType<typeof OpenAI.BadRequestError>) => [e.status, e.param]);
        expect(refused).toEqual([400, param]);
      }
    });

    it('n: that many answers, each its own, all of them counted in the usage', async () => {
      const model = 'meta-llama/Meta-Llama-3.1-8B-Instruct-Turbo';
      const one = await openai.chat.completions.create({
        model,
        messages: [{ role: 'user', content: 'Three ideas for a name' }],
        max_tokens: 40,
      });
      const three = await openai.chat.completions.create({
        model,
        messages: [{ role: 'user', content: 'Three ideas for a name' }],
        max_tokens: 40,
        n: 3,
      });
      expect(three.choices.map((choice) => choice.index)).toEqual([0, 1, 2]);
      expect(new Set(three.choices.map((choice) => choice.message.content)).size).toBe(3);
      expect(three.choices.every((choice) => choice.finish_reason === 'stop')).toBe(true);
      expect(three.usage!.prompt_tokens).toBe(one.usage!.prompt_tokens);
      expect(three.usage!.completion_tokens).toBeGreaterThan(one.usage!.completion_tokens);

      const completions = await openai.completions.create({ model, prompt: 'Once upon', n: 2, echo: true });
      expect(completions.choices.map((choice) => choice.index)).toEqual([0, 1]);
      expect(completions.choices.every((choice) => choice.text.startsWith('Once upon'))).toBe(true);

      const refused = (body: object) =>
        openai.chat.completions
          .create({ model, messages: [{ role: 'user', content: 'hi' }], ...body })
          .then(() => 'answered')
          .catch((e: InstanceType<typeof OpenAI.BadRequestError>) => [e.status, e.param, e.message]);
      expect(await refused({ n: 2, stream: true })).toEqual([
        400,
        'n',
        expect.stringContaining('n must be 1 for a stream'),
      ]);
      expect(await refused({ n: 0 })).toEqual([400, 'n', expect.stringContaining('between 1 and 128')]);
      expect(await refused({ n: 129 })).toEqual([400, 'n', expect.stringContaining('between 1 and 128')]);
      expect(await refused({ n: 1.5 })).toEqual([400, 'n', expect.stringContaining('n must be an integer')]);
    });

    it("accepts OpenAI's service fields (store, metadata, service_tier, …) and checks them", async () => {
      const model = 'meta-llama/Meta-Llama-3.1-8B-Instruct-Turbo';
      const ask = { model, messages: [{ role: 'user' as const, content: 'hi' }], max_tokens: 8 };
      const answer = await openai.chat.completions.create({
        ...ask,
        store: false,
        metadata: { team: 'search', run: '7' },
        service_tier: 'auto',
        prompt_cache_key: 'session-1',
        safety_identifier: 'user-hash',
      });
      expect(answer.choices[0].message.content).toEqual(expect.any(String));
      const refused = (body: object) =>
        openai.chat.completions
          .create({ ...ask, ...body })
          .then(() => 'answered')
          .catch((e: InstanceType<typeof OpenAI.BadRequestError>) => [e.status, e.param, e.message]);
      const tooMany = Object.fromEntries(Array.from({ length: 17 }, (_, i) => [`k${i}`, 'v']));
      expect(await refused({ metadata: tooMany })).toEqual([
        400,
        'metadata',
        expect.stringContaining('at most 16 keys'),
      ]);
      expect(await refused({ metadata: { n: 1 } })).toEqual([
        400,
        'metadata',
        expect.stringContaining('metadata.n must be a string'),
      ]);
      expect(await refused({ store: 'yes' })).toEqual([
        400,
        'store',
        expect.stringContaining('store must be true or false'),
      ]);
    });

    describe('the Responses API', () => {
      const model = 'meta-llama/Meta-Llama-3.1-8B-Instruct-Turbo';
      /** `store` is in OpenAI's response object, not in the SDK's type of it. */
      const storedFlag = (response: object) => (response as { store?: boolean }).store;

      it('answers a string input, with the usage and the text where the SDK reads it', async () => {
        const response = await openai.responses.create({
          model,
          instructions: 'Be brief.',
          input: 'Hello #sim tokens=5',
          metadata: { run: '1' },
        });
        expect(response).toMatchObject({
          object: 'response',
          status: 'completed',
          model,
          metadata: { run: '1' },
        });
        expect(response.id).toMatch(/^resp_/);
        expect(response.output_text.trim().split(' ')).toHaveLength(5);
        expect(response.output).toHaveLength(1);
        expect(response.output[0]).toMatchObject({ type: 'message', role: 'assistant', status: 'completed' });
        expect(response.usage).toMatchObject({ output_tokens: 5, input_tokens: expect.any(Number) });
        expect(response.usage!.total_tokens).toBe(response.usage!.input_tokens + 5);
      });

      it('takes a conversation, images going to a vision model, and says when max_output_tokens cut it short', async () => {
        const response = await openai.responses.create({
          model: 'Qwen/Qwen3.5-9B',
          max_output_tokens: 16,
          input: [
            { role: 'user', content: 'Remember the word apple.' },
            { role: 'assistant', content: [{ type: 'output_text', text: 'Noted.' }] } as never,
            {
              role: 'user',
              content: [
                { type: 'input_text', text: 'What is here? #sim tokens=40' },
                { type: 'input_image', image_url: 'https://example.com/a.png', detail: 'auto' },
              ],
            },
          ],
        });
        expect(response.status).toBe('incomplete');
        expect(response.incomplete_details).toEqual({ reason: 'max_output_tokens' });
        expect(response.usage!.output_tokens).toBe(16);
      });

      it('streams typed events that the SDK assembles into the final response', async () => {
        const stream = openai.responses.stream({ model, input: 'Hi #sim tokens=4' });
        const types: string[] = [];
        let deltas = '';
        for await (const event of stream) {
          types.push(event.type);
          if (event.type === 'response.output_text.delta') deltas += event.delta;
        }
        const final = await stream.finalResponse();
        expect(types[0]).toBe('response.created');
        expect(types.at(-1)).toBe('response.completed');
        expect(types).toEqual(
          expect.arrayContaining([
            'response.output_item.added',
            'response.content_part.added',
            'response.output_text.delta',
            'response.output_text.done',
            'response.output_item.done',
          ]),
        );
        expect(final.output_text).toBe(deltas);
        expect(deltas.trim().split(' ')).toHaveLength(4);
        expect(final.usage).toMatchObject({ output_tokens: 4 });
      });

      const weather = {
        type: 'function' as const,
        name: 'get_weather',
        description: 'The weather in a city',
        parameters: {
          type: 'object',
          properties: { city: { type: 'string' }, days: { type: 'integer' } },
          required: ['city'],
        },
        strict: false,
      };

      it('a function call comes back as an output item, and its output as input gets the answer', async () => {
        const ask = { role: 'user' as const, content: 'Weather in Oslo? #sim tool' };
        const first = await openai.responses.create({ model, input: [ask], tools: [weather] });
        const call = first.output.find((item) => item.type === 'function_call');
        expect(call).toMatchObject({ type: 'function_call', name: 'get_weather', status: 'completed' });
        expect(call!.call_id).toEqual(expect.any(String));
        expect(JSON.parse(call!.arguments)).toEqual({ city: expect.any(String), days: expect.any(Number) });

        const second = await openai.responses.create({
          model,
          tools: [weather],
          input: [
            ask,
            ...first.output,
            { type: 'function_call_output', call_id: call!.call_id, output: '{"temperature": 4}' },
          ] as OpenAI.Responses.ResponseInput,
        });
        expect(second.status).toBe('completed');
        expect(second.output.map((item) => item.type)).toEqual(['message']);
        expect(second.output_text).toEqual(expect.any(String));
      });

      it('a function call continued by previous_response_id takes only the call output as input', async () => {
        const first = await openai.responses.create({
          model,
          input: 'Weather in Oslo? #sim tool',
          tools: [weather],
        });
        const call = first.output.find((item) => item.type === 'function_call')!;
        const second = await openai.responses.create({
          model,
          tools: [weather],
          previous_response_id: first.id,
          input: [{ type: 'function_call_output', call_id: call.call_id, output: '{"temperature": 4}' }],
        });
        expect(second).toMatchObject({ status: 'completed', previous_response_id: first.id });
        expect(second.output.map((item) => item.type)).toEqual(['message']);
      });

      it('a streamed function call arrives as argument pieces that the SDK assembles', async () => {
        const stream = openai.responses.stream({
          model,
          input: 'Weather in Oslo?',
          tools: [weather],
          tool_choice: { type: 'function', name: 'get_weather' },
        });
        let pieces = '';
        for await (const event of stream)
          if (event.type === 'response.function_call_arguments.delta') pieces += event.delta;
        const final = await stream.finalResponse();
        const call = final.output.find((item) => item.type === 'function_call');
        expect(call).toMatchObject({ name: 'get_weather', arguments: pieces });
        expect(JSON.parse(pieces)).toEqual({ city: expect.any(String), days: expect.any(Number) });
      });

      it('structured output through text.format', async () => {
        const response = await openai.responses.create({
          model,
          input: 'A city #sim json',
          text: {
            format: {
              type: 'json_schema',
              name: 'city',
              schema: { type: 'object', properties: { name: { type: 'string' } }, required: ['name'] },
            },
          },
        });
        expect(response.status).toBe('completed');
        expect(() => JSON.parse(response.output_text) as unknown).not.toThrow();
      });

      it('keeps a response: read back as answered, continued with previous_response_id, its input items listed', async () => {
        const first = await openai.responses.create({
          model,
          input: 'Remember the word apple. #sim tokens=6',
        });
        expect(storedFlag(first)).toBe(true);
        const read = await openai.responses.retrieve(first.id);
        expect(read).toMatchObject({ id: first.id, object: 'response', status: 'completed', store: true });
        expect(read.output).toEqual(first.output);
        expect(read.usage).toEqual(first.usage);

        // The same question with and without the earlier turn: the model is sent the conversation.
        const question = 'Which word? #sim tokens=3';
        const alone = await openai.responses.create({ model, input: question, store: false });
        const continued = await openai.responses.create({
          model,
          input: question,
          previous_response_id: first.id,
        });
        expect(continued.previous_response_id).toBe(first.id);
        expect(continued.usage!.input_tokens).toBeGreaterThan(
          alone.usage!.input_tokens + first.usage!.output_tokens,
        );
        const third = await openai.responses.create({
          model,
          input: 'And again? #sim tokens=2',
          previous_response_id: continued.id,
        });
        expect(third.usage!.input_tokens).toBeGreaterThan(continued.usage!.input_tokens + 3);

        const items = [];
        for await (const item of openai.responses.inputItems.list(continued.id)) items.push(item);
        expect(items).toEqual([
          {
            id: expect.stringMatching(/^msg_/),
            type: 'message',
            role: 'user',
            content: [{ type: 'input_text', text: question }],
          },
        ]);

        // Not stored when asked not to be.
        expect(storedFlag(alone)).toBe(false);
        const missing = await openai.responses
          .retrieve(alone.id)
          .catch((e: InstanceType<typeof OpenAI.NotFoundError>) => e.status);
        expect(missing).toBe(404);
      });

      it('a streamed response is kept before its last event, and can be continued by a stream', async () => {
        const stream = openai.responses.stream({ model, input: 'Remember pear. #sim tokens=4' });
        const first = await stream.finalResponse();
        expect(storedFlag(first)).toBe(true);
        // Read back at once: it was stored before response.completed went out. (The SDK's stream
        // helper adds `parsed` to the text parts it assembled.)
        expect(first.output).toMatchObject((await openai.responses.retrieve(first.id)).output);
        const next = openai.responses.stream({
          model,
          input: 'Which? #sim tokens=2',
          previous_response_id: first.id,
        });
        const continued = await next.finalResponse();
        expect(continued).toMatchObject({ previous_response_id: first.id, status: 'completed', store: true });
      });

      it("a stored response is its owner's alone, and gone once deleted", async () => {
        const kept = await openai.responses.create({ model, input: 'Secret plans #sim tokens=3' });
        const other = await api.user();
        for (const path of [`/v1/responses/${kept.id}`, `/v1/responses/${kept.id}/input_items`]) {
          const refused = await api.get(path, other.token);
          expect({ path, status: refused.status }).toEqual({ path, status: 404 });
          expect(refused.body).toMatchObject({ error: { code: 'not_found' } });
          expect(refused.text).not.toContain('Secret plans');
        }
        const continuedByOther = await api.post(
          '/v1/responses',
          { model, input: 'Go on', previous_response_id: kept.id },
          other.token,
        );
        expect(continuedByOther.status).toBe(404);
        expect(continuedByOther.body.error).toMatchObject({
          code: 'not_found',
          param: 'previous_response_id',
        });
        expect((await api.request('DELETE', `/v1/responses/${kept.id}`, { token: other.token })).status).toBe(
          404,
        );

        const deleted = await api.request('DELETE', `/v1/responses/${kept.id}`, { token: openai.apiKey! });
        expect(deleted.status).toBe(200);
        expect(deleted.body).toEqual({ id: kept.id, object: 'response', deleted: true });
        await expect(openai.responses.delete(kept.id)).rejects.toMatchObject({ status: 404 });
        await expect(openai.responses.retrieve(kept.id)).rejects.toMatchObject({ status: 404 });
        await expect(
          openai.responses.create({ model, input: 'Go on', previous_response_id: kept.id }),
        ).rejects.toMatchObject({ status: 404, param: 'previous_response_id' });
      });

      it('checks the id and the input_items page it is asked for', async () => {
        const kept = await openai.responses.create({ model, input: 'Hi #sim tokens=2' });
        const asked = (path: string) => api.get(path, openai.apiKey!);
        for (const [path, param] of [
          ['/v1/responses/not-an-id', 'id'],
          [`/v1/responses/${kept.id}/input_items?limit=0`, 'limit'],
          [`/v1/responses/${kept.id}/input_items?limit=101`, 'limit'],
          [`/v1/responses/${kept.id}/input_items?order=sideways`, 'order'],
        ]) {
          const refused = await asked(path);
          expect({ path, status: refused.status, param: refused.body.error?.param }).toEqual({
            path,
            status: 400,
            param,
          });
        }
        const page = await asked(`/v1/responses/${kept.id}/input_items?limit=1&order=asc`);
        expect(page.body).toMatchObject({ object: 'list', has_more: false, data: [{ type: 'message' }] });
        expect(page.body.first_id).toBe(page.body.last_id);
      });

      it('bad input is a 400 naming the field; what is not offered says where to go', async () => {
        const refused = (body: object) =>
          openai.responses
            .create({ model, input: 'hi', ...body } as OpenAI.Responses.ResponseCreateParamsNonStreaming)
            .then(() => 'answered')
            .catch((e: InstanceType<typeof OpenAI.BadRequestError>) => [e.status, e.param, e.message]);
        expect(await refused({ input: [] })).toEqual([
          400,
          'input',
          expect.stringContaining('array of 1 to'),
        ]);
        expect(await refused({ input: [{ role: 'robot', content: 'x' }] })).toEqual([
          400,
          'input',
          expect.stringContaining('input[0].role must be one of'),
        ]);
        expect(await refused({ input: [{ type: 'item_reference', id: 'msg_1' }] })).toEqual([
          400,
          'input',
          expect.stringContaining('item_reference is not offered here'),
        ]);
        expect(await refused({ tools: [{ type: 'web_search' }] })).toEqual([
          400,
          'tools',
          expect.stringContaining('tools[0].type must be function'),
        ]);
        expect(await refused({ tool_choice: 'required' })).toEqual([
          400,
          'tool_choice',
          expect.stringContaining('tool_choice needs tools'),
        ]);
        expect(await refused({ previous_response_id: 'not a response' })).toEqual([
          400,
          'previous_response_id',
          expect.stringContaining('previous_response_id must be a response id'),
        ]);
        expect(
          await refused({ text: { format: { type: 'json_schema', name: 'has space', schema: {} } } }),
        ).toEqual([400, 'text', expect.stringContaining('text.format.name must be')]);
        expect(await refused({ reasoning: { effort: 'max' } })).toEqual([
          400,
          'reasoning.effort',
          expect.stringContaining('reasoning.effort must be'),
        ]);
      });
    });

    describe('tools', () => {
      const model = 'meta-llama/Meta-Llama-3.1-8B-Instruct-Turbo';
      const weather: OpenAI.ChatCompletionFunctionTool = {
        type: 'function',
        function: {
          name: 'get_weather',
          description: 'The weather in a city',
          parameters: {
            type: 'object',
            properties: { city: { type: 'string' }, days: { type: 'integer' } },
            required: ['city'],
          },
        },
      };

      it('a tool call comes back whole, and the answer after the tool result is text', async () => {
        const ask = { role: 'user' as const, content: 'Weather in Oslo? #sim tool' };
        const first = await openai.chat.completions.create({ model, messages: [ask], tools: [weather] });
        const choice = first.choices[0];
        expect(choice.finish_reason).toBe('tool_calls');
        expect(choice.message.content).toBeNull();
        const call = choice.message.tool_calls![0] as OpenAI.ChatCompletionMessageFunctionToolCall;
        expect(call).toMatchObject({ id: expect.stringMatching(/^call_/), type: 'function' });
        expect(call.function.name).toBe('get_weather');
        expect(JSON.parse(call.function.arguments)).toEqual({
          city: expect.any(String),
          days: expect.any(Number),
        });
        expect(first.usage!.completion_tokens).toBeGreaterThan(0);

        const second = await openai.chat.completions.create({
          model,
          tools: [weather],
          messages: [
            ask,
            choice.message,
            { role: 'tool', tool_call_id: call.id, content: '{"temperature": 4}' },
          ],
        });
        expect(second.choices[0].finish_reason).toBe('stop');
        expect(second.choices[0].message.content).toEqual(expect.any(String));
        expect(second.choices[0].message.tool_calls).toBeUndefined();
      });

      it("the SDK's tool runner goes round to the final answer", async () => {
        const runner = openai.chat.completions.runTools({
          model,
          messages: [{ role: 'user', content: 'What should I wear in Oslo? #sim tool' }],
          tools: [
            {
              type: 'function',
              function: {
                name: 'get_weather',
                description: 'The weather in a city',
                parameters: { type: 'object', properties: { city: { type: 'string' } } },
                function: (args: { city: string }) => ({ city: args.city, temperature: 4 }),
                parse: JSON.parse,
              },
            },
          ],
        });
        const answer = await runner.finalContent();
        expect(answer).toEqual(expect.any(String));
        const roles = runner.messages.map((m) => m.role);
        expect(roles).toEqual(['user', 'assistant', 'tool', 'assistant']);
      });

      it('a streamed tool call arrives in pieces that make the whole call, then the usage', async () => {
        const stream = await openai.chat.completions.create({
          model,
          messages: [{ role: 'user', content: 'Weather in Oslo?' }],
          tools: [weather],
          tool_choice: { type: 'function', function: { name: 'get_weather' } },
          stream: true,
          stream_options: { include_usage: true },
        });
        let id = '';
        let name = '';
        let args = '';
        let finish: string | null = null;
        let usage: OpenAI.CompletionUsage | null | undefined;
        for await (const chunk of stream) {
          for (const piece of chunk.choices[0]?.delta?.tool_calls ?? []) {
            expect(piece.index).toBe(0);
            id += piece.id ?? '';
            name += piece.function?.name ?? '';
            args += piece.function?.arguments ?? '';
          }
          finish = chunk.choices[0]?.finish_reason ?? finish;
          usage = chunk.usage ?? usage;
        }
        expect(id).toMatch(/^call_/);
        expect(name).toBe('get_weather');
        expect(JSON.parse(args)).toEqual({ city: expect.any(String), days: expect.any(Number) });
        expect(finish).toBe('tool_calls');
        expect(usage?.completion_tokens).toBeGreaterThan(0);
      });

      it('bad tool input is a 400 naming the field', async () => {
        const refused = (body: object) =>
          openai.chat.completions
            .create({ model, ...body } as OpenAI.ChatCompletionCreateParamsNonStreaming)
            .catch((e: InstanceType<typeof OpenAI.BadRequestError>) => [e.status, e.param, e.message]);
        const hi = { role: 'user', content: 'hi' };
        expect(await refused({ messages: [hi], tool_choice: 'auto' })).toEqual([
          400,
          'tool_choice',
          expect.stringContaining('tool_choice needs tools'),
        ]);
        expect(
          await refused({ messages: [hi], tools: [{ type: 'function', function: { name: 'has space' } }] }),
        ).toEqual([400, 'tools', expect.stringContaining('tools[0].function.name must be')]);
        expect(
          await refused({
            messages: [hi],
            tools: [weather],
            tool_choice: { type: 'function', function: { name: 'nope' } },
          }),
        ).toEqual([400, 'tool_choice', expect.stringContaining('not one of the tools')]);
        expect(await refused({ messages: [hi, { role: 'tool', content: '4' }] })).toEqual([
          400,
          'messages[1].tool_call_id',
          expect.stringContaining('messages[1].tool_call_id is required'),
        ]);
        expect(
          await refused({
            messages: [{ role: 'user', content: 'x', tool_calls: [] }],
          }),
        ).toEqual([
          400,
          'messages[0].tool_calls',
          expect.stringContaining('only allowed on assistant messages'),
        ]);
      });
    });

    describe('functions (the older form of tools)', () => {
      const model = 'meta-llama/Meta-Llama-3.1-8B-Instruct-Turbo';
      const weather = {
        name: 'get_weather',
        description: 'The weather in a city',
        parameters: {
          type: 'object',
          properties: { city: { type: 'string' }, days: { type: 'integer' } },
          required: ['city'],
        },
      };
      type LegacyParams = OpenAI.ChatCompletionCreateParamsNonStreaming & {
        functions?: object[];
        function_call?: unknown;
      };

      it('the call comes back as function_call, and the answer after the function result is text', async () => {
        const ask = { role: 'user' as const, content: 'Weather in Oslo? #sim tool' };
        const first = await openai.chat.completions.create({
          model,
          messages: [ask],
          functions: [weather],
        } as LegacyParams);
        const choice = first.choices[0];
        expect(choice.finish_reason).toBe('function_call');
        expect(choice.message.content).toBeNull();
        expect(choice.message.tool_calls).toBeUndefined();
        const call = choice.message.function_call!;
        expect(call.name).toBe('get_weather');
        expect(JSON.parse(call.arguments)).toEqual({ city: expect.any(String), days: expect.any(Number) });

        const second = await openai.chat.completions.create({
          model,
          functions: [weather],
          messages: [
            ask,
            choice.message,
            { role: 'function', name: 'get_weather', content: '{"temperature": 4}' },
          ],
        } as LegacyParams);
        expect(second.choices[0].finish_reason).toBe('stop');
        expect(second.choices[0].message.content).toEqual(expect.any(String));
        expect(second.choices[0].message.function_call).toBeUndefined();
      });

      it('a streamed call arrives as function_call pieces that make the whole call', async () => {
        const stream = await openai.chat.completions.create({
          model,
          messages: [{ role: 'user', content: 'Weather in Oslo?' }],
          functions: [weather],
          function_call: { name: 'get_weather' },
          stream: true,
        } as unknown as OpenAI.ChatCompletionCreateParamsStreaming);
        let name = '';
        let args = '';
        let finish: string | null = null;
        for await (const chunk of stream) {
          const delta = chunk.choices[0]?.delta;
          expect(delta?.tool_calls).toBeUndefined();
          name += delta?.function_call?.name ?? '';
          args += delta?.function_call?.arguments ?? '';
          finish = chunk.choices[0]?.finish_reason ?? finish;
        }
        expect(name).toBe('get_weather');
        expect(JSON.parse(args)).toEqual({ city: expect.any(String), days: expect.any(Number) });
        expect(finish).toBe('function_call');
      });

      it('bad function input is a 400 naming the field', async () => {
        const refused = (body: object) =>
          openai.chat.completions
            .create({ model, ...body } as LegacyParams)
            .catch((e: InstanceType<typeof OpenAI.BadRequestError>) => [e.status, e.param, e.message]);
        const hi = { role: 'user', content: 'hi' };
        expect(await refused({ messages: [hi], function_call: 'auto' })).toEqual([
          400,
          'function_call',
          expect.stringContaining('function_call needs functions'),
        ]);
        expect(
          await refused({
            messages: [hi],
            functions: [weather],
            tools: [{ type: 'function', function: weather }],
          }),
        ).toEqual([400, 'functions', expect.stringContaining('cannot be combined with tools')]);
        expect(await refused({ messages: [hi], functions: [{ name: 'has space' }] })).toEqual([
          400,
          'functions',
          expect.stringContaining('functions[0].name must be'),
        ]);
        expect(
          await refused({ messages: [hi], functions: [weather], function_call: { name: 'nope' } }),
        ).toEqual([400, 'function_call', expect.stringContaining('not one of the functions')]);
        expect(await refused({ messages: [hi, { role: 'function', content: '4' }] })).toEqual([
          400,
          'messages[1].name',
          expect.stringContaining('messages[1].name is required'),
        ]);
        expect(
          await refused({
            messages: [{ role: 'user', content: 'x', function_call: { name: 'f', arguments: '{}' } }],
          }),
        ).toEqual([
          400,
          'messages[0].function_call',
          expect.stringContaining('only allowed on assistant messages'),
        ]);
      });
    });

    it('errors arrive as the SDK error classes, with the field named', async () => {
      const error = await openai.chat.completions
        .create({ model: 'meta-llama/Meta-Llama-3.1-8B-Instruct-Turbo', messages: [] })
        .catch((e: unknown) => e);
      expect(error).toBeInstanceOf(OpenAI.BadRequestError);
      expect((error as InstanceType<typeof OpenAI.BadRequestError>).param).toBe('messages');
      const unauthenticated = new OpenAI({ apiKey: 'tg_wrong', baseURL: `${api.url}/v1`, maxRetries: 0 });
      await expect(unauthenticated.models.list()).rejects.toBeInstanceOf(OpenAI.AuthenticationError);
    });
  });

  describe('together-ai', () => {
    it('chat, and a chat stream with usage', async () => {
      const answer = await together.chat.completions.create({
        model: 'meta-llama/Meta-Llama-3.1-8B-Instruct-Turbo',
        messages: [{ role: 'user', content: 'Hello #sim tokens=3' }],
      });
      expect(answer.choices[0].message?.content?.trim().split(' ')).toHaveLength(3);
      const stream = await together.chat.completions.create({
        model: 'meta-llama/Meta-Llama-3.1-8B-Instruct-Turbo',
        messages: [{ role: 'user', content: 'Hello #sim tokens=3' }],
        stream: true,
      });
      let usage: unknown;
      for await (const chunk of stream) usage = chunk.usage ?? usage;
      expect(usage).toMatchObject({ completion_tokens: 3 });
    });

    it('completions', async () => {
      const answer = await together.completions.create({
        model: 'meta-llama/Meta-Llama-3.1-8B-Instruct-Turbo',
        prompt: 'Hi #sim tokens=2',
      });
      expect(answer.choices[0].text?.trim().split(' ')).toHaveLength(2);
    });

    it('images', async () => {
      const answer = await together.images.generate({
        model: 'black-forest-labs/FLUX.1-schnell',
        prompt: 'A fox',
        width: 256,
        height: 256,
        response_format: 'base64',
      });
      expect((answer.data[0] as { b64_json: string }).b64_json).toBeTruthy();
    });

    it('transcription upload', async () => {
      const answer = await together.audio.transcriptions.create({
        model: 'openai/whisper-large-v3',
        file: await toFile(wavAudio(1, 16_000, 'together sdk'), 'a.wav', { type: 'audio/wav' }),
      });
      expect(answer.text).toBe('together sdk');
    });

    it('translation upload', async () => {
      const answer = await together.audio.translations.create({
        model: 'openai/whisper-large-v3',
        file: await toFile(wavAudio(1, 16_000, 'together translates'), 'a.wav', { type: 'audio/wav' }),
        response_format: 'verbose_json',
      });
      expect(answer).toMatchObject({ task: 'translate', language: 'english', text: 'together translates' });
    });

    it('speech', async () => {
      const response = await together.audio.speech.create({
        model: 'hexgrad/Kokoro-82M',
        voice: 'af_alloy',
        input: 'Hello',
        response_format: 'wav',
      });
      const audio = Buffer.from(await response.arrayBuffer());
      expect(audio.toString('ascii', 0, 4)).toBe('RIFF');
    });

    it('models, as the bare array Together serves', async () => {
      const models = await together.models.list();
      expect(Array.isArray(models)).toBe(true);
      expect(models.map((m) => m.id)).toContain('openai/whisper-large-v3');
    });
  });
});
