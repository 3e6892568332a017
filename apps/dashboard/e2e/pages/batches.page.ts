import type { Locator, Page } from 'playwright-core';

/** /app/batches: upload a JSONL and run it as a batch, follow it, cancel, download its files. */
export class BatchesPage {
  readonly form: Locator;
  readonly fileField: Locator;
  readonly submit: Locator;
  readonly table: Locator;
  readonly tierNote: Locator;

  constructor(readonly page: Page) {
    this.form = page.getByRole('form', { name: 'New batch' });
    this.fileField = this.form.getByRole('button', { name: /Input file/ });
    this.submit = this.form.getByRole('button', { name: 'Upload and run batch' });
    this.table = page.getByRole('table', { name: 'Your batches, newest first' });
    this.tierNote = page.getByRole('alert').filter({ hasText: 'Batch jobs are not on your tier' });
  }

  async goto(): Promise<void> {
    await this.page.goto('/app/batches');
    await this.page.getByRole('heading', { name: 'Batches', exact: true }).waitFor();
  }

  /** Chooses a JSONL (the FileInput's hidden input) and submits; resolves with the upload's status. */
  async run(name: string, lines: unknown[]): Promise<number> {
    await this.form.locator('input[type="file"]').setInputFiles({
      name,
      mimeType: 'application/jsonl',
      buffer: Buffer.from(lines.map((line) => JSON.stringify(line)).join('\n') + '\n'),
    });
    const upload = this.page.waitForResponse(
      (r) => new URL(r.url()).pathname === '/v1/files' && r.request().method() === 'POST',
    );
    await this.submit.click();
    return (await upload).status();
  }

  row(batchId: string): Locator {
    return this.table.locator('tbody tr').filter({ hasText: batchId });
  }
}
