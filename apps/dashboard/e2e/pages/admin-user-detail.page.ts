import type { Locator, Page } from 'playwright-core';

/** /admin/users/:id: tier, role and status; reset password; Custom Quotas. */
export class AdminUserDetailPage {
  readonly save: Locator;
  readonly saveQuotas: Locator;
  readonly resetPassword: Locator;

  constructor(readonly page: Page) {
    this.save = page.getByRole('button', { name: 'Save', exact: true });
    this.saveQuotas = page.getByRole('button', { name: 'Save custom quotas' });
    this.resetPassword = page.getByRole('button', { name: 'Reset password' });
  }

  async goto(userId: string, email: string): Promise<void> {
    await this.page.goto(`/admin/users/${userId}`);
    await this.waitFor(email);
  }

  async waitFor(email: string): Promise<void> {
    await this.page.getByRole('heading', { name: email, exact: true }).waitFor();
    await this.quotaGroup('Text generation').waitFor();
  }

  async choose(label: 'Tier' | 'Role', option: string): Promise<void> {
    await this.page.getByRole('combobox', { name: label }).click();
    await this.page.getByRole('option', { name: option, exact: true }).click();
  }

  /** Saves tier, role and status; resolves with the PATCH's status. */
  async saveAccount(): Promise<number> {
    const answer = this.page.waitForResponse(
      (r) =>
        r.request().method() === 'PATCH' &&
        /^\/api\/v1\/admin\/users\/[^/]+$/.test(new URL(r.url()).pathname),
    );
    await this.save.click();
    return (await answer).status();
  }

  /** The error message shown under a field (`aria-describedby` of the input). */
  async fieldError(input: Locator): Promise<string> {
    await input.and(this.page.locator('[aria-invalid="true"]')).waitFor();
    const ids = ((await input.getAttribute('aria-describedby')) ?? '').split(' ').filter(Boolean);
    const texts = await Promise.all(ids.map((id) => this.page.locator(`[id="${id}"]`).innerText()));
    return texts.map((text) => text.trim()).join(' ');
  }

  /** A feature's fieldset in Custom Quotas ("Text generation"). */
  quotaGroup(feature: string): Locator {
    return this.page.getByRole('group', { name: feature, exact: true });
  }

  quotaInput(feature: string, limit: string): Locator {
    return this.quotaGroup(feature).getByRole('textbox', { name: limit, exact: true });
  }

  /** The "Unlimited" box beside a limit (the n-th field of the feature). */
  unlimited(feature: string, limit: string): Locator {
    return this.quotaGroup(feature)
      .locator('.mantine-Group-root')
      .filter({ has: this.page.getByRole('textbox', { name: limit, exact: true }) })
      .getByRole('checkbox', { name: 'Unlimited' });
  }

  /**
   * Saves Custom Quotas and resolves once the page has read the saved quota back (the save's
   * DELETE and PUT are done by then, and the form shows what the api holds).
   */
  async saveCustomQuotas(): Promise<void> {
    const readBack = this.page.waitForResponse(
      (r) =>
        r.request().method() === 'GET' &&
        /^\/api\/v1\/admin\/quotas\/users\/[^/]+$/.test(new URL(r.url()).pathname),
    );
    await this.saveQuotas.click();
    await readBack;
    await this.page.getByText('Custom quotas saved').last().waitFor();
  }

  async setPassword(password: string): Promise<number> {
    await this.page.getByRole('textbox', { name: 'New password', exact: true }).fill(password);
    await this.page.getByRole('textbox', { name: 'Repeat the new password' }).fill(password);
    const answer = this.page.waitForResponse(
      (r) => r.request().method() === 'POST' && /\/password$/.test(new URL(r.url()).pathname),
    );
    await this.resetPassword.click();
    return (await answer).status();
  }
}
