import { readFileSync } from 'node:fs';
import { parseString } from '@fast-csv/parse';
import ExcelJS from 'exceljs';
import type { Download, Page } from 'playwright-core';
import {
  checkA11y,
  expectRequestBudget,
  PHONE,
  screenshot,
  startDashboard,
  type Dashboard,
} from './fixtures';
import { AdminModelsPage } from './pages/admin-models.page';
import { AdminQuotasPage } from './pages/admin-quotas.page';
import { AdminUsagePage } from './pages/admin-usage.page';
import { RequestLogPage } from './pages/request-log.page';

type User = { id: string; email: string; password: string; token: string };

const today = () => new Date().toISOString().slice(0, 10);

/** The rows of a CSV file, parsed with a real CSV parser (header row as keys). */
function parseCsv(text: string): Promise<Array<Record<string, string>>> {
  return new Promise((resolve, reject) => {
    const rows: Array<Record<string, string>> = [];
    parseString(text, { headers: true })
      .on('error', reject)
      .on('data', (row: Record<string, string>) => rows.push(row))
      .on('end', () => resolve(rows));
  });
}

async function downloaded(download: Download): Promise<Buffer> {
  const path = await download.path();
  return readFileSync(path);
}

/**
 * The admin's Quotas, Models, Prices & Credits, Usage and Request Log screens in a browser against
 * the real api (PostgreSQL, Redis, the simulator, the usage worker): what the page shows and what
 * the api then holds.
 */
