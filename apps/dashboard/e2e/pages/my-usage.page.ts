import type { Locator, Page } from 'playwright-core';

/** /app/usage: date range, usage by day (chart or table), by feature, by model, and billing. */
export class MyUsagePage {
  readonly from: Locator;
  readonly to: Locator;
  readonly summary: Locator;
  readonly byFeature: Locator;
  readonly byModel: Locator;
  readonly byDay: Locator;
  readonly billingCredits: Locator;
  readonly billingCharge: Locator;

  constructor(readonly page: Page) {
    this.from = page.getByLabel('From');
    this.to = page.getByLabel('To');
    this.summary = page.getByTestId('usage-summary');
    this.byFeature = page.getByRole('table', { name: 'By feature' });
    this.byModel = page.getByRole('table', { name: 'By model' });
    this.byDay = page.getByRole('table', { name: 'Usage by day' });
    this.billingCredits = page.getByTestId('billing-credits');
    this.billingCharge = page.getByTestId('billing-charge');
  }

  async goto(search = ''): Promise<void> {
    await this.page.goto(`/app/usage${search}`);
    await this.page.getByRole('heading', { name: 'Usage & Billing', exact: true }).waitFor();
    await this.summary.waitFor();
  }

  /** Switches the by-day card to its table ("Show as: Table"). */
  async showTable(): Promise<void> {
    await this.page.getByRole('radiogroup', { name: 'Show as' }).getByText('Table').click();
    await this.byDay.waitFor();
  }
}
