import type { Locator, Page } from 'playwright-core';

/** /admin/audit: filters in the URL, the entries newest first, each expandable to its before and after. */
export class AdminAuditPage {
  readonly table: Locator;

  constructor(readonly page: Page) {
    this.table = page.getByRole('table', { name: 'Audit log entries, newest first' });
  }

  async goto(query = ''): Promise<void> {
    await this.page.goto(`/admin/audit${query}`);
    await this.page.getByRole('heading', { name: 'Audit Log', exact: true }).waitFor();
    await this.table.waitFor();
  }

  /** A filter's input: Action and Target type are autocompletes (comboboxes), the others text boxes. */
  filter(label: 'Action' | 'Target type' | 'Target id' | 'Actor id'): Locator {
    const role = label === 'Action' || label === 'Target type' ? 'combobox' : 'textbox';
    return this.page.getByRole(role, { name: label, exact: true });
  }

  /** The entry rows (detail rows left out), as [when, actor, action, target] texts. */
  async entries(): Promise<string[][]> {
    const rows = this.table
      .locator('tbody > tr')
      .filter({ has: this.page.getByRole('button', { name: /changes of/ }) });
    const result: string[][] = [];
    for (let i = 0; i < (await rows.count()); i++)
      result.push((await rows.nth(i).locator('td').allInnerTexts()).slice(1).map((text) => text.trim()));
    return result;
  }

  /** Opens the first entry with this action and returns its diff table's rows ([field, before, after, kind]). */
  async expand(action: string): Promise<string[][]> {
    await this.page
      .getByRole('button', { name: new RegExp(`^Show the changes of ${action.replace('.', '\\.')} at`) })
      .first()
      .click();
    const diff = this.page.getByRole('table', { name: `Fields changed by ${action}` }).first();
    await diff.waitFor();
    const rows = diff.locator('tbody tr');
    const result: string[][] = [];
    for (let i = 0; i < (await rows.count()); i++)
      result.push((await rows.nth(i).locator('td').allInnerTexts()).map((text) => text.trim().toLowerCase()));
    return result;
  }
}
