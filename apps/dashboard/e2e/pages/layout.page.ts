import type { Locator, Page } from 'playwright-core';
import { withPageErrors } from '../fixtures';

export type NavSection = 'Admin Dashboard' | 'User Dashboard';

/** The signed-in frame: header (email, tier, sign out), the two navigation sections, the page heading. */
export class LayoutPage {
  readonly signOutButton: Locator;
  readonly burger: Locator;
  /** The screen's title (the Page component's h2; the header's "Tiergate" is the h1). */
  readonly heading: Locator;

  constructor(readonly page: Page) {
    this.signOutButton = page.getByRole('button', { name: 'Sign out' });
    this.burger = page.getByRole('button', { name: 'Toggle navigation' });
    this.heading = page.getByRole('heading', { level: 2 }).first();
  }

  nav(section: NavSection): Locator {
    return this.page.getByRole('navigation', { name: section });
  }

  /**
   * The link named `name` in the navigation. "API Keys" and "Models" exist in both sections: the
   * admin one is taken for admin paths unless `section` says otherwise.
   */
  link(name: string, section?: NavSection): Locator {
    const scope = section ? this.nav(section) : this.page.getByRole('navigation');
    return scope.getByRole('link', { name, exact: true }).first();
  }

  /** Clicks a navigation link (opening the phone menu first when it is collapsed) and waits for the page's heading. */
  async navigate(name: string, section?: NavSection, heading: string = name): Promise<void> {
    if (await this.burger.isVisible()) {
      const expanded = await this.burger.getAttribute('aria-expanded');
      if (expanded !== 'true') await this.burger.click();
    }
    await this.link(name, section).click();
    await this.waitForHeading(heading);
  }

  /** Waits for the screen's title (exact name). */
  async waitForHeading(name: string): Promise<void> {
    await withPageErrors(this.page, this.page.getByRole('heading', { name, exact: true }).first().waitFor());
  }

  /** The signed-in user's email in the header (present even when visually hidden on a phone). */
  async signedInEmail(): Promise<string> {
    const email = this.page.getByTestId('signed-in-email');
    await email.waitFor({ state: 'attached' });
    return ((await email.textContent()) ?? '').trim();
  }

  /** Signs out and waits for the sign-in page. */
  async signOut(): Promise<void> {
    const answer = this.page.waitForResponse(
      (response) =>
        new URL(response.url()).pathname === '/api/v1/auth/session' &&
        response.request().method() === 'DELETE',
    );
    await this.signOutButton.click();
    await answer;
    await this.page.waitForURL((url) => url.pathname === '/sign-in');
  }
}
