import type { Locator, Page } from 'playwright-core';

/** /admin/models: the tier × modality routes (overview and editor), allow-list, model settings, catalog. */
export class AdminModelsPage {
  readonly warnings: Locator;
  readonly editor: Locator;
  readonly primary: Locator;
  readonly saveRoute: Locator;
  readonly catalog: Locator;

  constructor(readonly page: Page) {
    this.warnings = page.getByRole('alert', { name: /configured models? (is|are) not in the catalog/ });
    this.editor = page.getByRole('form', { name: /route$/ });
    this.primary = this.editor.getByRole('combobox', { name: 'Primary model', exact: true });
    this.saveRoute = this.editor.getByRole('button', { name: 'Save route' });
    this.catalog = page.getByRole('table', { name: 'Model catalog' });
  }

  async goto(search = ''): Promise<void> {
    await this.page.goto(`/admin/models${search}`);
    await this.page.getByRole('heading', { name: 'Models', exact: true }).waitFor();
  }

  /** Opens a tier's route for a modality in the editor ("Chat", "Image"…). */
  async edit(tier: 'Free' | 'Premium' | 'Enterprise', modality: string): Promise<void> {
    await this.page
      .getByRole('radiogroup', { name: 'Tier' })
      .getByText(`${tier} tier`, { exact: true })
      .click();
    await this.page.getByRole('button', { name: `Edit the ${modality.toLowerCase()} route` }).click();
    await this.editor.waitFor();
  }

  fallback(position: number): Locator {
    return this.editor.getByRole('combobox', { name: `Fallback ${position}`, exact: true });
  }

  moveDown(position: number): Locator {
    return this.editor.getByRole('button', {
      name: new RegExp(`^Move fallback ${position} .* of the primary route down$`),
    });
  }

  /** Types a model id in the primary field (closing the suggestions), as a keyboard user would. */
  async setPrimary(model: string): Promise<void> {
    await this.primary.fill(model);
    await this.page.keyboard.press('Escape');
  }

  /** Saves the route; resolves with the PUT's status. */
  async save(): Promise<number> {
    const answer = this.page.waitForResponse(
      (r) => new URL(r.url()).pathname === '/api/v1/admin/model-config' && r.request().method() === 'PUT',
    );
    await this.saveRoute.click();
    return (await answer).status();
  }

  /** Confirms saving a model the catalog lacks; returns the status of the forced PUT. */
  async saveAnyway(): Promise<number> {
    const answer = this.page.waitForResponse(
      (r) => new URL(r.url()).pathname === '/api/v1/admin/model-config' && r.request().method() === 'PUT',
    );
    await this.page.getByRole('dialog', { name: 'Save a model the catalog does not list?' }).waitFor();
    await this.page.getByRole('button', { name: 'Save anyway' }).click();
    return (await answer).status();
  }

  async openCatalog(): Promise<void> {
    await this.page.getByRole('tab', { name: 'Catalog' }).click();
    await this.catalog.waitFor();
  }
}
