import type { Locator, Page } from 'playwright-core';

/** /admin/users: search, filters, the paged table, "Create user". */
export class AdminUsersPage {
  readonly search: Locator;
  readonly table: Locator;
  readonly createButton: Locator;
  readonly createDialog: Locator;

  constructor(readonly page: Page) {
    this.search = page.getByRole('searchbox', { name: 'Search' });
    this.table = page.getByRole('table', { name: 'Users' });
    this.createButton = page.getByRole('button', { name: 'Create user' });
    this.createDialog = page.getByRole('dialog', { name: 'Create user' });
  }

  async goto(query = ''): Promise<void> {
    await this.page.goto(`/admin/users${query}`);
    await this.page.getByRole('heading', { name: 'Users', exact: true }).waitFor();
    await this.table.waitFor();
  }

  /** Chooses a filter's option ("Tier" → "premium"). */
  async filter(label: 'Tier' | 'Role' | 'Status', option: string): Promise<void> {
    await this.page.getByRole('combobox', { name: label }).click();
    await this.page.getByRole('option', { name: option, exact: true }).click();
  }

  /** The emails of the rows shown. */
  async emails(): Promise<string[]> {
    return (await this.table.locator('tbody tr td:first-child a').allInnerTexts()).map((text) => text.trim());
  }

  link(email: string): Locator {
    return this.table.getByRole('link', { name: email, exact: true });
  }

  async create(values: { email: string; password: string; tier?: string; role?: string }): Promise<number> {
    await this.createButton.click();
    const dialog = this.createDialog;
    await dialog.getByRole('textbox', { name: 'Email' }).fill(values.email);
    await dialog.getByRole('textbox', { name: 'Password' }).fill(values.password);
    for (const [label, option] of [
      ['Tier', values.tier],
      ['Role', values.role],
    ] as const)
      if (option) {
        await dialog.getByRole('combobox', { name: label }).click();
        await this.page.getByRole('option', { name: option, exact: true }).click();
      }
    const answer = this.page.waitForResponse(
      (r) => r.request().method() === 'POST' && new URL(r.url()).pathname === '/api/v1/admin/users',
    );
    await dialog.getByRole('button', { name: 'Create user' }).click();
    return (await answer).status();
  }
}
