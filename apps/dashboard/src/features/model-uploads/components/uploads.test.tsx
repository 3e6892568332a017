import { act, cleanup, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { http, HttpResponse } from 'msw';
import { setupServer } from 'msw/node';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { installDomShims, renderWithProviders } from '@/test/render';
import type { ModelUpload } from '../types';

let UploadsSection: typeof import('./uploads-section').UploadsSection;

const ORIGIN = window.location.origin;

const upload = (status: ModelUpload['status'], extra: Partial<ModelUpload> = {}): ModelUpload => ({
  id: 'up-1',
  job_id: 'job-a1b2c3',
  model_name: 'my-org/my-fine-tune',
  model_type: 'model',
  base_model: null,
  model_source: 'https://huggingface.co/my-org/my-fine-tune',
  status,
  error: null,
  created_at: '2026-11-30T06:00:00.000Z',
  updated_at: '2026-11-30T06:05:00.000Z',
  ...extra,
});

let listAnswers: ModelUpload[][] = [];
let listCalls = 0;
let posted: unknown[] = [];
let postError: { status: number; body: Record<string, unknown> } | null = null;

const server = setupServer(
  http.get(`${ORIGIN}/api/v1/admin/model-uploads`, () => {
    const answer = listAnswers[Math.min(listCalls, listAnswers.length - 1)] ?? [];
    listCalls++;
    return HttpResponse.json({ data: answer });
  }),
  http.post(`${ORIGIN}/api/v1/admin/model-uploads`, async ({ request }) => {
    posted.push(await request.json());
    if (postError) return HttpResponse.json(postError.body, { status: postError.status });
    return HttpResponse.json(upload('Queued'), { status: 201 });
  }),
);

beforeAll(async () => {
  installDomShims();
  server.listen({ onUnhandledRequest: 'error' });
  // openapi-fetch keeps the `fetch` it finds when the client is created: load it once msw is in place.
  ({ UploadsSection } = await import('./uploads-section'));
});
afterEach(() => {
  cleanup();
  vi.useRealTimers();
  server.resetHandlers();
  listAnswers = [];
  listCalls = 0;
  posted = [];
  postError = null;
});
afterAll(() => server.close());

describe('model uploads', { timeout: 20_000 }, () => {
  it('polls while an upload is queued or running, and stops once it is complete', async () => {
    vi.useFakeTimers({ shouldAdvanceTime: true });
    listAnswers = [[upload('Queued')], [upload('Running')], [upload('Complete')]];
    renderWithProviders(<UploadsSection />);
    const table = await screen.findByRole('table', { name: 'Model uploads' });
    expect(await within(table).findByText('Queued')).toBeVisible();
    expect(within(table).getByText('job-a1b2c3')).toBeVisible();
    await act(() => vi.advanceTimersByTimeAsync(3_000));
    expect(await within(table).findByText('Running')).toBeVisible();
    await act(() => vi.advanceTimersByTimeAsync(3_000));
    expect(await within(table).findByText('Complete')).toBeVisible();
    expect(listCalls).toBe(3);
    await act(() => vi.advanceTimersByTimeAsync(60_000));
    expect(listCalls).toBe(3);
  });

  it("shows a failed upload's reason", async () => {
    listAnswers = [[upload('Failed', { error: 'The repository was not found' })]];
    renderWithProviders(<UploadsSection />);
    expect(await screen.findByText('The repository was not found')).toBeVisible();
  });

  it('validates the form, asks an adapter for its base model, and starts the upload', async () => {
    const user = userEvent.setup({ delay: null });
    renderWithProviders(<UploadsSection />);
    expect(await screen.findByText(/No uploads yet/)).toBeVisible();
    await user.click(screen.getByRole('button', { name: 'Upload model' }));
    const dialog = await screen.findByRole('dialog', { name: 'Upload model' });
    await user.click(within(dialog).getByRole('button', { name: 'Upload' }));
    expect(await within(dialog).findByText('Name the model')).toBeVisible();
    expect(posted).toEqual([]);

    await user.type(within(dialog).getByRole('textbox', { name: 'Model name' }), 'my-org/adapter-v2');
    await user.type(within(dialog).getByRole('textbox', { name: 'Source' }), 'my-org/adapter-v2');
    await user.click(within(dialog).getByText('Adapter (LoRA)'));
    await user.click(within(dialog).getByRole('button', { name: 'Upload' }));
    expect(await within(dialog).findByText('An adapter needs the base model it applies to')).toBeVisible();
    expect(within(dialog).getByRole('textbox', { name: 'Base model' })).toHaveAttribute(
      'aria-invalid',
      'true',
    );

    await user.type(within(dialog).getByRole('textbox', { name: 'Base model' }), 'meta-llama/Llama-3-8b');
    await user.click(within(dialog).getByRole('button', { name: 'Upload' }));
    await waitFor(() =>
      expect(posted).toEqual([
        {
          model_name: 'my-org/adapter-v2',
          model_source: 'my-org/adapter-v2',
          model_type: 'adapter',
          base_model: 'meta-llama/Llama-3-8b',
        },
      ]),
    );
    expect(await screen.findByText(/Upload started\./)).toBeVisible();
  });

  it("puts the api's refusal on the field it names, or in an alert", async () => {
    postError = {
      status: 400,
      body: {
        error: {
          message: 'model_source must be a Hugging Face repository or an https URL',
          type: 'invalid_request_error',
          code: 'validation_failed',
          param: 'model_source',
        },
      },
    };
    const user = userEvent.setup({ delay: null });
    renderWithProviders(<UploadsSection />);
    await user.click(await screen.findByRole('button', { name: 'Upload model' }));
    const dialog = await screen.findByRole('dialog', { name: 'Upload model' });
    await user.type(within(dialog).getByRole('textbox', { name: 'Model name' }), 'x');
    await user.type(within(dialog).getByRole('textbox', { name: 'Source' }), 'ftp://x');
    await user.click(within(dialog).getByRole('button', { name: 'Upload' }));
    expect(await within(dialog).findByText(/must be a Hugging Face repository/)).toBeVisible();
    expect(within(dialog).getByRole('textbox', { name: 'Source' })).toHaveAttribute('aria-invalid', 'true');

    postError = {
      status: 502,
      body: {
        error: { message: 'Together refused the upload', type: 'api_error', code: 'upstream', param: null },
      },
    };
    await user.click(within(dialog).getByRole('button', { name: 'Upload' }));
    const alert = await within(dialog).findByRole('alert');
    expect(within(alert).getByText('Together refused the upload')).toBeVisible();
  });
});
