import type { Locator, Page } from 'playwright-core';

/** /app/keys: personal API keys (create, the secret shown once, revoke) and the own provider key. */
export class MyKeysPage {
  readonly create: Locator;
  readonly createDialog: Locator;
  readonly secretDialog: Locator;
  readonly table: Locator;
  readonly providerForm: Locator;
  readonly providerKeys: Locator;
  readonly disabledNote: Locator;

  constructor(readonly page: Page) {
    this.create = page.getByRole('button', { name: 'Create API key' });
    this.createDialog = page.getByRole('dialog', { name: 'Create an API key' });
    this.secretDialog = page.getByRole('dialog', { name: /Your new API key/ });
    this.table = page.getByRole('table', { name: 'Personal API keys' });
    this.providerForm = page.getByRole('form', { name: 'Add API Key' });
    this.providerKeys = page.getByTestId('provider-key');
    this.disabledNote = page.getByRole('alert').filter({ hasText: 'Not available on this server' });
  }

  async goto(): Promise<void> {
    await this.page.goto('/app/keys');
    await this.page.getByRole('heading', { name: 'API Keys', exact: true }).waitFor();
  }

  /** Creates a key and returns the secret the modal shows (once), then closes the modal. */
  async createKey(name: string): Promise<string> {
    await this.create.click();
    await this.createDialog.getByRole('textbox', { name: 'Name' }).fill(name);
    await this.createDialog.getByRole('button', { name: 'Create key' }).click();
    await this.secretDialog.waitFor();
    const secret = (await this.secretDialog.getByTestId('new-api-key-secret').innerText()).trim();
    await this.secretDialog.getByRole('button', { name: 'Copy the API key' }).waitFor();
    await this.secretDialog.getByRole('button', { name: 'I have copied it' }).click();
    await this.secretDialog.waitFor({ state: 'hidden' });
    return secret;
  }

  row(name: string): Locator {
    return this.table.locator('tbody tr').filter({ hasText: name });
  }

  /** Revokes a key through the confirmation dialog; resolves with the API's status. */
  async revoke(name: string): Promise<number> {
    await this.page.getByRole('button', { name: `Revoke ${name}` }).click();
    const confirm = this.page.getByRole('dialog', { name: `Revoke “${name}”?` });
    const answer = this.page.waitForResponse((r) => r.request().method() === 'DELETE');
    await confirm.getByRole('button', { name: 'Revoke key' }).click();
    return (await answer).status();
  }

  /** Fills "Add API Key" and submits; resolves with the API's status. */
  async addProviderKey(key: string, options: { label?: string; fallback?: boolean } = {}): Promise<number> {
    await this.providerForm.getByRole('textbox', { name: 'API key' }).fill(key);
    if (options.label) await this.providerForm.getByRole('textbox', { name: 'Label' }).fill(options.label);
    if (options.fallback)
      await this.providerForm.getByText("Use the platform's key if the provider rejects mine").click();
    const answer = this.page.waitForResponse(
      (r) => new URL(r.url()).pathname === '/api/v1/me/provider-keys' && r.request().method() === 'POST',
    );
    await this.providerForm.getByRole('button', { name: /^Verify and (save|replace)$/ }).click();
    return (await answer).status();
  }

  /** The error shown on the provider form's API key field. */
  providerKeyFieldError(): Locator {
    return this.providerForm.getByRole('textbox', { name: 'API key' });
  }
}
