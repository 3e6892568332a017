import type { Page } from 'playwright-core';
import {
  checkA11y,
  DESKTOP,
  expectRequestBudget,
  PHONE,
  screenshot,
  startDashboard,
  type Dashboard,
} from './fixtures';
import { LayoutPage } from './pages/layout.page';
import { MyKeysPage } from './pages/my-keys.page';
import { MyModelsPage } from './pages/my-models.page';
import { MyQuotaPage } from './pages/my-quota.page';
import { MyUsagePage } from './pages/my-usage.page';
import { PlaygroundPage } from './pages/playground.page';

/** The free tier's chat route (see the model-config migration): the primary, then its first fallback. */
const PRIMARY_CHAT = 'meta-llama/Meta-Llama-3.1-8B-Instruct-Turbo';
const FIRST_FALLBACK = 'Qwen/Qwen2.5-7B-Instruct-Turbo';

type User = { id: string; email: string; password: string; token: string };

/**
 * The User Dashboard in a browser against the real api: quota and "Request Increase", personal
 * API keys used from a plain fetch, the playground's streamed chat with its model-source
 * indicators (Fallback when the simulator fails the primary, none when the flag is off), image
 * and speech, usage and billing, and the models list.
 */
describe('dashboard: the user screens', () => {
  let dash: Dashboard;
  let admin: string;
  let worker: { close: () => Promise<void> } | undefined;

  beforeAll(async () => {
    dash = await startDashboard();
    admin = await dash.api.adminToken();
    worker = await dash.api.startWorker();
  });
  afterAll(async () => {
    await worker?.close();
    await dash?.close();
  });
  afterEach(() => dash?.api.resetSim());

  const setFlag = async (name: string, enabled: boolean) => {
    const answer = await dash.api.put('/api/v1/admin/flags', { [name]: enabled }, admin);
    expect(answer.status).toBe(200);
  };

  const userPage = async (path: string, viewport = DESKTOP): Promise<{ user: User; page: Page }> => {
    const user = await dash.api.user();
    const page = await dash.signedInPage(user, path, viewport);
    return { user, page };
  };

  /** Polls `check` until it returns a truthy value (hard timeout): for the usage ledger's writer. */
  const eventually = async <T>(
    check: () => Promise<T | undefined | false>,
    timeoutMs = 15_000,
  ): Promise<T> => {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const value = await check();
      if (value) return value;
      if (Date.now() > deadline) throw new Error('condition not met in time');
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
  };

  describe('Quota', () => {
    it('shows today’s usage against the limits, and a request for more as pending (in the database too)', async () => {
      const { user, page } = await userPage('/app/quota');
      const quota = new MyQuotaPage(page);
      await quota.meter('text_generation', 'requests').waitFor();
      expect(await quota.meterText('text_generation', 'requests')).toBe('0 of 50 requests today');
      expect(await quota.meterText('text_generation', 'tokens')).toBe('0 of 10,000 tokens today');
      expect(await quota.meterText('audio_tts', 'minutes')).toBe('0 of 5 minutes today');
      expect(
        await page.getByRole('progressbar', { name: /Image generation: 0 of 10 requests today/ }).count(),
      ).toBe(1);
      expect(await quota.rateLimits.innerText()).toContain('Requests per minute');

      // One request used, seen on the page after a reload.
      const chat = await dash.api.post(
        '/api/v1/together/chat/completions',
        { messages: [{ role: 'user', content: 'hello #sim tokens=4' }] },
        user.token,
      );
      expect(chat.status).toBe(200);
      await quota.goto();
      expect(await quota.meterText('text_generation', 'requests')).toBe('1 of 50 requests today');

      expect(
        await quota.askForMore({
          feature: 'Image generation',
          requested: 40,
          reason: 'Illustrations for a school project',
        }),
      ).toBe(201);
      await quota.dialog.waitFor({ state: 'hidden' });
      await quota.requests.locator('tbody tr').filter({ hasText: 'Illustrations' }).waitFor();
      const [row] = (await quota.requestRows()).map((cells) => cells.map((cell) => cell.toLowerCase()));
      expect(row).toEqual(
        expect.arrayContaining([
          'image generation',
          'requests per day',
          '40',
          'illustrations for a school project',
          'pending',
        ]),
      );
      const stored = await dash.api.db.query<{
        feature: string;
        limit_name: string;
        requested_limit: number;
        status: string;
      }>('SELECT feature, limit_name, requested_limit, status FROM quota_requests WHERE user_id = $1', [
        user.id,
      ]);
      expect(stored).toEqual([
        {
          feature: 'image_generation',
          limit_name: 'requests_per_day',
          requested_limit: 40,
          status: 'pending',
        },
      ]);
      await page.context().close();
    });

    it('says what is wrong in the form before anything is sent', async () => {
      const { user, page } = await userPage('/app/quota');
      const quota = new MyQuotaPage(page);
      await quota.requestIncrease.click();
      await quota.dialog.getByRole('button', { name: 'Submit Request' }).click();
      await quota.dialog.getByText('Enter the limit you need').waitFor();
      await quota.dialog.getByText('Say why (at least 3 characters)').waitFor();
      const limit = quota.dialog.getByRole('textbox', { name: 'Requested limit' });
      expect(await limit.getAttribute('aria-invalid')).toBe('true');
      expect(await dash.api.db.query('SELECT 1 FROM quota_requests WHERE user_id = $1', [user.id])).toEqual(
        [],
      );
      await page.context().close();
    });
  });

  describe('API Keys', () => {
    it('creates a key shown once, which a plain fetch then uses on /v1, and revokes it', async () => {
      const { user, page } = await userPage('/app/keys');
      const keys = new MyKeysPage(page);
      const secret = await keys.createKey('laptop');
      expect(secret).toMatch(/^tg_/);
      await keys.row('laptop').waitFor();
      const rowText = await keys.row('laptop').innerText();
      expect(rowText).toContain(secret.slice(0, 8));
      expect(rowText).not.toContain(secret); // only the prefix is shown again
      expect(rowText).toContain('Never');

      const answer = await fetch(`${dash.url}/v1/chat/completions`, {
        method: 'POST',
        headers: { authorization: `Bearer ${secret}`, 'content-type': 'application/json' },
        body: JSON.stringify({ messages: [{ role: 'user', content: 'Hello from curl #sim tokens=5' }] }),
      });
      expect(answer.status).toBe(200);
      const body = (await answer.json()) as { choices: { message: { content: string } }[]; model: string };
      expect(body.choices[0].message.content.length).toBeGreaterThan(0);
      expect(body.model).toBe(PRIMARY_CHAT);

      // Its use is recorded and shown.
      await eventually(async () => {
        const [row] = await dash.api.db.query<{ last_used_at: Date | null }>(
          'SELECT last_used_at FROM api_keys WHERE user_id = $1',
          [user.id],
        );
        return row?.last_used_at;
      });
      await keys.goto();
      expect(await keys.row('laptop').innerText()).not.toContain('Never');

      expect(await keys.revoke('laptop')).toBe(204);
      await keys
        .row('laptop')
        .getByText(/^Revoked/)
        .waitFor();
      const refused = await fetch(`${dash.url}/v1/models`, {
        headers: { authorization: `Bearer ${secret}` },
      });
      expect(refused.status).toBe(401);
      await page.context().close();
    });

    it('explains that own provider keys are off, and adds, rejects and deletes one when they are on', async () => {
      const { user, page } = await userPage('/app/keys');
      const keys = new MyKeysPage(page);
      // allow_user_keys is off by default: the list says so (user_keys_allowed), and the page shows the
      // note instead of the form from the start, without trying an add.
      await keys.disabledNote.waitFor();
      expect(await keys.providerForm.count()).toBe(0);
      const list = await dash.api.get('/api/v1/me/provider-keys', user.token);
      expect(list.body).toEqual({ data: [], user_keys_allowed: false });
      const refused = await dash.api.post(
        '/api/v1/me/provider-keys',
        { provider: 'together_ai', key: 'tgp_v1_my-own-key-0001' },
        user.token,
      );
      expect(refused.status).toBe(403);
      expect(refused.body.error.code).toBe('user_keys_disabled');

      await setFlag('allow_user_keys', true);
      try {
        await keys.goto();
        // A key the provider refuses: the message is on the field, nothing is saved.
        await dash.api.revokeUpstreamKey('tgp_v1_revoked-key-9999');
        expect(await keys.addProviderKey('tgp_v1_revoked-key-9999')).toBe(400);
        const field = keys.providerKeyFieldError();
        await keys.providerForm.getByText(/rejected this key/).waitFor();
        expect(await field.getAttribute('aria-invalid')).toBe('true');
        expect(await field.inputValue()).toBe(''); // the secret is not kept in the form

        expect(await keys.addProviderKey('tgp_v1_my-own-key-0001', { label: 'Personal' })).toBe(201);
        await keys.providerKeys.first().waitFor();
        const card = await keys.providerKeys.first().innerText();
        expect(card).toContain('Personal');
        expect(card).toContain('ends in 0001');
        expect(card).not.toContain('tgp_v1_my-own-key');
        const [stored] = await dash.api.db.query<{ status: string; last4: string }>(
          'SELECT status, last4 FROM provider_keys WHERE user_id = $1',
          [user.id],
        );
        expect(stored).toEqual({ status: 'active', last4: '0001' });

        // The playground marks answers served with it "Your key".
        const playground = new PlaygroundPage(page);
        await playground.goto();
        const answer = await playground.chat('Mine #sim tokens=4');
        expect(await playground.indicators(answer)).toContain('own_key');

        await keys.goto();
        await page.getByRole('button', { name: 'Delete Personal' }).click();
        await page.getByRole('dialog').getByRole('button', { name: 'Delete key' }).click();
        await page.getByText("You have no provider key: your requests use the platform's key.").waitFor();
        expect(
          await dash.api.db.query("SELECT 1 FROM provider_keys WHERE user_id = $1 AND status = 'active'", [
            user.id,
          ]),
        ).toEqual([]);

        // Switched off while the form is open: the refused add (403) brings the note at once.
        await setFlag('allow_user_keys', false);
        expect(await keys.addProviderKey('tgp_v1_my-own-key-0002')).toBe(403);
        await keys.disabledNote.waitFor();
        expect(await keys.providerForm.count()).toBe(0);
      } finally {
        await setFlag('allow_user_keys', false);
      }
      await page.context().close();
    });
  });

  describe('Playground', () => {
    it('streams a chat answer and shows where it came from: Together AI, Free Tier', async () => {
      const { user, page } = await userPage('/app/playground');
      const playground = new PlaygroundPage(page);
      const answer = await playground.chat('Tell me a story #sim tokens=12 delay=10');
      expect(await playground.answerSettled(answer)).toBe('done');
      const text = await playground.answerText(answer);
      expect(text.split(' ')).toHaveLength(12);
      expect(await playground.indicators(answer)).toEqual(['provider', 'free_tier']);
      expect(await playground.indicator(answer, 'provider')).toMatch(/^Together AI/);
      expect(await playground.source(answer).innerText()).toContain(`Model: ${PRIMARY_CHAT}`);
      expect(await playground.source(answer).innerText()).toMatch(/\d+ tokens · cost \$/);

      // The conversation goes on with the history; Shift+Enter adds a line instead of sending.
      await playground.message.fill('Line one');
      await playground.message.press('Shift+Enter');
      await playground.message.pressSequentially('line two #sim tokens=3');
      expect(await playground.answers.count()).toBe(1);
      await playground.message.press('Enter');
      const second = playground.answers.nth(1);
      expect(await playground.answerSettled(second)).toBe('done');
      expect(await page.getByRole('article', { name: 'Your message' }).nth(1).innerText()).toContain(
        'Line one\nline two',
      );
      await eventually(async () => (await dash.api.usageRows(user.id)) >= 2);
      await page.context().close();
    });

    it('answers in JSON when "Answer in JSON" is on', async () => {
      const { page } = await userPage('/app/playground');
      const playground = new PlaygroundPage(page);
      await page.getByRole('switch', { name: /Answer in JSON/ }).check();
      const answer = await playground.chat('Describe a cat #sim tokens=5');
      expect(await playground.answerSettled(answer)).toBe('done');
      const parsed = JSON.parse(await playground.answerText(answer)) as { answer: string };
      expect(parsed.answer.trim().split(' ')).toHaveLength(5);
      await page.context().close();
    });

    it('shows "Fallback" with its reason when the simulator fails the primary model', async () => {
      await dash.api.fault({ kind: 'error', status: 500, count: 50, model: PRIMARY_CHAT });
      const { page } = await userPage('/app/playground');
      const playground = new PlaygroundPage(page);
      const answer = await playground.chat('Are you the primary? #sim tokens=6');
      expect(await playground.answerSettled(answer)).toBe('done');
      expect(await playground.indicators(answer)).toEqual(['provider', 'free_tier', 'fallback']);
      const fallback = await playground.indicator(answer, 'fallback');
      expect(fallback).toMatch(/^Fallback/);
      expect(fallback).toContain('another model of the same provider answered');
      expect(fallback).toContain(`${FIRST_FALLBACK} answered instead`);
      expect(await playground.source(answer).innerText()).toContain(`Model: ${FIRST_FALLBACK}`);
      // The tooltip says the same to a sighted user who focuses the badge.
      await answer.locator('[data-indicator="fallback"]').focus();
      await page.getByRole('tooltip').filter({ hasText: FIRST_FALLBACK }).waitFor();
      expect((await dash.api.simStats()).byModel[PRIMARY_CHAT]).toBeGreaterThan(0);
      await screenshot(page, 'user-playground-fallback');
      await page.context().close();
    });

    it('shows no indicator at all when together_ai_ui_indicators is off', async () => {
      await setFlag('together_ai_ui_indicators', false);
      try {
        await dash.api.fault({ kind: 'error', status: 500, count: 50, model: PRIMARY_CHAT });
        const { page } = await userPage('/app/playground');
        const playground = new PlaygroundPage(page);
        const answer = await playground.chat('No badges please #sim tokens=5');
        expect(await playground.answerSettled(answer)).toBe('done');
        expect((await playground.answerText(answer)).length).toBeGreaterThan(0);
        expect(await playground.indicators(answer)).toEqual([]);
        expect(await playground.source(answer).count()).toBe(0);
        expect(await answer.innerText()).not.toMatch(/Together AI|Free Tier|Fallback/i);
        await page.context().close();
      } finally {
        await setFlag('together_ai_ui_indicators', true);
      }
    });

    it('says in the conversation when the quota is used up (429) and when the model is not allowed (403)', async () => {
      const { user, page } = await userPage('/app/playground');
      const playground = new PlaygroundPage(page);

      // 403: the free tier switched off by an admin.
      await setFlag('together_ai_free_tier', false);
      try {
        const refused = await playground.chat('Anyone there? #sim tokens=3');
        expect(await playground.answerSettled(refused)).toBe('error');
        expect(await playground.error(refused).innerText()).toContain('The free tier is switched off');
      } finally {
        await setFlag('together_ai_free_tier', true);
      }

      const override = await dash.api.put(
        `/api/v1/admin/quotas/users/${user.id}`,
        { features: { text_generation: { requests_per_day: 0 } } },
        admin,
      );
      expect(override.status).toBe(200);
      const limited = await playground.chat('One more? #sim tokens=3');
      expect(await playground.answerSettled(limited)).toBe('error');
      const alert = await playground.error(limited).innerText();
      expect(alert).toContain('Quota reached');
      expect(alert).toMatch(/text_generation|text generation/i);
      await playground.error(limited).getByRole('link', { name: 'Quota page' }).waitFor();
      await page.context().close();
    });

    it('stops a streaming answer where it is', async () => {
      const { page } = await userPage('/app/playground');
      const playground = new PlaygroundPage(page);
      await playground.message.fill('A long story #sim tokens=400 delay=40');
      await playground.message.press('Enter');
      const answer = playground.answers.first();
      await answer.getByTestId('answer-text').waitFor();
      await playground.stop.click();
      expect(await playground.answerSettled(answer)).toBe('stopped');
      await answer.getByText('Stopped before the end.').waitFor();
      const words = (await playground.answerText(answer)).split(' ').length;
      expect(words).toBeGreaterThan(0);
      expect(words).toBeLessThan(400);
      await playground.send.waitFor(); // ready for the next message
      await page.context().close();
    });

    it('generates an image (alt text = the prompt) and speech (an audio player), each with its indicators', async () => {
      const { page } = await userPage('/app/playground');
      const playground = new PlaygroundPage(page);
      await playground.generateImage('A lighthouse at dawn');
      const image = page.getByRole('img', { name: 'A lighthouse at dawn' });
      await image.waitFor();
      expect(
        await image.evaluate((node) => {
          const img = node as unknown as { decode(): Promise<void>; naturalWidth: number };
          return img.decode().then(() => img.naturalWidth);
        }),
      ).toBe(512);
      expect(
        await playground.panel().locator('[data-indicator]').first().getAttribute('data-indicator'),
      ).toBe('provider');

      await playground.generateSpeech('Welcome to Tiergate.');
      const audio = page.getByTestId('speech-audio');
      await audio.waitFor();
      const src = await audio.getAttribute('src');
      expect(src).toContain('/api/v1/together/files/');
      expect((await page.request.get(src!)).status()).toBe(200);
      expect(await playground.panel().locator('[data-indicator="free_tier"]').count()).toBe(1);
      await page.context().close();
    });
  });

  describe('Usage & Billing and Models', () => {
    it('shows my usage by day, feature and model, and the month’s credits', async () => {
      const { user, page } = await userPage('/app/playground');
      const playground = new PlaygroundPage(page);
      await playground.chat('Count me #sim tokens=7');
      await playground.chat('And me #sim tokens=7');
      await eventually(async () => {
        const usage = await dash.api.get('/api/v1/me/usage', user.token);
        return usage.body?.totals?.requests >= 2;
      });

      const usage = new MyUsagePage(page);
      await usage.goto();
      expect(await usage.summary.innerText()).toMatch(/^2 requests, \d+ tokens and \$/);
      expect(await usage.byFeature.locator('tbody tr').first().innerText()).toMatch(/Text generation\s+2/);
      expect(await usage.byModel.locator('tbody tr').first().innerText()).toContain(PRIMARY_CHAT);
      // A few requests cost millionths of a dollar: shown with their significant digits.
      expect(await usage.billingCredits.innerText()).toMatch(
        /^\$0\.0000\d+ of \$1\.00 used, \$[\d.]+ remaining\.$/,
      );
      expect(await usage.billingCharge.innerText()).toContain('10% lower');

      await usage.showTable();
      expect(new URL(page.url()).searchParams.get('view')).toBe('table');
      const today = new Date().toISOString().slice(0, 10);
      expect(await usage.byDay.locator('tbody tr').first().innerText()).toMatch(new RegExp(`^${today}\\s+2`));

      // The range lives in the URL: a range without my usage shows none.
      await usage.goto('?from=2020-01-01&to=2020-01-31');
      expect(await usage.summary.innerText()).toBe('No requests from 1 Jan 2020 to 31 Jan 2020.');
      await page.context().close();
    });

    it('lists the models my tier may use, filtered by modality in the URL', async () => {
      const { page } = await userPage('/app/models');
      const models = new MyModelsPage(page);
      await models.goto();
      const all = await models.modelIds();
      expect(all).toContain(PRIMARY_CHAT);
      expect(all).not.toContain('meta-llama/Meta-Llama-3.1-70B-Instruct-Turbo');
      await models.filter('Image');
      expect(new URL(page.url()).searchParams.get('modality')).toBe('image');
      await page.getByText('black-forest-labs/FLUX.1-schnell').waitFor();
      expect(await models.modelIds()).not.toContain(PRIMARY_CHAT);
      await page.context().close();
    });
  });

  describe('every user screen', () => {
    const screens = [
      ['/app/playground', 'Playground'],
      ['/app/quota', 'Quota'],
      ['/app/keys', 'API Keys'],
      ['/app/usage', 'Usage & Billing'],
      ['/app/models', 'Models'],
    ] as const;

    it.each([
      ['desktop', DESKTOP],
      ['phone', PHONE],
    ] as const)(
      'loads within the request budget, passes axe and is screenshotted (%s)',
      async (name, viewport) => {
        const { page } = await userPage('/app/playground', viewport);
        const layout = new LayoutPage(page);
        // Something to show on each page.
        await new PlaygroundPage(page).chat('Hello #sim tokens=5');
        for (const [path, heading] of screens) {
          const made = await expectRequestBudget(page, () => page.goto(path), 6);
          await layout.waitForHeading(heading);
          expect(made.length).toBeGreaterThan(0);
          await page.waitForLoadState('networkidle');
          await checkA11y(page, `user${path.replaceAll('/', '-')}-${name}`);
          await screenshot(page, `user${path.replaceAll('/', '-')}-${name}`);
        }
        await page.context().close();
      },
    );

    it('is reachable by an admin too, from the User Dashboard navigation', async () => {
      const page = await dash.signedInPage(dash.admin, '/app/quota');
      const layout = new LayoutPage(page);
      await new MyQuotaPage(page).meter('text_generation', 'requests').waitFor();
      await layout.navigate('API Keys', 'User Dashboard');
      // The flag is known up front (user_keys_allowed): the form is replaced by the note without trying.
      const keys = new MyKeysPage(page);
      await keys.disabledNote.waitFor();
      expect(await keys.providerForm.count()).toBe(0);
      expect(new URL(page.url()).pathname).toBe('/app/keys');
      await page.context().close();
    });
  });
});
