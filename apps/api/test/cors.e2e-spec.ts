import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { chromium, type Browser } from 'playwright-core';
import { TestApi } from './support/test-api';

/** Debian's Chromium by default (see apps/dashboard/e2e/fixtures.ts). */
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

/**
 * A web page on another origin that calls the API with an API key, as a customer's single-page
 * app would, and shows what it could read: the status, the answer, the indicator headers.
 */
function pageCalling(apiUrl: string): string {
  return `<!doctype html><html><body><pre id="out">…</pre><script>
    const params = new URLSearchParams(location.search);
    fetch(${JSON.stringify(apiUrl)} + '/v1/chat/completions', {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: 'Bearer ' + params.get('key') },
      body: JSON.stringify({ messages: [{ role: 'user', content: 'Hello from a browser' }], max_tokens: 8 }),
    })
      .then(async (r) => ({
        status: r.status,
        answer: (await r.json()).choices?.[0]?.message?.content ?? null,
        provider: r.headers.get('x-tiergate-provider'),
        requestId: r.headers.get('x-request-id'),
        timing: r.headers.get('server-timing'),
      }))
      .catch((error) => ({ blocked: error.name }))
      .then((result) => (document.getElementById('out').textContent = JSON.stringify(result)));
  </script></body></html>`;
}

async function listen(server: Server): Promise<number> {
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return (server.address() as AddressInfo).port;
}

describe('Calls from web pages on other origins: CORS_ORIGINS (e2e)', () => {
  let api: TestApi;
  let pages: Server;
  let pagePort: number;
  let apiUrl = '';
  let key: string;
  const ALLOWED = 'https://app.example.com';

  beforeAll(async () => {
    pages = createServer((_request, response) => {
      response.writeHead(200, { 'content-type': 'text/html' }).end(pageCalling(apiUrl));
    });
    pagePort = await listen(pages);
    // Two origins of one page server: 127.0.0.1 is allowed, localhost is not.
    api = await TestApi.start({ CORS_ORIGINS: `${ALLOWED}, http://127.0.0.1:${pagePort}` });
    apiUrl = api.url;
    const user = await api.user();
    key = (await api.post('/api/v1/me/api-keys', { name: 'web app' }, user.token)).body.key as string;
  });

  afterAll(async () => {
    await api?.close();
    await new Promise((resolve) => pages?.close(resolve));
  });

  const preflight = (origin: string, path = '/v1/chat/completions') =>
    api.request('OPTIONS', path, {
      headers: {
        origin,
        'access-control-request-method': 'POST',
        'access-control-request-headers': 'authorization, content-type, x-stainless-lang',
      },
    });

  it('answers a preflight from an allowed origin before authentication, for every API path', async () => {
    for (const path of ['/v1/chat/completions', '/api/v1/together/chat/completions', '/v1/models']) {
      const answer = await preflight(ALLOWED, path);
      expect({ path, status: answer.status }).toEqual({ path, status: 204 });
      expect(answer.headers.get('access-control-allow-origin')).toBe(ALLOWED);
      expect(answer.headers.get('access-control-allow-methods')).toContain('POST');
      expect(answer.headers.get('access-control-allow-headers')).toBe(
        'authorization, content-type, x-stainless-lang',
      );
      expect(answer.headers.get('access-control-max-age')).toBe('600');
      expect(answer.headers.get('access-control-allow-credentials')).toBeNull();
      expect(answer.headers.get('vary')).toMatch(/origin/i);
    }
  });

  it('gives no other origin the allow header', async () => {
    for (const origin of ['https://evil.example.com', 'https://app.example.com.evil.example', 'null']) {
      const answer = await preflight(origin);
      expect(answer.headers.get('access-control-allow-origin')).toBeNull();
    }
  });

  it('lets an allowed page read the answer, its indicator headers and its errors', async () => {
    const headers = { origin: ALLOWED, authorization: `Bearer ${key}` };
    const body = { messages: [{ role: 'user', content: 'Hi' }], max_tokens: 8 };
    const answered = await api.request('POST', '/v1/chat/completions', { headers, body });
    expect(answered.status).toBe(200);
    expect(answered.headers.get('access-control-allow-origin')).toBe(ALLOWED);
    const exposed = answered.headers.get('access-control-expose-headers')!.split(', ');
    expect(exposed).toEqual(
      expect.arrayContaining(['x-request-id', 'x-tiergate-provider', 'x-tiergate-cost-usd', 'server-timing']),
    );

    const refused = await api.request('POST', '/v1/chat/completions', {
      headers: { origin: ALLOWED, authorization: 'Bearer tg-not-a-key' },
      body,
    });
    expect(refused.status).toBe(401);
    expect(refused.headers.get('access-control-allow-origin')).toBe(ALLOWED);
    expect(refused.body).toMatchObject({ error: { code: expect.any(String) } });
  });

  describe('in a browser', () => {
    let browser: Browser;
    beforeAll(async () => {
      browser = await chromium.launch({
        executablePath: CHROMIUM,
        headless: true,
        args: ['--no-sandbox', '--disable-background-networking'],
      });
    });
    afterAll(() => browser?.close());

    const resultOf = async (origin: string) => {
      const page = await browser.newPage();
      try {
        await page.goto(`${origin}/?key=${encodeURIComponent(key)}`);
        await page.locator('#out').filter({ hasText: '{' }).waitFor();
        return JSON.parse((await page.locator('#out').textContent())!) as Record<string, unknown>;
      } finally {
        await page.close();
      }
    };

    it('a page on an allowed origin gets the answer and reads where it came from', async () => {
      const result = await resultOf(`http://127.0.0.1:${pagePort}`);
      expect(result).toMatchObject({
        status: 200,
        answer: expect.any(String),
        provider: 'together_ai',
        requestId: expect.any(String),
        timing: expect.stringContaining('upstream;dur='),
      });
    });

    it('the browser blocks a page on any other origin', async () => {
      expect(await resultOf(`http://localhost:${pagePort}`)).toEqual({ blocked: 'TypeError' });
    });
  });
});

describe('Without CORS_ORIGINS (e2e)', () => {
  it('adds no CORS header and answers no preflight', async () => {
    const api = await TestApi.start();
    try {
      const answer = await api.request('OPTIONS', '/v1/chat/completions', {
        headers: { origin: 'https://app.example.com', 'access-control-request-method': 'POST' },
      });
      expect(answer.status).toBe(404);
      expect(answer.headers.get('access-control-allow-origin')).toBeNull();
      const models = await api.request('GET', '/v1/models', {
        headers: { origin: 'https://app.example.com' },
      });
      expect(models.headers.get('access-control-allow-origin')).toBeNull();
    } finally {
      await api.close();
    }
  });
});
