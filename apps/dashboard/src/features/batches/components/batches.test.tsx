import { act, cleanup, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { http, HttpResponse } from 'msw';
import { setupServer } from 'msw/node';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { installDomShims, renderWithProviders } from '@/test/render';
import type { Batch } from '../status';

let NewBatchForm: typeof import('./new-batch-form').NewBatchForm;
let BatchesTable: typeof import('./batches-table').BatchesTable;
let useBatches: typeof import('../queries').useBatches;

const ORIGIN = window.location.origin;

const batch = (
  status: Batch['status'],
  counts: Batch['request_counts'],
  extra: Partial<Batch> = {},
): Batch => ({
  id: 'batch_1',
  object: 'batch',
  endpoint: '/v1/chat/completions',
  model: 'meta-llama/Meta-Llama-3.1-8B-Instruct-Turbo',
  errors: null,
  input_file_id: 'file-in',
  completion_window: '24h',
  status,
  output_file_id: null,
  error_file_id: null,
  created_at: 1_764_480_000,
  in_progress_at: null,
  expires_at: 1_764_566_400,
  finalizing_at: null,
  completed_at: null,
  failed_at: null,
  expired_at: null,
  cancelling_at: null,
  cancelled_at: null,
  request_counts: counts,
  metadata: null,
  progress: 0,
  ...extra,
});
const page = (data: Batch[]) => ({
  object: 'list',
  data,
  first_id: data[0]?.id ?? null,
  last_id: data.at(-1)?.id ?? null,
  has_more: false,
});

/** The answers GET /v1/batches gives in turn (the last one repeats). */
let listAnswers: Batch[][] = [];
let listCalls = 0;
let calls: string[] = [];
/** (The file's name does not survive jsdom's File in Node's FormData; the browser e2e checks it.) */
let uploads: { purpose: FormDataEntryValue | null; text: string }[] = [];
let created: unknown[] = [];
let uploadError: { status: number; body: Record<string, unknown> } | null = null;
let cancelled: string[] = [];
let downloads: string[] = [];

const server = setupServer(
  http.get(`${ORIGIN}/v1/batches`, () => {
    const answer = listAnswers[Math.min(listCalls, listAnswers.length - 1)] ?? [];
    listCalls++;
    return HttpResponse.json(page(answer));
  }),
  http.post(`${ORIGIN}/v1/files`, async ({ request }) => {
    calls.push('POST /v1/files');
    if (uploadError) return HttpResponse.json(uploadError.body, { status: uploadError.status });
    const form = await request.formData();
    const file = form.get('file') as File;
    uploads.push({ purpose: form.get('purpose'), text: await file.text() });
    return HttpResponse.json({ id: 'file-in', object: 'file', purpose: 'batch', line_count: 2 });
  }),
  http.post(`${ORIGIN}/v1/batches`, async ({ request }) => {
    calls.push('POST /v1/batches');
    created.push(await request.json());
    return HttpResponse.json(batch('validating', { total: 2, completed: 0, failed: 0 }));
  }),
  http.post(`${ORIGIN}/v1/batches/:id/cancel`, ({ params }) => {
    cancelled.push(String(params.id));
    return HttpResponse.json(batch('cancelling', { total: 3, completed: 1, failed: 0 }));
  }),
  http.get(`${ORIGIN}/v1/files/:id/content`, ({ params }) => {
    downloads.push(String(params.id));
    return new HttpResponse('{"custom_id":"req-1"}\n', { headers: { 'content-type': 'application/jsonl' } });
  }),
);

beforeAll(async () => {
  installDomShims();
  server.listen({ onUnhandledRequest: 'error' });
  // openapi-fetch keeps the `fetch` it finds when the client is created: load it once msw is in place.
  ({ NewBatchForm } = await import('./new-batch-form'));
  ({ BatchesTable } = await import('./batches-table'));
  ({ useBatches } = await import('../queries'));
});
afterEach(() => {
  cleanup();
  vi.useRealTimers();
  server.resetHandlers();
  listAnswers = [];
  listCalls = 0;
  calls = [];
  uploads = [];
  created = [];
  uploadError = null;
  cancelled = [];
  downloads = [];
});
afterAll(() => server.close());

function BatchList() {
  const query = useBatches();
  return <BatchesTable query={query} hasNewer={false} onNewer={() => undefined} onOlder={() => undefined} />;
}

/** Mantine's FileInput: a labelled button, and a hidden file input beside it. */
const fileInput = () => document.querySelector<HTMLInputElement>('input[type="file"]')!;

const jsonl = (name = 'batch.jsonl', text = '{"custom_id":"a"}\n{"custom_id":"b"}\n') =>
  new File([text], name, { type: 'application/jsonl' });

describe('NewBatchForm', { timeout: 15_000 }, () => {
  it('asks for a JSONL file before sending anything', async () => {
    const user = userEvent.setup({ delay: null, applyAccept: false });
    renderWithProviders(<NewBatchForm />);
    await user.click(screen.getByRole('button', { name: 'Upload and run batch' }));
    expect(await screen.findByText('Choose a JSONL file')).toBeVisible();

    await user.upload(fileInput(), jsonl('rows.csv', 'a,b'));
    await user.click(screen.getByRole('button', { name: 'Upload and run batch' }));
    expect(await screen.findByText('The file must be JSONL (.jsonl)')).toBeVisible();
    expect(calls).toEqual([]);
  });

  it('uploads the file (multipart, purpose=batch), then creates the batch from it', async () => {
    const user = userEvent.setup({ delay: null });
    const onCreated = vi.fn();
    renderWithProviders(<NewBatchForm onCreated={onCreated} />);
    await user.upload(fileInput(), jsonl());
    await user.click(screen.getByRole('button', { name: 'Upload and run batch' }));

    await waitFor(() => expect(onCreated).toHaveBeenCalled());
    expect(calls).toEqual(['POST /v1/files', 'POST /v1/batches']);
    expect(uploads).toEqual([{ purpose: 'batch', text: '{"custom_id":"a"}\n{"custom_id":"b"}\n' }]);
    expect(created).toEqual([
      { input_file_id: 'file-in', endpoint: '/v1/chat/completions', completion_window: '24h' },
    ]);
    expect(
      await screen.findByText(/2 requests to meta-llama\/Meta-Llama-3.1-8B-Instruct-Turbo/),
    ).toBeVisible();
  });

  it("shows the api's line error on the file field, and creates no batch", async () => {
    uploadError = {
      status: 400,
      body: {
        error: {
          message: 'Line 3: body.model "x" is not available on your tier',
          type: 'invalid_request_error',
          code: 'validation_failed',
          param: 'line 3: body.model',
        },
      },
    };
    const user = userEvent.setup({ delay: null });
    renderWithProviders(<NewBatchForm />);
    await user.upload(fileInput(), jsonl());
    await user.click(screen.getByRole('button', { name: 'Upload and run batch' }));

    expect(await screen.findByText('Line 3: body.model "x" is not available on your tier')).toBeVisible();
    expect(screen.getByRole('button', { name: /Input file/ })).toHaveAttribute('aria-invalid', 'true');
    expect(calls).toEqual(['POST /v1/files']);
    expect(screen.queryByRole('alert')).toBeNull();
  });

  it('says when the tier may not run batches (403, no field)', async () => {
    uploadError = {
      status: 403,
      body: {
        error: {
          message:
            'Batch jobs are not available on the free tier; upgrade to premium or enterprise to use them',
          type: 'permission_error',
          code: 'batches_not_allowed',
          param: null,
        },
      },
    };
    const user = userEvent.setup({ delay: null });
    renderWithProviders(<NewBatchForm />);
    await user.upload(fileInput(), jsonl());
    await user.click(screen.getByRole('button', { name: 'Upload and run batch' }));
    const alert = await screen.findByRole('alert');
    expect(within(alert).getByText('The batch was not created')).toBeVisible();
    expect(within(alert).getByText(/not available on the free tier/)).toBeVisible();
  });
});

describe('the batch list', { timeout: 15_000 }, () => {
  it('polls while a batch runs, and stops once it is final', async () => {
    vi.useFakeTimers({ shouldAdvanceTime: true });
    listAnswers = [
      [batch('in_progress', { total: 3, completed: 1, failed: 0 })],
      [
        batch(
          'completed',
          { total: 3, completed: 2, failed: 1 },
          { completed_at: 1_764_480_600, output_file_id: 'file-out', error_file_id: 'file-err' },
        ),
      ],
    ];
    renderWithProviders(<BatchList />);
    expect(await screen.findByText('In progress')).toBeVisible();
    expect(screen.getByText('1 of 3 completed')).toBeVisible();
    expect(listCalls).toBe(1);

    await act(() => vi.advanceTimersByTimeAsync(2_000));
    expect(await screen.findByText('Completed')).toBeVisible();
    expect(screen.getByText('2 of 3 completed, 1 failed')).toBeVisible();
    expect(listCalls).toBe(2);

    await act(() => vi.advanceTimersByTimeAsync(30_000));
    expect(listCalls).toBe(2);
    expect(screen.queryByRole('button', { name: /^Cancel / })).toBeNull();
  });

  it('cancels after confirming, and downloads the output and error files', async () => {
    listAnswers = [
      [
        batch(
          'in_progress',
          { total: 3, completed: 1, failed: 0 },
          { output_file_id: 'file-out', error_file_id: 'file-err' },
        ),
      ],
    ];
    const createObjectURL = vi.fn(() => 'blob:test');
    Object.assign(URL, { createObjectURL, revokeObjectURL: vi.fn() });
    const saved: string[] = [];
    const click = vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (
      this: HTMLAnchorElement,
    ) {
      saved.push(`${this.download} ${this.href}`);
    });
    const user = userEvent.setup({ delay: null });
    renderWithProviders(<BatchList />);

    await user.click(await screen.findByRole('button', { name: 'Cancel batch_1' }));
    const dialog = await screen.findByRole('dialog', { name: 'Cancel this batch?' });
    await user.click(within(dialog).getByRole('button', { name: 'Cancel batch' }));
    await waitFor(() => expect(cancelled).toEqual(['batch_1']));

    await user.click(screen.getByRole('button', { name: 'Download the output of batch_1' }));
    await user.click(screen.getByRole('button', { name: 'Download the errors of batch_1' }));
    await waitFor(() => expect(downloads).toEqual(['file-out', 'file-err']));
    await waitFor(() =>
      expect(saved).toEqual(['batch_1-output.jsonl blob:test', 'batch_1-errors.jsonl blob:test']),
    );
    click.mockRestore();
  });

  it('shows an empty list in words, and a failed list with a retry', async () => {
    listAnswers = [[]];
    renderWithProviders(<BatchList />);
    expect(await screen.findByText(/No batches yet/)).toBeVisible();
    cleanup();

    server.use(
      http.get(`${ORIGIN}/v1/batches`, () =>
        HttpResponse.json(
          { error: { message: 'Redis is unavailable', type: 'api_error', code: 'unavailable', param: null } },
          { status: 503 },
        ),
      ),
    );
    renderWithProviders(<BatchList />);
    expect(await screen.findByText('Redis is unavailable')).toBeVisible();
    expect(screen.getByRole('button', { name: 'Try again' })).toBeVisible();
  });
});
