import type { Download, Locator, Page } from 'playwright-core';

export type ExportFormat = 'CSV' | 'JSON' | 'Excel (.xlsx)';

/** /admin/usage: filters in the URL, stat cards, charts (each with "Show as table"), the report, Export Data. */
export class AdminUsagePage {
  readonly totals: Locator;
  readonly report: Locator;

  constructor(readonly page: Page) {
    this.totals = page.getByRole('group', { name: 'Totals for the range' });
    this.report = page.getByRole('table', { name: /^Usage by / });
  }

  async goto(search = ''): Promise<void> {
    await this.page.goto(`/admin/usage${search}`);
    await this.page.getByRole('heading', { name: 'Usage', exact: true }).waitFor();
    await this.totals.waitFor();
  }

  /** A stat card's value ("Requests" → "3"). */
  async stat(label: string): Promise<string> {
    const card = this.totals.locator('> div').filter({ has: this.page.getByText(label, { exact: true }) });
    return (await card.locator('p').nth(1).innerText()).trim();
  }

  /** A chart (a figure named by its title). */
  chart(title: string): Locator {
    return this.page.getByRole('figure', { name: title });
  }

  /** The chart's text summary. */
  async summary(title: string): Promise<string> {
    return (await this.chart(title).locator('figcaption').innerText()).trim();
  }

  /** Switches a chart to its table view and returns the rows (day first, then a cell per series). */
  async chartTable(title: string): Promise<string[][]> {
    const chart = this.chart(title);
    await chart.getByRole('button', { name: 'Show as table' }).click();
    const rows = chart.getByRole('table').locator('tbody tr');
    await rows.first().waitFor();
    const result: string[][] = [];
    for (let i = 0; i < (await rows.count()); i++)
      result.push((await rows.nth(i).locator('th, td').allInnerTexts()).map((text) => text.trim()));
    return result;
  }

  async reportRows(): Promise<string[][]> {
    const rows = this.report.locator('tbody tr');
    await rows.first().waitFor();
    const result: string[][] = [];
    for (let i = 0; i < (await rows.count()); i++)
      result.push((await rows.nth(i).locator('td').allInnerTexts()).map((text) => text.trim()));
    return result;
  }

  /** "Export Data" → a format → "Download": resolves with the browser's download. */
  async export(format: ExportFormat): Promise<Download> {
    await this.page.getByRole('button', { name: 'Export Data' }).click();
    const dialog = this.page.getByRole('dialog');
    await dialog.getByRole('radio', { name: format }).check();
    const download = this.page.waitForEvent('download');
    await dialog.getByRole('link', { name: 'Download' }).click();
    const file = await download;
    await this.page.keyboard.press('Escape');
    return file;
  }
}
