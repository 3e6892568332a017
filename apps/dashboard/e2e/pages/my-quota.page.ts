import type { Locator, Page } from 'playwright-core';

export type QuotaMetric = 'requests' | 'tokens' | 'minutes';

/** /app/quota: the bars per feature, rate limits, "Request Increase" and my earlier requests. */
export class MyQuotaPage {
  readonly requestIncrease: Locator;
  readonly dialog: Locator;
  readonly requests: Locator;
  readonly rateLimits: Locator;

  constructor(readonly page: Page) {
    this.requestIncrease = page.getByRole('button', { name: 'Request Increase' });
    this.dialog = page.getByRole('dialog', { name: 'Request a quota increase' });
    this.requests = page.getByRole('table', { name: 'My quota requests' });
    this.rateLimits = page.getByRole('region', { name: 'Rate limits' });
  }

  async goto(): Promise<void> {
    await this.page.goto('/app/quota');
    await this.page.getByRole('heading', { name: 'Quota', exact: true }).waitFor();
    await this.meter('text_generation', 'requests').waitFor();
  }

  /** One feature's bar and its words ("2 of 50 requests today"). */
  meter(feature: string, metric: QuotaMetric): Locator {
    return this.page.getByTestId(`quota-${feature}-${metric}`);
  }

  async meterText(feature: string, metric: QuotaMetric): Promise<string> {
    return (await this.meter(feature, metric).locator('p').first().innerText()).trim();
  }

  /** Opens the modal, fills it and submits; resolves with the API's status. */
  async askForMore(options: {
    feature?: string;
    limit?: string;
    requested: number;
    reason: string;
  }): Promise<number> {
    await this.requestIncrease.click();
    await this.dialog.waitFor();
    if (options.feature) await this.choose('Feature', options.feature);
    if (options.limit) await this.choose('Limit', options.limit);
    await this.dialog.getByRole('textbox', { name: 'Requested limit' }).fill(String(options.requested));
    await this.dialog.getByRole('textbox', { name: 'Reason' }).fill(options.reason);
    const answer = this.page.waitForResponse(
      (r) => new URL(r.url()).pathname === '/api/v1/me/quota-requests' && r.request().method() === 'POST',
    );
    await this.dialog.getByRole('button', { name: 'Submit Request' }).click();
    return (await answer).status();
  }

  private async choose(label: string, option: string): Promise<void> {
    await this.dialog.getByRole('combobox', { name: label }).click();
    await this.page.getByRole('option', { name: option, exact: true }).click();
  }

  /** The rows of "My requests" (header excluded), as their cell texts. */
  async requestRows(): Promise<string[][]> {
    const rows = this.requests.locator('tbody tr');
    const result: string[][] = [];
    for (let index = 0; index < (await rows.count()); index++)
      result.push((await rows.nth(index).locator('td').allInnerTexts()).map((text) => text.trim()));
    return result;
  }
}
