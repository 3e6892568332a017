import type { Locator, Page } from 'playwright-core';

/** /admin/flags: one switch per flag (named by the flag), the master switch behind a confirmation. */
export class AdminFlagsPage {
  constructor(readonly page: Page) {}

  async goto(): Promise<void> {
    await this.page.goto('/admin/flags');
    await this.page.getByRole('heading', { name: 'Feature Flags', exact: true }).waitFor();
    // The switch's input is visually hidden (Mantine draws a track over it).
    await this.flag('together_ai_integration').waitFor({ state: 'attached' });
  }

  flag(name: string): Locator {
    return this.page.getByRole('switch', { name, exact: true });
  }

  async isOn(name: string): Promise<boolean> {
    return this.flag(name).isChecked();
  }

  /** Clicks the switch's label (Mantine draws the track over a visually hidden input). */
  async click(name: string): Promise<void> {
    const id = await this.flag(name).getAttribute('id');
    await this.page.locator(`label[for="${id}"]`).last().click();
  }

  /** Flips a flag that needs no confirmation; resolves with the API's status once saved. */
  async toggle(name: string): Promise<number> {
    const answer = this.page.waitForResponse(
      (r) => r.request().method() === 'PUT' && new URL(r.url()).pathname === `/api/v1/admin/flags/${name}`,
    );
    await this.click(name);
    return (await answer).status();
  }

  get confirmation(): Locator {
    return this.page.getByRole('dialog', { name: 'Switch off the Together AI integration?' });
  }
}