describe('dashboard: admin quotas, models, prices, usage and the request log', () => {
  let dash: Dashboard;
  let admin: string;
  let worker: { close: () => Promise<void> } | undefined;
  let page: Page;

  beforeAll(async () => {
    dash = await startDashboard();
    admin = await dash.api.adminToken();
    worker = await dash.api.startWorker();
    page = await dash.signedInPage(dash.admin, '/admin/quotas');
  });
  afterAll(async () => {
    await worker?.close();
    await dash?.close();
  });

  describe('Quotas', () => {
    it("approves a user's request with a different limit, and the user's quota then has it", async () => {
      const user: User = await dash.api.user();
      const asked = await dash.api.post(
        '/api/v1/me/quota-requests',
        { feature: 'text_generation', requested_limit: 200, reason: 'Classroom use for 30 students' },
        user.token,
      );
      expect(asked.status).toBe(201);

      const quotas = new AdminQuotasPage(page);
      await expectRequestBudget(page, () => quotas.goto());
      const row = quotas.row('Classroom use for 30 students');
      await row.waitFor();
      expect(await row.innerText()).toContain('200 requests per day');
      await checkA11y(page, 'analytics-quotas');
      await screenshot(page, 'analytics-quotas');

      await quotas.approve(row, { limit: 150, note: 'Granted 150 for now' });
      await page.getByText(/Approved: 150 requests per day for text generation/).waitFor();
      await row.waitFor({ state: 'detached' });

      const quota = await dash.api.get('/api/v1/together/quota', user.token);
      expect(quota.status).toBe(200);
      expect(quota.body.text_generation.requests_limit).toBe(150);
      const approved = await dash.api.get('/api/v1/admin/quota-requests?status=approved', admin);
      expect(approved.body.data).toEqual([
        expect.objectContaining({
          id: asked.body.id,
          status: 'approved',
          granted_limit: 150,
          decision_reason: 'Granted 150 for now',
        }),
      ]);

      await quotas.status('Approved');
      await page.waitForURL((url) => url.searchParams.get('status') === 'approved');
      await quotas.row('Classroom use for 30 students').waitFor();
    });

    it('denies a request only with a reason, shown next to the field', async () => {
      const user: User = await dash.api.user();
      const asked = await dash.api.post(
        '/api/v1/me/quota-requests',
        { feature: 'image_generation', requested_limit: 40, reason: 'Posters for the fair' },
        user.token,
      );
      const quotas = new AdminQuotasPage(page);
      await quotas.goto('?status=pending');
      const row = quotas.row('Posters for the fair');
      await quotas.openDeny(row);
      await quotas.denyDialog.getByRole('button', { name: 'Deny', exact: true }).click();
      const reason = quotas.denyDialog.getByRole('textbox', { name: 'Reason' });
      expect(await reason.getAttribute('aria-invalid')).toBe('true');
      await quotas.denyDialog.getByText(/Say why/).waitFor();
      const pending = await dash.api.get('/api/v1/admin/quota-requests?status=pending', admin);
      expect(pending.body.data.map((r: { id: string }) => r.id)).toContain(asked.body.id);

      await quotas.confirmDeny('Images are not part of the plan');
      await quotas.denyDialog.waitFor({ state: 'detached' });
      const denied = await dash.api.get('/api/v1/admin/quota-requests?status=denied', admin);
      expect(denied.body.data[0]).toMatchObject({
        id: asked.body.id,
        status: 'denied',
        decision_reason: 'Images are not part of the plan',
      });
    });

    it("edits a tier's limits, Unlimited meaning null, and the api holds exactly that", async () => {
      const quotas = new AdminQuotasPage(page);
      await quotas.goto('?tier=premium');
      await quotas.limit('Image generation', 'Requests per day').fill('75');
      await quotas.unlimited('Text generation', 'Tokens per request').check();
      expect(await quotas.limit('Text generation', 'Tokens per request').isDisabled()).toBe(true);
      // An empty field is neither a number nor Unlimited: refused in words, nothing sent.
      await quotas.rateLimit('Concurrent streams').fill('');
      await quotas.saveTier.click();
      const streams = quotas.rateLimit('Concurrent streams');
      expect(await streams.getAttribute('aria-invalid')).toBe('true');
      await page.getByText('Enter a whole number from 0, or tick Unlimited').waitFor();

      await streams.fill('8');
      expect(await quotas.save()).toBe(200);
      await page.getByText('Premium tier limits saved').waitFor();
      const policy = await dash.api.get('/api/v1/admin/quotas/tiers/premium', admin);
      expect(policy.body.features.image_generation.requests_per_day).toBe(75);
      expect(policy.body.features.text_generation.tokens_per_request).toBeNull();
      expect(policy.body.rate_limits.concurrent_streams).toBe(8);
    });
  });

  describe('Models', () => {
    it('refuses a primary the catalog lacks until confirmed, keeps the rest of the route, and shows the warning', async () => {
      const before = (await dash.api.get('/api/v1/admin/model-config', admin)).body.tiers.premium.routes
        .image;
      expect(before.fallbacks.length).toBeGreaterThanOrEqual(1);
      const models = new AdminModelsPage(page);
      await expectRequestBudget(page, () => models.goto());
      expect(await models.warnings.count()).toBe(0);
      await models.edit('Premium', 'Image');
      await checkA11y(page, 'analytics-models');

      await models.setPrimary('nobody/imaginary-model');
      expect(await models.save()).toBe(400);
      // The refusal is shown on the field, and the admin may confirm it.
      await page
        .getByText(/model nobody\/imaginary-model is not in the provider's catalog/)
        .first()
        .waitFor();
      expect(
        (await dash.api.get('/api/v1/admin/model-config', admin)).body.tiers.premium.routes.image,
      ).toEqual(before);
      expect(await models.saveAnyway()).toBe(200);
      await models.warnings.waitFor();
      expect(await models.warnings.innerText()).toContain('nobody/imaginary-model');
      await page.getByText('Premium · Image route saved').waitFor();
      await screenshot(page, 'analytics-models-warning');

      const after = (await dash.api.get('/api/v1/admin/model-config', admin)).body;
      expect(after.tiers.premium.routes.image).toEqual({ ...before, primary: 'nobody/imaginary-model' });
      expect(after.warnings.join(' ')).toContain('nobody/imaginary-model');

      // The warning is there on load too.
      await models.goto();
      await models.warnings.waitFor();
    });

    it('reorders fallbacks by keyboard and saves them in the new order', async () => {
      const models = new AdminModelsPage(page);
      await models.goto('?tier=free&modality=chat');
      await models.editor.waitFor();
      const first = await models.fallback(1).inputValue();
      const second = await models.fallback(2).inputValue();
      await models.moveDown(1).focus();
      await page.keyboard.press('Enter');
      expect(await models.fallback(1).inputValue()).toBe(second);
      expect(await models.fallback(2).inputValue()).toBe(first);
      // Focus follows the moved model (now second, so its "up" button).
      expect(
        await page.evaluate<string | null>('document.activeElement?.getAttribute("aria-label")'),
      ).toMatch(/^Move fallback 2 .* up$/);
      expect(await models.save()).toBe(200);
      const chat = (await dash.api.get('/api/v1/admin/model-config', admin)).body.tiers.free.routes.chat;
      expect(chat.fallbacks.slice(0, 2)).toEqual([second, first]);
      expect(Object.keys(chat.purposes ?? {})).toContain('coding');
    });

    it('browses the catalog with its context length and prices', async () => {
      const models = new AdminModelsPage(page);
      const read = page.waitForResponse((r) => new URL(r.url()).pathname === '/api/v1/admin/models');
      await models.goto('?tab=catalog');
      await models.catalog.waitFor();
      // The whole catalog (every tier's models), from the admin endpoint, not one tier's view.
      expect((await read).status()).toBe(200);
      const whole = (await dash.api.get('/api/v1/admin/models', admin)).body.models as unknown[];
      await page
        .getByText(`The whole catalog, every tier's models (${whole.length.toLocaleString('en-US')})`)
        .waitFor();
      expect(await page.getByText(/tier sees it/).count()).toBe(0);
      await page.getByRole('textbox', { name: 'Search' }).fill('whisper');
      await page.waitForURL((url) => url.searchParams.get('q') === 'whisper');
      const rows = models.catalog.locator('tbody tr');
      expect(await rows.count()).toBeGreaterThanOrEqual(1);
      expect(await rows.first().innerText()).toContain('whisper');
      await checkA11y(page, 'analytics-models-catalog');
      await screenshot(page, 'analytics-models-catalog');
    });
  });

  describe('Prices & Credits', () => {
    it('saves prices, a per-model price and monthly credits; a bad value is refused next to its field', async () => {
      await expectRequestBudget(page, () => page.goto('/admin/prices'));
      await page.getByRole('heading', { name: 'Prices & Credits', exact: true }).waitFor();
      // A tier without its own credits shows the platform default in force, in dollars.
      const inForce = (await dash.api.get('/api/v1/admin/prices', admin)).body;
      expect(inForce.tier_credits_usd?.free).toBeUndefined();
      const free = page.getByRole('textbox', { name: 'Free tier, USD per month' });
      const usd = (value: number) =>
        value.toLocaleString('en-US', { style: 'currency', currency: 'USD', minimumFractionDigits: 2 });
      expect(await free.getAttribute('placeholder')).toBe(
        `Platform default: ${usd(inForce.effective_tier_credits_usd.free)}`,
      );
      await page
        .getByText(`Platform default in force: ${usd(inForce.effective_tier_credits_usd.free)} per month`)
        .waitFor();
      const perMegapixel = page.getByRole('textbox', { name: 'Images, per megapixel' });
      await perMegapixel.fill('');
      await page.getByRole('button', { name: 'Save prices and credits' }).click();
      expect(await perMegapixel.getAttribute('aria-invalid')).toBe('true');

      await perMegapixel.fill('0.004');
      await page.getByRole('textbox', { name: 'Premium tier, USD per month' }).fill('30');
      await page.getByRole('button', { name: 'Add a model' }).click();
      await page
        .getByRole('combobox', { name: 'Model 1', exact: true })
        .fill('black-forest-labs/FLUX.1-schnell');
      await page.keyboard.press('Escape');
      await page
        .getByRole('textbox', { name: 'Per image for black-forest-labs/FLUX.1-schnell' })
        .fill('0.003');
      const answer = page.waitForResponse(
        (r) => new URL(r.url()).pathname === '/api/v1/admin/prices' && r.request().method() === 'PUT',
      );
      await page.getByRole('button', { name: 'Save prices and credits' }).click();
      expect((await answer).status()).toBe(200);
      await page.getByText('Prices and credits saved').waitFor();
      await checkA11y(page, 'analytics-prices');
      await screenshot(page, 'analytics-prices');

      const prices = (await dash.api.get('/api/v1/admin/prices', admin)).body;
      expect(prices).toMatchObject({
        image_per_megapixel: 0.004,
        tier_credits_usd: { premium: 30 },
        models: { 'black-forest-labs/FLUX.1-schnell': { per_image: 0.003 } },
      });
      expect(prices.tier_credits_usd.free).toBeUndefined();
    });
  });

  describe('Usage and the Request Log', () => {
    let user: User;
    const costs: number[] = [];
    const requestIds: string[] = [];
    const REQUESTS = 27;

    beforeAll(async () => {
      user = await dash.api.user();
      for (let i = 0; i < REQUESTS; i++) {
        const answer = await dash.api.post(
          '/api/v1/together/chat/completions',
          { messages: [{ role: 'user', content: `Question number ${i}` }], max_tokens: 16 },
          user.token,
        );
        if (answer.status !== 200) throw new Error(`chat failed: ${answer.status} ${answer.text}`);
        costs.push(answer.body.usage.cost_usd as number);
        requestIds.push(answer.headers.get('x-request-id') ?? '');
      }
      // The worker writes the ledger (and its rollups) from the queue.
      const deadline = Date.now() + 20_000;
      while ((await dash.api.usageRows(user.id)) < REQUESTS && Date.now() < deadline)
        await new Promise((resolve) => setTimeout(resolve, 200));
      const written = await dash.api.usageRows(user.id);
      if (written !== REQUESTS) throw new Error(`the worker wrote ${written} of ${REQUESTS} usage rows`);
    });

    it("shows the user's requests in the stat cards, the chart and the report, with the right numbers", async () => {
      const report = await dash.api.get(`/api/v1/admin/usage?user_id=${user.id}&group_by=model`, admin);
      expect(report.body.totals.requests).toBe(REQUESTS);
      const usage = new AdminUsagePage(page);
      await expectRequestBudget(page, () => usage.goto(`?user_id=${user.id}`));
      // The user filter shows the account's email (found by the user id in the URL).
      await page.locator(`input[value="${user.email}"]`).waitFor();

      expect(await usage.stat('Requests')).toBe(String(REQUESTS));
      expect(await usage.stat('Tokens')).toBe(report.body.totals.total_tokens.toLocaleString('en-US'));
      expect(await usage.summary('Requests per day')).toContain(`${REQUESTS} requests from`);

      const table = await usage.chartTable('Requests per day');
      expect(table[0][0]).toBe(today());
      expect(table[0].slice(1)).toContain(String(REQUESTS));
      expect(table.slice(1).every((row) => row.slice(1).every((cell) => cell === '0'))).toBe(true);

      const rows = await usage.reportRows();
      const model = report.body.data[0].model as string;
      expect(rows).toEqual([expect.arrayContaining([model, String(REQUESTS)])]);
      await checkA11y(page, 'analytics-usage');
      await screenshot(page, 'analytics-usage');
    });

    it('downloads the CSV and Excel exports with every request of the filters', async () => {
      const usage = new AdminUsagePage(page);
      await usage.goto(`?user_id=${user.id}`);

      const csv = await usage.export('CSV');
      expect(csv.suggestedFilename()).toMatch(/\.csv$/);
      const rows = await parseCsv((await downloaded(csv)).toString('utf8'));
      expect(rows).toHaveLength(REQUESTS);
      expect(new Set(rows.map((row) => row.user_id))).toEqual(new Set([user.id]));
      expect(new Set(rows.map((row) => row.request_id))).toEqual(new Set(requestIds));
      const total = rows.reduce((sum, row) => sum + Number(row.cost_usd), 0);
      expect(total).toBeCloseTo(
        costs.reduce((sum, cost) => sum + cost, 0),
        8,
      );
      expect(rows.every((row) => row.status === '200' && row.key_source === 'system')).toBe(true);

      const xlsx = await usage.export('Excel (.xlsx)');
      expect(xlsx.suggestedFilename()).toMatch(/\.xlsx$/);
      const workbook = new ExcelJS.Workbook();
      await workbook.xlsx.readFile(await xlsx.path());
      const sheet = workbook.worksheets[0];
      const header = (sheet.getRow(1).values as unknown[]).slice(1);
      expect(header).toEqual(Object.keys(rows[0]));
      const idColumn = header.indexOf('request_id') + 1;
      const ids: string[] = [];
      sheet.eachRow((row, index) => {
        if (index > 1) ids.push(row.getCell(idColumn).text);
      });
      expect(new Set(ids)).toEqual(new Set(requestIds));
    });

    it("pages the Request Log by keyset, newest first, with each request's indicators", async () => {
      const log = new RequestLogPage(page);
      await expectRequestBudget(page, () => log.goto(`?user_id=${user.id}&limit=25`));
      expect(await log.rows().count()).toBe(25);
      expect(await log.position()).toMatch(/^Page 1 · 25 requests/);
      const first = await log.rows().first().innerText();
      expect(first).toContain(user.email);
      expect(first).toContain('System key');
      expect(await log.newer.isDisabled()).toBe(true);
      await checkA11y(page, 'analytics-request-log');
      await screenshot(page, 'analytics-request-log');

      await log.go('Older');
      await page.waitForURL((url) => url.searchParams.has('cursors'));
      expect(await log.rows().count()).toBe(REQUESTS - 25);
      expect(await log.position()).toBe(`Page 2 · ${REQUESTS - 25} requests · the oldest in the range`);
      expect(await log.older.isDisabled()).toBe(true);

      await log.newer.click();
      await page.waitForURL((url) => !url.searchParams.has('cursors'));
      expect(await log.rows().count()).toBe(25);
    });
  });

  describe('on a phone', () => {
    it.each([
      ['quotas', '/admin/quotas'],
      ['models', '/admin/models?modality=chat'],
      ['prices', '/admin/prices'],
      ['usage', '/admin/usage'],
      ['request-log', '/admin/requests'],
    ])('%s has no serious accessibility violation', async (name, path) => {
      const phone = await dash.signedInPage(dash.admin, path, PHONE);
      const heading = phone.getByRole('heading', { level: 2 }).first();
      await heading.waitFor();
      await phone.waitForLoadState('networkidle');
      // No horizontal scrolling of the page itself (wide tables scroll in their own container).
      expect(await phone.evaluate<number>('document.documentElement.scrollWidth')).toBeLessThanOrEqual(
        PHONE.width,
      );
      await checkA11y(phone, `analytics-${name}-phone`);
      await screenshot(phone, `analytics-${name}-phone`);
      await phone.context().close();
    });
  });
});
