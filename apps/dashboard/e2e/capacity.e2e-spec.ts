import { readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { checkA11y, screenshot, startDashboard, withPageErrors, type Dashboard } from './fixtures';
import { AdminEndpointsPage } from './pages/admin-endpoints.page';
import { BatchesPage } from './pages/batches.page';
import { LayoutPage } from './pages/layout.page';

const H100 = /^1x H100 80GB/;
/** A model the simulator has dedicated hardware for. */
const DEDICATED_MODEL = 'meta-llama/Meta-Llama-3.1-8B-Instruct-Turbo';

/** One line of a batch input in OpenAI's format. */
const line = (id: string, model: string) => ({
  custom_id: id,
  method: 'POST',
  url: '/v1/chat/completions',
  body: { model, messages: [{ role: 'user', content: `batch question ${id}` }], max_tokens: 16 },
});

/**
 * Enterprise capacity in the browser against the real api: a premium user's batch (upload a
 * JSONL, follow it to completion, download the output; a bad line named on the field; a free
 * user told batches are not on the tier), and the admin's dedicated endpoints (create, follow to
 * STARTED, stop, stats, delete) and model uploads (followed to Complete).
 */
describe('dashboard: batches, dedicated endpoints and model uploads', () => {
  let dash: Dashboard;
  let admin: string;

  beforeAll(async () => {
    dash = await startDashboard();
    admin = await dash.api.adminToken();
    // The simulator's jobs move in a fraction of a second (the api's followers sweep every second).
    const sim = dash.api.simControl;
    await sim.post('/_sim/batches/config', { validating_ms: 100, in_progress_ms: 400 });
    await sim.post('/_sim/endpoints/config', { pending_ms: 50, starting_ms: 150, stopping_ms: 100 });
    await sim.post('/_sim/uploads/config', { queued_ms: 50, running_ms: 150 });
  });
  afterAll(() => dash?.close());

  const premiumPage = async (): Promise<{ page: Page; token: string }> => {
    const user = await dash.api.user();
    expect((await dash.api.patch(`/api/v1/admin/users/${user.id}`, { tier: 'premium' }, admin)).status).toBe(
      200,
    );
    return { page: await dash.signedInPage(user, '/app/batches'), token: user.token };
  };

  describe('Batches', () => {
    it('runs a 3-line JSONL to completion, following it on the page, and downloads the output', async () => {
      const { page, token } = await premiumPage();
      const batches = new BatchesPage(page);
      await new LayoutPage(page).link('Batches', 'User Dashboard').waitFor();
      const model = dash.api.config.models.chat;

      const created = page.waitForResponse(
        (r) => new URL(r.url()).pathname === '/v1/batches' && r.request().method() === 'POST',
      );
      expect(await batches.run('three.jsonl', [line('a', model), line('b', model), line('c', model)])).toBe(
        200,
      );
      const batch = (await (await created).json()) as { id: string; input_file_id: string };
      const row = batches.row(batch.id);
      await row.waitFor();
      await page.getByText(/Batch submitted\./).waitFor();

      // The list is polled while the batch runs: it completes without a reload.
      await withPageErrors(page, row.getByText('Completed', { exact: true }).waitFor({ timeout: 20_000 }));
      await row.getByText('3 of 3 completed', { exact: true }).waitFor();
      expect(await row.innerText()).toContain(model);
      await checkA11y(page, 'app-batches-completed');
      await screenshot(page, 'app-batches-completed');

      const download = page.waitForEvent('download');
      await row.getByRole('button', { name: `Download the output of ${batch.id}` }).click();
      const saved = await download;
      expect(saved.suggestedFilename()).toBe(`${batch.id}-output.jsonl`);
      const output = readFileSync(await saved.path(), 'utf8')
        .trim()
        .split('\n')
        .map((text) => JSON.parse(text) as { custom_id: string; response: { status_code: number } });
      expect(output.map((result) => result.custom_id).sort()).toEqual(['a', 'b', 'c']);
      expect(output.every((result) => result.response.status_code === 200)).toBe(true);

      // The browser's multipart upload kept the file's name.
      const file = await dash.api.get(`/v1/files/${batch.input_file_id}`, token);
      expect(file.body).toMatchObject({ filename: 'three.jsonl', purpose: 'batch', line_count: 3 });
      await page.context().close();
    });

    it('names the bad line on the file field and creates no batch', async () => {
      const { page, token } = await premiumPage();
      const batches = new BatchesPage(page);
      const model = dash.api.config.models.chat;
      expect(await batches.run('bad.jsonl', [line('a', model), line('b', 'nobody/no-such-model')])).toBe(400);
      await page.getByText(/^Line 2: body\.model/).waitFor();
      expect(await batches.fileField.getAttribute('aria-invalid')).toBe('true');
      await checkA11y(page, 'app-batches-line-error');
      await screenshot(page, 'app-batches-line-error');
      expect((await dash.api.get('/v1/batches', token)).body.data).toEqual([]);
      await page.context().close();
    });

    it('tells a free user that batches are not on the tier, and leaves them out of the navigation', async () => {
      const user = await dash.api.user();
      const page = await dash.signedInPage(user, '/app/batches');
      const batches = new BatchesPage(page);
      await batches.tierNote.waitFor();
      expect(await batches.form.count()).toBe(0);
      expect(await new LayoutPage(page).link('Batches', 'User Dashboard').count()).toBe(0);
      await page.context().close();
    });
  });

  describe('Endpoints and model uploads (admin)', () => {
    it('creates an endpoint and sees it STARTED, stops it, shows its stats, and deletes it', async () => {
      const page = await dash.signedInPage(dash.admin, '/admin/endpoints');
      const endpoints = new AdminEndpointsPage(page);
      await page.getByText(/No dedicated endpoints yet/).waitFor();
      expect(
        await endpoints.createEndpoint({
          model: DEDICATED_MODEL,
          hardware: H100,
          displayName: 'Enterprise chat',
          minReplicas: 1,
          maxReplicas: 2,
        }),
      ).toBe(201);
      await endpoints.dialog.waitFor({ state: 'hidden' });
      const row = endpoints.row('Enterprise chat');
      await withPageErrors(page, row.getByText('Started', { exact: true }).waitFor({ timeout: 20_000 }));
      expect(await row.innerText()).toContain(DEDICATED_MODEL);
      expect(await row.getByText('1–2').isVisible()).toBe(true);
      const [stored] = await dash.api.db.query<{ state: string; min_replicas: number }>(
        'SELECT state, min_replicas FROM dedicated_endpoints',
      );
      expect(stored).toEqual({ state: 'STARTED', min_replicas: 1 });
      await checkA11y(page, 'admin-endpoints-started');
      await screenshot(page, 'admin-endpoints-started');

      await row.getByRole('button', { name: 'Stop Enterprise chat' }).click();
      await row.getByText('Stopped', { exact: true }).waitFor({ timeout: 20_000 });

      await row.getByRole('button', { name: 'Stats of Enterprise chat' }).click();
      const stats = page.getByRole('region', { name: 'Usage of Enterprise chat' });
      await stats.getByText('Running time', { exact: true }).waitFor();
      // Nothing was sent to it; it ran for at least a minute (each run is rounded up).
      expect(await stats.innerText()).toMatch(/REQUESTS\s+0\b/i);
      expect(await stats.innerText()).toMatch(/RUNNING TIME\s+[1-9]\d* min/i);
      await screenshot(page, 'admin-endpoints-stats');

      await row.getByRole('button', { name: 'Delete Enterprise chat' }).click();
      const confirm = page.getByRole('dialog', { name: 'Delete this endpoint?' });
      const deleted = page.waitForResponse((r) => r.request().method() === 'DELETE');
      await confirm.getByRole('button', { name: 'Delete' }).click();
      expect((await deleted).status()).toBe(204);
      await page.getByText(/No dedicated endpoints yet/).waitFor();
      await page.context().close();
    });

    it('uploads an adapter and follows the job to Complete', async () => {
      const page = await dash.signedInPage(dash.admin, '/admin/uploads');
      await page.getByRole('button', { name: 'Upload model' }).click();
      const dialog = page.getByRole('dialog', { name: 'Upload model' });
      await dialog.getByText('Adapter (LoRA)').click();
      await dialog.getByRole('textbox', { name: 'Model name' }).fill('acme/support-lora');
      await dialog.getByRole('textbox', { name: 'Source' }).fill('https://huggingface.co/acme/support-lora');
      await dialog.getByRole('textbox', { name: 'Base model' }).fill(DEDICATED_MODEL);
      const answer = page.waitForResponse((r) => r.request().method() === 'POST');
      await dialog.getByRole('button', { name: 'Upload' }).click();
      expect((await answer).status()).toBe(201);
      const row = page.getByRole('table', { name: 'Model uploads' }).locator('tbody tr').filter({
        hasText: 'acme/support-lora',
      });
      await withPageErrors(page, row.getByText('Complete', { exact: true }).waitFor({ timeout: 20_000 }));
      expect(await row.innerText()).toContain(`on ${DEDICATED_MODEL}`);
      await checkA11y(page, 'admin-uploads-complete');
      await screenshot(page, 'admin-uploads-complete');
      await page.context().close();
    });
  });
});
