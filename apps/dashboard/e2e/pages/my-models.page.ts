import type { Locator, Page } from 'playwright-core';

/** /app/models: the models my tier may use, filtered by modality (kept in the URL). */
export class MyModelsPage {
  readonly table: Locator;
  readonly modality: Locator;

  constructor(readonly page: Page) {
    this.table = page.getByRole('table', { name: 'Models my tier may use' });
    this.modality = page.getByRole('combobox', { name: 'Modality' });
  }

  async goto(search = ''): Promise<void> {
    await this.page.goto(`/app/models${search}`);
    await this.table.locator('tbody tr').first().waitFor();
  }

  async filter(label: string): Promise<void> {
    await this.modality.click();
    await this.page.getByRole('option', { name: label, exact: true }).click();
    await this.page.waitForURL((url) => url.searchParams.has('modality'));
  }

  /** The model ids listed. */
  async modelIds(): Promise<string[]> {
    const rows = this.table.locator('tbody tr');
    await rows.first().waitFor();
    const ids: string[] = [];
    for (let index = 0; index < (await rows.count()); index++)
      ids.push((await rows.nth(index).locator('td').first().locator('p').last().innerText()).trim());
    return ids;
  }
}
