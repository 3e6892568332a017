import type { Locator, Page } from 'playwright-core';

/** /admin/endpoints: dedicated endpoints (create, start/stop, edit, delete, stats). */
export class AdminEndpointsPage {
  readonly create: Locator;
  readonly dialog: Locator;
  readonly table: Locator;

  constructor(readonly page: Page) {
    this.create = page.getByRole('button', { name: 'Create endpoint' });
    this.dialog = page.getByRole('dialog', { name: 'Create endpoint' });
    this.table = page.getByRole('table', { name: 'Dedicated endpoints' });
  }

  async goto(): Promise<void> {
    await this.page.goto('/admin/endpoints');
    await this.page.getByRole('heading', { name: 'Endpoints', exact: true }).waitFor();
  }

  /** Picks an option of a searchable Select in the create dialog. */
  async choose(label: string, search: string, option: RegExp | string): Promise<void> {
    const box = this.dialog.getByRole('combobox', { name: label });
    await box.click();
    if (search) await box.fill(search);
    await this.page.getByRole('option', { name: option }).click();
  }

  /** Fills the create form and submits; resolves with the API's status. */
  async createEndpoint(values: {
    model: string;
    hardware: RegExp;
    displayName: string;
    minReplicas: number;
    maxReplicas: number;
  }): Promise<number> {
    await this.create.click();
    await this.dialog.getByRole('combobox', { name: 'Model' }).waitFor();
    await this.choose('Model', values.model, values.model);
    await this.choose('Hardware', '', values.hardware);
    await this.dialog.getByRole('textbox', { name: 'Display name' }).fill(values.displayName);
    await this.dialog.getByRole('textbox', { name: 'Min replicas' }).fill(String(values.minReplicas));
    await this.dialog.getByRole('textbox', { name: 'Max replicas' }).fill(String(values.maxReplicas));
    const answer = this.page.waitForResponse(
      (r) => new URL(r.url()).pathname === '/api/v1/admin/endpoints' && r.request().method() === 'POST',
    );
    await this.dialog.getByRole('button', { name: 'Create endpoint' }).click();
    return (await answer).status();
  }

  row(name: string): Locator {
    return this.table.locator('tbody tr').filter({ hasText: name });
  }
}
