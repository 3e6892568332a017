import { MantineProvider } from '@mantine/core';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { cleanup, render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { http, HttpResponse } from 'msw';
import { setupServer } from 'msw/node';
import type { ReactNode } from 'react';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';

let CustomQuotasCard: typeof import('./custom-quotas-card').CustomQuotasCard;

const ORIGIN = window.location.origin;
const USER = '0b6c4f5e-8d2a-4c1e-9f3b-2a7d6e5c4b3a';

const feature = (requests: number | null, extra: Record<string, number | null> = {}) => ({
  requests_used: 1,
  requests_limit: requests,
  ...extra,
});

let overrides: Record<string, Record<string, number | null>> = {};
let calls: string[] = [];
let putBodies: unknown[] = [];
let putError: { status: number; body: Record<string, unknown> } | null = null;

const server = setupServer(
  http.get(`${ORIGIN}/api/v1/admin/quotas/users/:id`, () =>
    HttpResponse.json({
      user_id: USER,
      tier: 'free',
      resets_at: '2026-12-01T00:00:00.000Z',
      rate_limits: {},
      text_generation: feature(overrides.text_generation?.requests_per_day ?? 50, {
        tokens_used: 14,
        tokens_limit: 10_000,
        tokens_per_request_limit: 2_000,
      }),
      code_generation: feature(30, { tokens_used: 0, tokens_limit: 15_000, tokens_per_request_limit: 3_000 }),
      image_generation: feature(10),
      vision_analysis: feature(20),
      audio_tts: feature(10, { minutes_used: 0, minutes_limit: 5 }),
      audio_stt: feature(10, { minutes_used: 0, minutes_limit: 10 }),
      overrides,
    }),
  ),
  http.get(`${ORIGIN}/api/v1/admin/quotas/tiers/free`, () =>
    HttpResponse.json({
      features: {
        text_generation: { requests_per_day: 50, tokens_per_day: 10_000, tokens_per_request: 2_000 },
      },
      rate_limits: {},
      on_redis_failure: 'closed',
    }),
  ),
  http.delete(`${ORIGIN}/api/v1/admin/quotas/users/:id`, ({ request }) => {
    const feature = new URL(request.url).searchParams.get('feature');
    calls.push(`DELETE ${feature}`);
    if (feature) delete overrides[feature];
    return new HttpResponse(null, { status: 204 });
  }),
  http.put(`${ORIGIN}/api/v1/admin/quotas/users/:id`, async ({ request }) => {
    const body = (await request.json()) as { features: typeof overrides };
    calls.push('PUT');
    putBodies.push(body);
    if (putError) return HttpResponse.json(putError.body, { status: putError.status });
    for (const [name, limits] of Object.entries(body.features))
      overrides[name] = { ...overrides[name], ...limits };
    return HttpResponse.json({ user_id: USER, overrides });
  }),
);

beforeAll(async () => {
  // What jsdom lacks and Mantine uses.
  window.matchMedia ??= ((query: string) => ({
    matches: false,
    media: query,
    onchange: null,
    addListener: () => undefined,
    removeListener: () => undefined,
    addEventListener: () => undefined,
    removeEventListener: () => undefined,
    dispatchEvent: () => false,
  })) as typeof window.matchMedia;
  globalThis.ResizeObserver ??= class {
    observe() {}
    unobserve() {}
    disconnect() {}
  } as unknown as typeof ResizeObserver;
  server.listen({ onUnhandledRequest: 'error' });
  // openapi-fetch keeps the `fetch` it finds when the client is created: load the client (through
  // the card) only once msw has replaced it.
  ({ CustomQuotasCard } = await import('./custom-quotas-card'));
});
afterEach(() => {
  cleanup();
  server.resetHandlers();
  overrides = {};
  calls = [];
  putBodies = [];
  putError = null;
});
afterAll(() => server.close());

function renderCard(): void {
  const queryClient = new QueryClient({ defaultOptions: { queries: { retry: false } } });
  const wrapper = ({ children }: { children: ReactNode }) => (
    <MantineProvider>
      <QueryClientProvider client={queryClient}>{children}</QueryClientProvider>
    </MantineProvider>
  );
  render(<CustomQuotasCard userId={USER} />, { wrapper });
}

const group = (name: string) => screen.findByRole('group', { name });

describe('CustomQuotasCard', { timeout: 15_000 }, () => {
  it("shows today's use and what an empty field inherits from the tier", async () => {
    renderCard();
    const text = await group('Text generation');
    const requests = within(text).getByRole('textbox', { name: 'Requests per day' });
    expect(requests).toHaveValue('');
    await waitFor(() => expect(requests).toHaveAttribute('placeholder', 'Inherit: 50'));
    expect(within(text).getByText('Today: 1 of 50')).toBeVisible();
    expect(within(text).getByText('Today: 14 of 10,000')).toBeVisible();
  });

  it('writes a number and "Unlimited" (null) with one PUT, and nothing for untouched fields', async () => {
    const user = userEvent.setup({ delay: null });
    renderCard();
    const text = await group('Text generation');
    await user.type(within(text).getByRole('textbox', { name: 'Requests per day' }), '200');
    const unlimited = within(text).getAllByRole('checkbox', { name: 'Unlimited' })[1];
    await user.click(unlimited);
    expect(within(text).getByRole('textbox', { name: 'Tokens per day' })).toBeDisabled();
    await user.click(screen.getByRole('button', { name: 'Save custom quotas' }));

    await waitFor(() => expect(calls).toEqual(['PUT']));
    expect(putBodies).toEqual([
      { features: { text_generation: { requests_per_day: 200, tokens_per_day: null } } },
    ]);
    // The form is rebuilt from the saved overrides (a new fieldset).
    expect(await within(await group('Text generation')).findByText('Today: 1 of 200')).toBeVisible();
  });

  it('clears a feature first when one of its fields goes back to the tier', async () => {
    overrides = {
      text_generation: { requests_per_day: 200, tokens_per_day: null },
      audio_stt: { minutes_per_day: 3 },
    };
    const user = userEvent.setup({ delay: null });
    renderCard();
    const text = await group('Text generation');
    const requests = within(text).getByRole('textbox', { name: 'Requests per day' });
    await waitFor(() => expect(requests).toHaveValue('200'));
    await user.clear(requests);
    await user.click(screen.getByRole('button', { name: 'Save custom quotas' }));

    await waitFor(() => expect(calls).toEqual(['DELETE text_generation', 'PUT']));
    expect(putBodies).toEqual([{ features: { text_generation: { tokens_per_day: null } } }]);
    expect(overrides).toEqual({
      text_generation: { tokens_per_day: null },
      audio_stt: { minutes_per_day: 3 },
    });
  });

  it("puts the api's refusal on the field its param names", async () => {
    putError = {
      status: 400,
      body: {
        error: {
          message:
            'features.image_generation.requests_per_day must be a whole number from 0, or null for unlimited',
          type: 'invalid_request_error',
          code: 'validation_failed',
          param: 'features.image_generation.requests_per_day',
        },
      },
    };
    const user = userEvent.setup({ delay: null });
    renderCard();
    const image = await group('Image generation');
    const requests = within(image).getByRole('textbox', { name: 'Requests per day' });
    await user.type(requests, '5');
    await user.click(screen.getByRole('button', { name: 'Save custom quotas' }));

    await waitFor(() => expect(requests).toHaveAttribute('aria-invalid', 'true'));
    expect(within(image).getByText(/must be a whole number from 0/)).toBeVisible();
  });
});
