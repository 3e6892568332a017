import type { Locator, Page } from 'playwright-core';
import { withPageErrors } from '../fixtures';

/** /sign-in: email, password, the "Sign in" button, and the error shown when it fails. */
export class SignInPage {
  readonly heading: Locator;
  readonly email: Locator;
  /** Mantine's PasswordInput label matches two elements by getByLabel: the textbox by role. */
  readonly password: Locator;
  readonly submit: Locator;
  /** The form-level error ("Could not sign in" alert) when the API refuses the credentials. */
  readonly error: Locator;
  /** "Sign in to continue where you were." shown when a page was remembered. */
  readonly continueNotice: Locator;

  constructor(readonly page: Page) {
    const main = page.getByRole('main');
    this.heading = page.getByRole('heading', { name: 'Sign in to Tiergate' });
    this.email = main.getByLabel('Email');
    this.password = main.getByRole('textbox', { name: 'Password' });
    this.submit = main.getByRole('button', { name: 'Sign in' });
    this.error = main.getByRole('alert');
    this.continueNotice = main.getByRole('status').filter({ hasText: 'continue where you were' });
  }

  /** Opens /sign-in (optionally remembering `redirect`) and waits for the form. */
  async goto(redirect?: string): Promise<void> {
    await this.page.goto(redirect ? `/sign-in?redirect=${encodeURIComponent(redirect)}` : '/sign-in');
    await this.waitFor();
  }

  async waitFor(): Promise<void> {
    await withPageErrors(this.page, this.heading.waitFor());
  }

  /** Fills the form and submits it; does not wait for the outcome. */
  async fill(email: string, password: string): Promise<void> {
    await this.email.fill(email);
    await this.password.fill(password);
  }

  /** Submits and resolves with the API's answer to POST /api/v1/auth/session. */
  async submitAndWait(): Promise<number> {
    const answer = this.page.waitForResponse(
      (response) =>
        new URL(response.url()).pathname === '/api/v1/auth/session' && response.request().method() === 'POST',
    );
    await this.submit.click();
    return (await answer).status();
  }

  /** Signs in and waits until the app leaves /sign-in; throws when the API refused. */
  async signIn(email: string, password: string): Promise<void> {
    await this.fill(email, password);
    const status = await this.submitAndWait();
    if (status !== 200) throw new Error(`sign-in as ${email} answered ${status}`);
    await this.page.waitForURL((url) => url.pathname !== '/sign-in');
  }

  /** The `redirect` the sign-in page remembers (the page asked for), if any. */
  redirectParam(): string | null {
    return new URL(this.page.url()).searchParams.get('redirect');
  }
}
