import type { Locator, Page } from 'playwright-core';

/** /admin/requests: the usage events, newest first, keyset-paged with Newer / Older. */
export class RequestLogPage {
  readonly table: Locator;
  readonly pages: Locator;
  readonly newer: Locator;
  readonly older: Locator;

  constructor(readonly page: Page) {
    this.table = page.getByRole('table', { name: 'Requests, newest first' });
    this.pages = page.getByRole('navigation', { name: 'Request Log pages' });
    this.newer = this.pages.getByRole('button', { name: 'Newer' });
    this.older = this.pages.getByRole('button', { name: 'Older' });
  }

  async goto(search = ''): Promise<void> {
    await this.page.goto(`/admin/requests${search}`);
    await this.page.getByRole('heading', { name: 'Request Log', exact: true }).waitFor();
    await this.table.waitFor();
  }

  rows(): Locator {
    return this.table.locator('tbody tr');
  }

  /** The page's position ("Page 2 · 1 request · the oldest in the range"). */
  async position(): Promise<string> {
    return (await this.pages.locator('p').first().innerText()).trim();
  }

  /** Clicks Older or Newer and waits for that page's events to arrive. */
  async go(direction: 'Older' | 'Newer'): Promise<void> {
    const answer = this.page.waitForResponse(
      (r) => new URL(r.url()).pathname === '/api/v1/admin/usage/events',
    );
    await (direction === 'Older' ? this.older : this.newer).click();
    await answer;
    // The previous page stays on screen (busy) until React renders the new one.
    await this.page.locator('table[aria-busy="true"]').waitFor({ state: 'detached' });
  }
}
