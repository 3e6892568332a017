import type { Locator, Page } from 'playwright-core';

/** /admin/quotas: a tier's limits (a table per tier tab, rate limits) and the quota-request inbox. */
export class AdminQuotasPage {
  readonly saveTier: Locator;
  readonly requests: Locator;
  readonly approveDialog: Locator;
  readonly denyDialog: Locator;

  constructor(readonly page: Page) {
    this.saveTier = page.getByRole('button', { name: /^Save (free|premium|enterprise) tier$/ });
    this.requests = page.getByRole('table', { name: 'Quota requests' });
    this.approveDialog = page.getByRole('dialog', { name: 'Approve quota request' });
    this.denyDialog = page.getByRole('dialog', { name: 'Deny quota request' });
  }

  async goto(search = ''): Promise<void> {
    await this.page.goto(`/admin/quotas${search}`);
    await this.page.getByRole('heading', { name: 'Quotas', exact: true }).waitFor();
    await this.limit('Text generation', 'Requests per day').waitFor();
  }

  async tier(name: 'Free' | 'Premium' | 'Enterprise'): Promise<void> {
    await this.page.getByRole('tab', { name: `${name} tier` }).click();
    await this.page.getByRole('button', { name: `Save ${name.toLowerCase()} tier` }).waitFor();
  }

  /** A feature's limit in the tier table, named by its row and column headers. */
  limit(feature: string, limit: string): Locator {
    return this.page.getByRole('textbox', { name: `${feature} ${limit}`, exact: true });
  }

  unlimited(feature: string, limit: string): Locator {
    return this.page.getByRole('checkbox', { name: `Unlimited ${feature} ${limit}`, exact: true });
  }

  rateLimit(label: string): Locator {
    return this.page.getByRole('textbox', { name: label, exact: true });
  }

  /** Saves the tier form; resolves with the PUT's status. */
  async save(): Promise<number> {
    const answer = this.page.waitForResponse(
      (r) => /\/api\/v1\/admin\/quotas\/tiers\//.test(r.url()) && r.request().method() === 'PUT',
    );
    await this.saveTier.click();
    return (await answer).status();
  }

  async status(name: 'Pending' | 'Approved' | 'Denied' | 'All'): Promise<void> {
    await this.page
      .getByRole('radiogroup', { name: 'Show requests with status' })
      .getByText(name, { exact: true })
      .click();
  }

  /** The inbox row whose text contains `text`. */
  row(text: string): Locator {
    return this.requests.locator('tbody tr').filter({ hasText: text });
  }

  /** Approves the row's request, optionally with another limit and a note; resolves when the dialog closes. */
  async approve(row: Locator, options: { limit?: number; note?: string } = {}): Promise<void> {
    await row.getByRole('button', { name: /^Approve request/ }).click();
    await this.approveDialog.waitFor();
    if (options.limit !== undefined)
      await this.approveDialog.getByRole('textbox', { name: /^Limit to grant/ }).fill(String(options.limit));
    if (options.note)
      await this.approveDialog
        .getByRole('textbox', { name: 'Note to the user (optional)' })
        .fill(options.note);
    await this.approveDialog.getByRole('button', { name: 'Approve', exact: true }).click();
    await this.approveDialog.waitFor({ state: 'detached' });
  }

  async openDeny(row: Locator): Promise<void> {
    await row.getByRole('button', { name: /^Deny request/ }).click();
    await this.denyDialog.waitFor();
  }

  async confirmDeny(reason: string): Promise<void> {
    await this.denyDialog.getByRole('textbox', { name: 'Reason' }).fill(reason);
    await this.denyDialog.getByRole('button', { name: 'Deny', exact: true }).click();
  }
}
