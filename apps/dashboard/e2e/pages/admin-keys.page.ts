import type { Locator, Page } from 'playwright-core';

/** /admin/keys: system keys (add, rotate, revoke) and the fallback providers (add, delete). */
export class AdminKeysPage {
  readonly keysTable: Locator;
  readonly providersTable: Locator;
  readonly addKeyButton: Locator;
  readonly addKeyDialog: Locator;
  readonly rotateDialog: Locator;
  readonly addProviderButton: Locator;
  readonly addProviderDialog: Locator;

  constructor(readonly page: Page) {
    this.keysTable = page.getByRole('table', { name: 'System provider keys' });
    this.providersTable = page.getByRole('table', { name: 'Fallback providers' });
    this.addKeyButton = page.getByRole('button', { name: 'Add System API Key' });
    this.addKeyDialog = page.getByRole('dialog', { name: 'Add System API Key' });
    this.rotateDialog = page.getByRole('dialog', { name: 'Rotate System API Key' });
    this.addProviderButton = page.getByRole('button', { name: 'Add provider' });
    this.addProviderDialog = page.getByRole('dialog', { name: 'Add provider' });
  }

  async goto(): Promise<void> {
    await this.page.goto('/admin/keys');
    await this.page.getByRole('heading', { name: 'API Keys', exact: true }).waitFor();
    await this.keysTable.getByRole('row').nth(1).waitFor();
  }

  /** The row of the key whose hint is `hint` ("…abcd"). */
  keyRow(hint: string): Locator {
    return this.keysTable.getByRole('row').filter({ has: this.page.getByText(hint, { exact: true }) });
  }

  /** The cell texts of every key row. */
  async keyRows(): Promise<string[][]> {
    const rows = this.keysTable.locator('tbody tr');
    const result: string[][] = [];
    for (let i = 0; i < (await rows.count()); i++)
      result.push((await rows.nth(i).locator('td').allInnerTexts()).map((text) => text.trim()));
    return result;
  }

  private answer(method: string, path: RegExp) {
    return this.page.waitForResponse(
      (response) => response.request().method() === method && path.test(new URL(response.url()).pathname),
    );
  }

  /** Fills "Add System API Key" and submits; resolves with the API's status (the dialog closes on success). */
  async addKey(label: string, key: string): Promise<number> {
    await this.addKeyButton.click();
    await this.addKeyDialog.getByRole('textbox', { name: 'Label' }).fill(label);
    await this.addKeyDialog.getByRole('textbox', { name: 'API key' }).fill(key);
    const answer = this.answer('POST', /^\/api\/v1\/admin\/provider-keys$/);
    await this.addKeyDialog.getByRole('button', { name: 'Verify and save' }).click();
    return (await answer).status();
  }

  /** The error shown on a dialog's key field (aria-describedby wiring of the input). */
  async fieldError(dialog: Locator, name: string): Promise<string> {
    const input = dialog.getByRole('textbox', { name, exact: true });
    await this.page.waitForFunction(
      (element) => element?.getAttribute('aria-invalid') === 'true',
      await input.elementHandle(),
    );
    const id = (await input.getAttribute('aria-describedby'))?.split(' ') ?? [];
    for (const part of id) {
      const text = await this.page.locator(`[id="${part}"]`).innerText();
      if (text.trim()) return text.trim();
    }
    return '';
  }

  async rotate(label: string, key: string, graceSeconds?: number): Promise<number> {
    await this.page
      .getByRole('button', { name: `Rotate ${label}` })
      .first()
      .click();
    await this.rotateDialog.getByRole('textbox', { name: 'New API key' }).fill(key);
    if (graceSeconds !== undefined)
      await this.rotateDialog
        .getByRole('textbox', { name: 'Grace period (seconds)' })
        .fill(String(graceSeconds));
    const answer = this.answer('POST', /^\/api\/v1\/admin\/provider-keys\/[^/]+\/rotate$/);
    await this.rotateDialog.getByRole('button', { name: 'Verify and rotate' }).click();
    return (await answer).status();
  }

  /** Revokes the key in `row` through the confirmation; resolves with the API's status. */
  async revoke(row: Locator): Promise<number> {
    await row.getByRole('button', { name: /^Revoke / }).click();
    const confirm = this.page.getByRole('dialog', { name: 'Revoke this key?' });
    const answer = this.answer('DELETE', /^\/api\/v1\/admin\/provider-keys\/[^/]+$/);
    await confirm.getByRole('button', { name: 'Revoke', exact: true }).click();
    return (await answer).status();
  }

  async addProvider(values: { id: string; name: string; baseUrl: string; key: string }): Promise<number> {
    await this.addProviderButton.click();
    const dialog = this.addProviderDialog;
    await dialog.getByRole('textbox', { name: 'Id' }).fill(values.id);
    await dialog.getByRole('textbox', { name: 'Display name' }).fill(values.name);
    await dialog.getByRole('textbox', { name: 'Base URL' }).fill(values.baseUrl);
    await dialog.getByRole('textbox', { name: 'API key' }).fill(values.key);
    const answer = this.answer('POST', /^\/api\/v1\/admin\/providers$/);
    await dialog.getByRole('button', { name: 'Verify and add' }).click();
    return (await answer).status();
  }

  async deleteProvider(name: string): Promise<number> {
    await this.page.getByRole('button', { name: `Delete ${name}` }).click();
    const confirm = this.page.getByRole('dialog', { name: `Delete ${name}?` });
    const answer = this.answer('DELETE', /^\/api\/v1\/admin\/providers\/[^/]+$/);
    await confirm.getByRole('button', { name: 'Delete', exact: true }).click();
    return (await answer).status();
  }
}
