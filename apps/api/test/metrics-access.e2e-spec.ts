import { TestApi } from './support/test-api';

const TOKEN = 'metrics-token-for-the-e2e-test';

describe('/metrics in production (e2e)', () => {
  it('is off without METRICS_TOKEN: 404 in the one error shape', async () => {
    const api = await TestApi.start();
    try {
      const scrape = await api.get('/metrics');
      expect(scrape.status).toBe(404);
      expect(scrape.body).toMatchObject({
        error: { code: 'not_found', message: expect.stringContaining('METRICS_TOKEN') },
      });
      expect(scrape.text).not.toContain('tiergate_http_requests_total');
    } finally {
      await api.close();
    }
  });

  it('with METRICS_TOKEN: 401 without the bearer or with a wrong one, 200 with it', async () => {
    const api = await TestApi.start({ METRICS_TOKEN: TOKEN });
    try {
      const scrape = (authorization?: string) =>
        api.request('GET', '/metrics', { headers: authorization ? { authorization } : {} });
      for (const header of [
        undefined,
        `Bearer ${TOKEN}x`,
        `Bearer ${TOKEN.slice(0, -1)}`,
        TOKEN,
        'Bearer ',
      ]) {
        const refused = await scrape(header);
        expect({ header, status: refused.status }).toEqual({ header, status: 401 });
        expect(refused.text).not.toContain('tiergate_http_requests_total');
      }
      const allowed = await scrape(`Bearer ${TOKEN}`);
      expect(allowed.status).toBe(200);
      expect(allowed.headers.get('content-type')).toContain('text/plain');
      expect(allowed.text).toContain('tiergate_http_requests_total');
    } finally {
      await api.close();
    }
  });
});
