import { act, cleanup, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { http, HttpResponse } from 'msw';
import { setupServer } from 'msw/node';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { installDomShims, renderWithProviders, renderWithRouter } from '@/test/render';
import type { Endpoint, EndpointStats, Hardware } from '../types';

let EndpointStatsCard: typeof import('./endpoint-stats-card').EndpointStatsCard;
let EndpointsSection: typeof import('./endpoints-section').EndpointsSection;

const ORIGIN = window.location.origin;
const MODEL = 'meta-llama/Meta-Llama-3.1-8B-Instruct-Turbo';

const endpoint = (state: Endpoint['state'], extra: Partial<Endpoint> = {}): Endpoint => ({
  id: 'ep-1',
  upstream_id: 'endpoint-abc',
  name: 'tiergate/llama-8b-ep1',
  display_name: 'Llama 8B',
  model: MODEL,
  hardware: '1x_nvidia_h100_80gb_sxm',
  state,
  min_replicas: 1,
  max_replicas: 2,
  auto_shutdown_minutes: 60,
  price_per_hour_usd: 3.36,
  error: null,
  created_at: '2026-11-30T06:00:00.000Z',
  updated_at: '2026-11-30T06:00:00.000Z',
  ...extra,
});
const hardware: Hardware[] = [
  {
    id: '1x_nvidia_h100_80gb_sxm',
    name: '1x H100 80GB',
    gpu_type: 'h100-80gb',
    gpu_count: 1,
    gpu_memory_gb: 80,
    price_per_hour_usd: 3.36,
    available: true,
  },
  {
    id: '8x_nvidia_h200_140gb_sxm',
    name: '8x H200 140GB',
    gpu_type: 'h200-140gb',
    gpu_count: 8,
    gpu_memory_gb: 140,
    price_per_hour_usd: 39.2,
    available: false,
  },
];

let listAnswers: Endpoint[][] = [];
let listCalls = 0;
let hardwareFor: string[] = [];
let posted: unknown[] = [];
let patched: unknown[] = [];
let deleted: string[] = [];
let postError: { status: number; body: Record<string, unknown> } | null = null;
let statsCalls: string[] = [];

const server = setupServer(
  http.get(`${ORIGIN}/api/v1/admin/endpoints`, () => {
    const answer = listAnswers[Math.min(listCalls, listAnswers.length - 1)] ?? [];
    listCalls++;
    return HttpResponse.json({ data: answer });
  }),
  http.get(`${ORIGIN}/api/v1/admin/models`, () =>
    HttpResponse.json({ models: [{ id: MODEL }, { id: 'Qwen/Qwen2.5-7B-Instruct-Turbo' }] }),
  ),
  http.get(`${ORIGIN}/api/v1/admin/hardware`, ({ request }) => {
    hardwareFor.push(new URL(request.url).searchParams.get('model') ?? '');
    return HttpResponse.json({ data: hardware });
  }),
  http.post(`${ORIGIN}/api/v1/admin/endpoints`, async ({ request }) => {
    posted.push(await request.json());
    if (postError) return HttpResponse.json(postError.body, { status: postError.status });
    return HttpResponse.json(endpoint('PENDING'), { status: 201 });
  }),
  http.patch(`${ORIGIN}/api/v1/admin/endpoints/:id`, async ({ request, params }) => {
    const body = (await request.json()) as Record<string, unknown>;
    patched.push({ id: params.id, ...body });
    return HttpResponse.json(endpoint('STOPPING', body as Partial<Endpoint>));
  }),
  http.delete(`${ORIGIN}/api/v1/admin/endpoints/:id`, ({ params }) => {
    deleted.push(String(params.id));
    return new HttpResponse(null, { status: 204 });
  }),
  http.get(`${ORIGIN}/api/v1/admin/endpoints/:id/stats`, ({ request, params }) => {
    const url = new URL(request.url);
    statsCalls.push(`${String(params.id)} ${url.searchParams.get('from')} ${url.searchParams.get('to')}`);
    return HttpResponse.json({
      endpoint_id: String(params.id),
      model: MODEL,
      from: url.searchParams.get('from') ?? '',
      to: url.searchParams.get('to') ?? '',
      requests: 1234,
      prompt_tokens: 50_000,
      completion_tokens: 25_000,
      total_tokens: 75_000,
      latency_ms: { p50: 210, p95: 480, p99: 910 },
      token_cost_usd: 0.0135,
      running_minutes: 95,
      running_cost_usd: 5.32,
      total_cost_usd: 5.3335,
    } satisfies EndpointStats);
  }),
);

beforeAll(async () => {
  installDomShims();
  server.listen({ onUnhandledRequest: 'error' });
  // openapi-fetch (the catalog's client) keeps the `fetch` it finds when it is created: load it once msw is in place.
  ({ EndpointStatsCard } = await import('./endpoint-stats-card'));
  ({ EndpointsSection } = await import('./endpoints-section'));
});
afterEach(() => {
  cleanup();
  vi.useRealTimers();
  server.resetHandlers();
  listAnswers = [];
  listCalls = 0;
  hardwareFor = [];
  posted = [];
  patched = [];
  deleted = [];
  postError = null;
  statsCalls = [];
});
afterAll(() => server.close());

const renderSection = (onStats = vi.fn()) => renderWithRouter(<EndpointsSection onStats={onStats} />);

/**
 * Opens the create modal once the catalog has loaded. (A Select's options count as hidden to
 * Testing Library in jsdom, where the dropdown's transition never ends: hence `hidden: true` on
 * the option queries; the browser e2e picks them by role.)
 */
async function openCreate(user: ReturnType<typeof userEvent.setup>) {
  await user.click(await screen.findByRole('button', { name: 'Create endpoint' }));
  const dialog = await screen.findByRole('dialog', { name: 'Create endpoint' });
  await within(dialog).findByPlaceholderText('Search the catalog'); // the catalog has loaded
  return dialog;
}

describe('the endpoints table', { timeout: 20_000 }, () => {
  it('polls while an endpoint starts, and stops once it is started', async () => {
    vi.useFakeTimers({ shouldAdvanceTime: true });
    listAnswers = [[endpoint('PENDING')], [endpoint('STARTING')], [endpoint('STARTED')]];
    renderSection();
    const table = await screen.findByRole('table', { name: 'Dedicated endpoints' });
    expect(await within(table).findByText('Pending')).toBeVisible();
    expect(screen.getByText('tiergate/llama-8b-ep1')).toBeVisible();
    expect(screen.getByText('$3.36/hour per replica')).toBeVisible();

    await act(() => vi.advanceTimersByTimeAsync(3_000));
    expect(await within(table).findByText('Starting')).toBeVisible();
    await act(() => vi.advanceTimersByTimeAsync(3_000));
    expect(await within(table).findByText('Started')).toBeVisible();
    expect(listCalls).toBe(3);

    await act(() => vi.advanceTimersByTimeAsync(60_000));
    expect(listCalls).toBe(3);
    expect(screen.getByRole('button', { name: 'Stop Llama 8B' })).toBeVisible();
  });

  it('stops a started endpoint, and deletes one after confirming', async () => {
    listAnswers = [[endpoint('STARTED')]];
    const user = userEvent.setup({ delay: null });
    renderSection();
    await user.click(await screen.findByRole('button', { name: 'Stop Llama 8B' }));
    await waitFor(() => expect(patched).toEqual([{ id: 'ep-1', state: 'STOPPED' }]));
    expect(await screen.findByText('Llama 8B is stopping.')).toBeVisible();

    await user.click(screen.getByRole('button', { name: 'Delete Llama 8B' }));
    const dialog = await screen.findByRole('dialog', { name: 'Delete this endpoint?' });
    expect(deleted).toEqual([]);
    await user.click(within(dialog).getByRole('button', { name: 'Delete' }));
    await waitFor(() => expect(deleted).toEqual(['ep-1']));
  });

  it('says what an empty list means, and shows a failed list with a retry', async () => {
    renderSection();
    expect(await screen.findByText(/No dedicated endpoints yet/)).toBeVisible();
    expect(screen.getByRole('link', { name: 'Models page' })).toHaveAttribute('href', '/admin/models');
    cleanup();
    server.use(
      http.get(`${ORIGIN}/api/v1/admin/endpoints`, () =>
        HttpResponse.json(
          { error: { message: 'Together is unreachable', type: 'api_error', code: 'upstream', param: null } },
          { status: 502 },
        ),
      ),
    );
    renderSection();
    expect(await screen.findByText('Together is unreachable')).toBeVisible();
  });
});

describe('the create-endpoint form', { timeout: 20_000 }, () => {
  it('validates, loads the hardware for the chosen model, and creates the endpoint', async () => {
    const user = userEvent.setup({ delay: null });
    renderSection();
    const dialog = await openCreate(user);
    await user.click(within(dialog).getByRole('button', { name: 'Create endpoint' }));
    expect(await within(dialog).findByText('Choose a model')).toBeVisible();
    expect(within(dialog).getByText('Choose the hardware')).toBeVisible();
    expect(posted).toEqual([]);

    await user.click(within(dialog).getByRole('combobox', { name: 'Model' }));
    await user.click(await screen.findByRole('option', { name: MODEL, hidden: true }));
    await waitFor(() => expect(hardwareFor).toEqual([MODEL]));
    await user.click(within(dialog).getByRole('combobox', { name: 'Hardware' }));
    const unavailable = await screen.findByRole('option', { name: /8x H200 140GB/, hidden: true });
    expect(unavailable).toHaveAttribute('data-combobox-disabled', 'true');
    await user.click(screen.getByRole('option', { name: /1x H100 80GB .*\$3\.36\/hour/, hidden: true }));
    expect(await within(dialog).findByText('Billed $3.36 per hour per replica while running')).toBeVisible();

    const max = within(dialog).getByRole('textbox', { name: 'Max replicas' });
    await user.clear(within(dialog).getByRole('textbox', { name: 'Min replicas' }));
    await user.type(within(dialog).getByRole('textbox', { name: 'Min replicas' }), '3');
    await user.click(within(dialog).getByRole('button', { name: 'Create endpoint' }));
    expect(await within(dialog).findByText('At least the minimum replicas')).toBeVisible();
    expect(max).toHaveAttribute('aria-invalid', 'true');

    await user.clear(max);
    await user.type(max, '4');
    await user.type(within(dialog).getByRole('textbox', { name: /Auto-shutdown/ }), '30');
    await user.click(within(dialog).getByRole('button', { name: 'Create endpoint' }));
    await waitFor(() =>
      expect(posted).toEqual([
        {
          model: MODEL,
          hardware: '1x_nvidia_h100_80gb_sxm',
          min_replicas: 3,
          max_replicas: 4,
          auto_shutdown_minutes: 30,
        },
      ]),
    );
    await waitFor(() => expect(screen.queryByRole('dialog', { name: 'Create endpoint' })).toBeNull());
    expect(await screen.findByText(/Endpoint created\./)).toBeVisible();
  });

  it("puts the api's refusal on the field it names", async () => {
    postError = {
      status: 400,
      body: {
        error: {
          message: 'hardware 1x_nvidia_h100_80gb_sxm cannot run this model',
          type: 'invalid_request_error',
          code: 'validation_failed',
          param: 'hardware',
        },
      },
    };
    const user = userEvent.setup({ delay: null });
    renderSection();
    const dialog = await openCreate(user);
    await user.click(within(dialog).getByRole('combobox', { name: 'Model' }));
    await user.click(await screen.findByRole('option', { name: MODEL, hidden: true }));
    await user.click(within(dialog).getByRole('combobox', { name: 'Hardware' }));
    await user.click(await screen.findByRole('option', { name: /1x H100 80GB/, hidden: true }));
    await user.click(within(dialog).getByRole('button', { name: 'Create endpoint' }));

    expect(
      await within(dialog).findByText('hardware 1x_nvidia_h100_80gb_sxm cannot run this model'),
    ).toBeVisible();
    expect(within(dialog).getByRole('combobox', { name: 'Hardware' })).toHaveAttribute(
      'aria-invalid',
      'true',
    );
    expect(within(dialog).queryByRole('alert')).toBeNull();
  });
});

describe('the stats card', { timeout: 20_000 }, () => {
  it("shows an endpoint's requests, tokens, latency and costs for the range", async () => {
    const onRangeChange = vi.fn();
    renderWithProviders(
      <EndpointStatsCard
        endpoint={endpoint('STARTED')}
        from="2026-11-01"
        to="2026-11-30"
        onRangeChange={onRangeChange}
      />,
    );
    expect(await screen.findByText('1,234')).toBeVisible();
    expect(statsCalls).toEqual(['ep-1 2026-11-01 2026-11-30']);
    expect(screen.getByText('75,000')).toBeVisible();
    expect(screen.getByText('50,000 prompt · 25,000 completion')).toBeVisible();
    expect(screen.getByText('210 ms')).toBeVisible();
    expect(screen.getByText('p95 480 ms · p99 910 ms')).toBeVisible();
    expect(screen.getByText('95 min')).toBeVisible();
    expect(screen.getByText('$5.32')).toBeVisible();
    expect(screen.getByText('$5.3335')).toBeVisible();
  });

  it('refuses a range that ends before it starts, without asking the api', async () => {
    renderWithProviders(
      <EndpointStatsCard
        endpoint={endpoint('STARTED')}
        from="2026-11-30"
        to="2026-11-01"
        onRangeChange={vi.fn()}
      />,
    );
    expect(await screen.findByText('Must be on or before the end date')).toBeVisible();
    expect(statsCalls).toEqual([]);
  });
});
