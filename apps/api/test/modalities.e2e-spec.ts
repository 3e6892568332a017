import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { parseBuffer } from 'music-metadata';
import { sseEvents } from '@tiergate/testing';
import { mp3Audio, wavAudio } from '../../upstream-sim/src/media';
import { TestApi } from './support/test-api';

const T = '/api/v1/together';

/** A local file server: every request it receives is recorded (SSRF tests assert it got none). */
async function startFileServer(files: Record<string, { body: Buffer; type: string }>) {
  const requests: string[] = [];
  const server: Server = createServer((req, res) => {
    requests.push(req.url ?? '');
    if (req.url?.startsWith('/redirect')) {
      res.writeHead(302, {
        location: 'http://127.0.0.1:' + (server.address() as AddressInfo).port + '/speech.wav',
      });
      return res.end();
    }
    const file = files[req.url ?? ''];
    if (!file) return res.writeHead(404).end();
    res.writeHead(200, { 'content-type': file.type, 'content-length': file.body.length });
    res.end(file.body);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { server, requests, port: (server.address() as AddressInfo).port };
}

function form(
  fields: Record<string, string>,
  file?: { field: string; data: Buffer; name: string; type: string },
) {
  const body = new FormData();
  for (const [k, v] of Object.entries(fields)) body.append(k, v);
  if (file) body.append(file.field, new Blob([file.data], { type: file.type }), file.name);
  return body;
}

describe('every modality through the gateway (e2e)', () => {
  let api: TestApi;
  let token: string;

  beforeAll(async () => {
    api = await TestApi.start({
      MAX_AUDIO_UPLOAD_BYTES: String(2 * 1024 * 1024),
      MAX_IMAGE_UPLOAD_BYTES: '65536',
    });
    token = (await api.user()).token;
  });
  afterAll(() => api.close());

  async function upload(path: string, body: FormData) {
    const response = await fetch(api.url + path, {
      method: 'POST',
      headers: { authorization: `Bearer ${token}` },
      body,
    });
    const text = await response.text();
    return { status: response.status, body: text.startsWith('{') ? JSON.parse(text) : text };
  }

  describe('text and code', () => {
    it('completes text in the Together-surface shape, and streams', async () => {
      const response = await api.post(
        `${T}/text/completions`,
        { prompt: 'Write a poem #sim tokens=6', max_tokens: 50 },
        token,
      );
      expect(response.status).toBe(200);
      expect(response.body).toMatchObject({
        id: expect.any(String),
        finish_reason: 'stop',
        provider: 'together_ai',
      });
      expect(response.body.text.trim().split(' ')).toHaveLength(6);
      expect(response.body.usage).toMatchObject({ completion_tokens: 6 });
      expect(response.body.model_id).toBe(api.config.models.text);

      const streamed = await api.post(
        `${T}/text/completions`,
        { prompt: 'Go #sim tokens=3', stream: true },
        token,
      );
      const events = sseEvents(streamed.text);
      expect(events.at(-1)).toBe('[DONE]');
      expect(JSON.parse(events.at(-2)!).usage.completion_tokens).toBe(3);
    });

    it('answers code from the code model with the language in the instruction', async () => {
      const response = await api.post(
        `${T}/code/completions`,
        { prompt: 'def fibonacci(n):', language: 'python' },
        token,
      );
      expect(response.status).toBe(200);
      expect(response.body.model_id).toBe('Nexusflow/NexusRaven-V2-13B'); // the free tier's code model
      expect(response.body.text).toBeTruthy();
      const bad = await api.post(`${T}/code/completions`, { prompt: 'x', language: 'py; DROP' }, token);
      expect(bad.status).toBe(400);
      expect(bad.body.error.param).toBe('language');
    });

    it('validates prompts and bounds', async () => {
      expect((await api.post(`${T}/text/completions`, { prompt: '' }, token)).body.error.param).toBe(
        'prompt',
      );
      const tooMany = await api.post(`${T}/text/completions`, { prompt: 'x', max_tokens: 10 ** 6 }, token);
      expect(tooMany.status).toBe(400);
      expect(tooMany.body.error.message).toContain('max_tokens must be at most');
    });
  });

  describe('images', () => {
    it('generates, stores and serves an image behind a signed, expiring link', async () => {
      const response = await api.post(
        `${T}/images/generations`,
        {
          prompt: 'A sunset',
          width: 256,
          height: 320,
          num_inference_steps: 4,
          n: 2,
          response_format: 'base64',
        },
        token,
      );
      expect(response.status).toBe(200);
      expect(response.body.images).toHaveLength(2);
      expect(response.body.url).toBe(response.body.images[0].url);
      expect(response.body.model_id).toBe(api.config.models.image);
      const file = await fetch(response.body.url);
      expect(file.status).toBe(200);
      expect(file.headers.get('content-type')).toBe('image/png');
      const png = Buffer.from(await file.arrayBuffer());
      expect(png.readUInt32BE(16)).toBe(256); // IHDR width
      expect(png.readUInt32BE(20)).toBe(320); // IHDR height
      expect(png.equals(Buffer.from(response.body.images[0].b64_json, 'base64'))).toBe(true);

      const tampered = response.body.url.replace(/signature=[^&]+/, 'signature=AAAA');
      expect((await fetch(tampered)).status).toBe(403);
      const unsigned = response.body.url.split('?')[0];
      expect((await fetch(unsigned)).status).toBe(403);
    });

    it('refuses sizes the upstream cannot make, naming the field', async () => {
      const response = await api.post(`${T}/images/generations`, { prompt: 'x', width: 1004 }, token);
      expect(response.status).toBe(400);
      expect(response.body.error).toMatchObject({ param: 'width', message: 'width must be a multiple of 8' });
    });

    it('analyses an image given by URL, and an uploaded one', async () => {
      const byUrl = await api.post(
        `${T}/images/analysis`,
        { image_url: 'https://example.com/cat.png', prompt: 'Describe it' },
        token,
      );
      expect(byUrl.status).toBe(200);
      expect(byUrl.body.model_id).toBe('Qwen/Qwen-VL-Chat'); // the free tier's vision model
      expect(byUrl.body.text).toBeTruthy();

      const png = Buffer.from(
        (
          await api.post(
            `${T}/images/generations`,
            { prompt: 'x', width: 256, height: 256, response_format: 'base64' },
            token,
          )
        ).body.images[0].b64_json,
        'base64',
      );
      const uploaded = await upload(
        `${T}/images/analysis`,
        form({ prompt: 'What is this?' }, { field: 'image', data: png, name: 'a.png', type: 'image/png' }),
      );
      expect(uploaded.status).toBe(200);
      expect(uploaded.body.text).toBeTruthy();
    });

    it('refuses a non-image upload (415), an oversized one (413) and a missing image (400)', async () => {
      const text = await upload(
        `${T}/images/analysis`,
        form(
          { prompt: 'x' },
          { field: 'image', data: Buffer.from('hello'), name: 'a.png', type: 'image/png' },
        ),
      );
      expect(text.status).toBe(415);
      expect(text.body.error.param).toBe('image');
      const big = await upload(
        `${T}/images/analysis`,
        form(
          { prompt: 'x' },
          { field: 'image', data: Buffer.alloc(70_000, 1), name: 'a.png', type: 'image/png' },
        ),
      );
      expect(big.status).toBe(413);
      expect(big.body.error.message).toContain('65536 bytes');
      const none = await api.post(`${T}/images/analysis`, { prompt: 'x' }, token);
      expect(none.status).toBe(400);
      expect(none.body.error.param).toBe('image_url');
    });
  });

  describe('audio', () => {
    it('speaks text into a stored MP3 whose measured duration is returned', async () => {
      const response = await api.post(
        `${T}/audio/speech`,
        { text: 'one two three four five', voice: 'default' },
        token,
      );
      expect(response.status).toBe(200);
      expect(response.body).toMatchObject({
        content_type: 'audio/mpeg',
        characters: 23,
        model_id: api.config.models.tts,
      });
      expect(response.body.duration_seconds).toBeCloseTo(2.0, 1);
      const file = await fetch(response.body.audio_url);
      expect(file.status).toBe(200);
      const parsed = await parseBuffer(
        Buffer.from(await file.arrayBuffer()),
        { mimeType: 'audio/mpeg' },
        { duration: true },
      );
      expect(parsed.format.duration).toBeCloseTo(response.body.duration_seconds, 2);
    });

    it('transcribes an upload and measures its duration', async () => {
      const audio = wavAudio(3.5, 16_000, 'hello from the test');
      const response = await upload(
        `${T}/audio/transcriptions`,
        form({ language: 'en' }, { field: 'file', data: audio, name: 'a.wav', type: 'audio/wav' }),
      );
      expect(response.status).toBe(200);
      expect(response.body).toMatchObject({
        text: 'hello from the test',
        duration_seconds: 3.5,
        model_id: api.config.models.stt,
      });
    });

    it('refuses audio it cannot read (415) and an upload over the cap (413), before any upstream call', async () => {
      await api.resetSim();
      const junk = await upload(
        `${T}/audio/transcriptions`,
        form({}, { field: 'file', data: Buffer.from('not audio at all'), name: 'a.mp3', type: 'audio/mpeg' }),
      );
      expect(junk.status).toBe(415);
      expect(junk.body.error.param).toBe('file');
      const big = await upload(
        `${T}/audio/transcriptions`,
        form({}, { field: 'file', data: mp3Audio(200), name: 'a.mp3', type: 'audio/mpeg' }),
      );
      expect(big.status).toBe(413);
      expect(big.body.error).toMatchObject({ param: 'file', code: 'payload_too_large' });
      expect((await api.simStats()).requests).toBe(0);
    });
  });

  describe('audio_url and server-side request forgery', () => {
    let files: Awaited<ReturnType<typeof startFileServer>>;
    beforeAll(async () => {
      files = await startFileServer({
        '/speech.wav': { body: wavAudio(2, 16_000, 'fetched words'), type: 'audio/wav' },
      });
    });
    afterAll(() => new Promise<void>((resolve) => files.server.close(() => resolve())));

    it.each([
      (port: number) => `http://127.0.0.1:${port}/speech.wav`,
      (port: number) => `http://localhost:${port}/speech.wav`,
      (port: number) => `http://[::1]:${port}/speech.wav`,
      (port: number) => `http://127.1:${port}/speech.wav`,
      (port: number) => `http://2130706433:${port}/speech.wav`,
      (port: number) => `http://0x7f000001:${port}/speech.wav`,
      (port: number) => `http://0177.0.0.1:${port}/speech.wav`,
      (port: number) => `http://[::ffff:127.0.0.1]:${port}/speech.wav`,
      (port: number) => `http://[::ffff:7f00:1]:${port}/speech.wav`,
    ])('refuses a loopback address (%#) and fetches nothing', async (url) => {
      const response = await api.post(`${T}/audio/transcriptions`, { audio_url: url(files.port) }, token);
      expect(response.status).toBe(400);
      expect(response.body.error.param).toBe('audio_url');
      expect(response.body.error.message).toMatch(/private, loopback or link-local/);
      expect(files.requests).toEqual([]);
    });

    it.each(['file:///etc/passwd', 'ftp://example.com/a.mp3', 'gopher://127.0.0.1/', 'not a url'])(
      'refuses %s',
      async (url) => {
        const response = await api.post(`${T}/audio/transcriptions`, { audio_url: url }, token);
        expect(response.status).toBe(400);
        expect(response.body.error.param).toBe('audio_url');
        expect(files.requests).toEqual([]);
      },
    );

    it('fetches from an allow-listed source, follows redirects there, and checks every hop', async () => {
      const allowing = await TestApi.start({ REMOTE_FETCH_ALLOW: '127.0.0.1' });
      try {
        const user = await allowing.user();
        const direct = await allowing.post(
          `${T}/audio/transcriptions`,
          { audio_url: `http://127.0.0.1:${files.port}/speech.wav` },
          user.token,
        );
        expect(direct.status).toBe(200);
        expect(direct.body).toMatchObject({ text: 'fetched words', duration_seconds: 2 });
        const redirected = await allowing.post(
          `${T}/audio/transcriptions`,
          { audio_url: `http://127.0.0.1:${files.port}/redirect` },
          user.token,
        );
        expect(redirected.status).toBe(200);
        const missing = await allowing.post(
          `${T}/audio/transcriptions`,
          { audio_url: `http://127.0.0.1:${files.port}/none.wav` },
          user.token,
        );
        expect(missing.status).toBe(400);
        expect(missing.body.error.message).toContain('HTTP 404');
      } finally {
        await allowing.close();
        files.requests.length = 0;
      }
    });
  });

  describe('models', () => {
    it('lists the normalised catalog, filtered by modality', async () => {
      const all = await api.get(`${T}/models`, token);
      expect(all.status).toBe(200);
      expect(all.body.user_tier).toBe('free');
      const llama = all.body.models.find(
        (m: { id: string }) => m.id === 'meta-llama/Meta-Llama-3.1-8B-Instruct-Turbo',
      );
      expect(llama).toMatchObject({
        modality: 'text',
        context_length: 131072,
        pricing: { input_per_million: 0.18 },
      });
      const images = await api.get(`${T}/models?modality=image`, token);
      expect(images.body.models.length).toBeGreaterThan(0);
      expect(images.body.models.every((m: { modalities: string[] }) => m.modalities.includes('image'))).toBe(
        true,
      );
      expect((await api.get(`${T}/models?modality=smell`, token)).body.error.param).toBe('modality');
    });

    it('is cached: within 30 minutes a failing upstream is not even asked', async () => {
      await api.get(`${T}/models`, token);
      await api.resetSim();
      await api.fault({ kind: 'error', status: 503, count: 100 });
      const cached = await api.get(`${T}/models`, token);
      expect(cached.status).toBe(200);
      expect((await api.simStats()).byPath['/v1/models']).toBeUndefined();
      await api.clearFaults();
    });
  });
});
