import type { Locator, Page } from 'playwright-core';

/** /admin: health cards, the last 24 hours, today, the usage queue, circuit breakers. */
export class AdminOverviewPage {
  readonly heading: Locator;
  readonly refresh: Locator;
  readonly breakers: Locator;

  constructor(readonly page: Page) {
    this.heading = page.getByRole('heading', { name: 'Overview', exact: true });
    this.refresh = page.getByRole('button', { name: 'Refresh' });
    this.breakers = page.getByRole('heading', { name: 'Circuit breakers' });
  }

  async goto(): Promise<void> {
    await this.page.goto('/admin');
    await this.waitFor();
  }

  async waitFor(): Promise<void> {
    await this.heading.waitFor();
    await this.breakers.waitFor();
  }

  /** The status badge of a health card ("Up", "Down", "In process"). */
  async health(service: 'Database' | 'Redis' | 'Upstream'): Promise<string> {
    const card = this.page
      .locator('.mantine-Card-root')
      .filter({ has: this.page.getByText(service, { exact: true }) });
    return (await card.locator('.mantine-Badge-root').first().innerText()).trim();
  }

  /** A figure by its label ("Requests", "Errors", "Requests today"). */
  async stat(label: string): Promise<string> {
    const card = this.page
      .locator('.mantine-Card-root')
      .filter({ has: this.page.getByText(label, { exact: true }) })
      .first();
    return (await card.locator('p').nth(1).innerText()).trim();
  }

  /** The chart's summary sentence ("5 requests in the last 24 hours, …"). */
  summary(): Locator {
    return this.page.getByText(/in the last 24 hours/);
  }
}
