import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { brotliCompressSync, gzipSync } from 'node:zlib';
import { TestApi } from './support/test-api';

const INDEX =
  '<!doctype html><html><body><div id="root"></div><script src="/assets/app-abc123.js"></script></body></html>';
const SCRIPT = `console.log(${JSON.stringify('tiergate '.repeat(200))});`;

describe('the dashboard served on the api origin (e2e)', () => {
  let api: TestApi;
  let dir: string;

  beforeAll(async () => {
    // A stand-in build, laid out as Vite lays it out (hashed assets, precompressed copies).
    dir = mkdtempSync(join(tmpdir(), 'tiergate-dashboard-'));
    mkdirSync(join(dir, 'assets'));
    writeFileSync(join(dir, 'index.html'), INDEX);
    writeFileSync(join(dir, 'favicon.svg'), '<svg xmlns="http://www.w3.org/2000/svg"/>');
    writeFileSync(join(dir, 'assets/app-abc123.js'), SCRIPT);
    writeFileSync(join(dir, 'assets/app-abc123.js.br'), brotliCompressSync(SCRIPT));
    writeFileSync(join(dir, 'assets/app-abc123.js.gz'), gzipSync(SCRIPT));
    api = await TestApi.start({ DASHBOARD_DIR: dir });
  });
  afterAll(async () => {
    await api.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it.each(['/', '/admin', '/admin/users?page=2', '/app/playground', '/sign-in'])(
    'answers %s with the app, never cached, with a content security policy',
    async (path) => {
      const response = await fetch(api.url + path);
      expect(response.status).toBe(200);
      expect(response.headers.get('content-type')).toMatch(/^text\/html/);
      expect(response.headers.get('cache-control')).toBe('no-cache');
      expect(response.headers.get('content-security-policy')).toContain("script-src 'self'");
      expect(response.headers.get('x-frame-options')).toBe('DENY');
      expect(await response.text()).toBe(INDEX);
    },
  );

  it('serves hashed assets compressed, with long-lived cache headers', async () => {
    const brotli = await fetch(api.url + '/assets/app-abc123.js', { headers: { 'accept-encoding': 'br' } });
    expect(brotli.status).toBe(200);
    expect(brotli.headers.get('content-encoding')).toBe('br');
    expect(brotli.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
    expect(await brotli.text()).toBe(SCRIPT); // fetch decodes it
    const gzip = await fetch(api.url + '/assets/app-abc123.js', { headers: { 'accept-encoding': 'gzip' } });
    expect(gzip.headers.get('content-encoding')).toBe('gzip');
    const plain = await fetch(api.url + '/favicon.svg');
    expect(plain.status).toBe(200);
    expect(plain.headers.get('cache-control')).toBe('public, max-age=300');
  });

  it('answers a missing asset with 404, not the app', async () => {
    const response = await fetch(api.url + '/assets/gone-000.js');
    expect(response.status).toBe(404);
    expect(((await response.json()) as any).error.code).toBe('not_found');
  });

  it.each(['/api/nope', '/api/v1/nothing/here', '/v1/nope', '/health/nope', '/docs/nope', '/metrics/nope'])(
    'keeps the API JSON 404 for %s',
    async (path) => {
      const response = await fetch(api.url + path);
      expect(response.status).toBe(404);
      expect(response.headers.get('content-type')).toMatch(/^application\/json/);
      expect(((await response.json()) as any).error).toMatchObject({
        code: 'not_found',
        type: 'not_found_error',
      });
    },
  );

  it('keeps the API routes themselves', async () => {
    expect((await fetch(api.url + '/health')).status).toBe(200);
    const document = await fetch(api.url + '/docs/openapi.json');
    expect(document.status).toBe(200);
    expect(((await document.json()) as any).paths['/api/v1/auth/session']).toBeDefined();
    expect((await fetch(api.url + '/api/v1/me')).status).toBe(401);
  });

  it('refuses path traversal', async () => {
    const response = await fetch(api.url + '/assets/..%2f..%2fpackage.json');
    expect(response.status).toBeGreaterThanOrEqual(400);
    expect(await response.text()).not.toContain('"dependencies"');
  });

  it('says how to build the dashboard when it is missing', async () => {
    const missing = join(dir, 'not-built');
    expect(existsSync(missing)).toBe(false);
    const bare = await TestApi.start({ DASHBOARD_DIR: missing });
    try {
      const response = await fetch(bare.url + '/');
      expect(response.status).toBe(404);
      expect(((await response.json()) as any).error.message).toContain('npm run build:dashboard');
    } finally {
      await bare.close();
    }
  });
});
