import { MantineProvider } from '@mantine/core';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { cleanup, render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { http, HttpResponse } from 'msw';
import { setupServer } from 'msw/node';
import type { ReactNode } from 'react';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { ChatPanel } from './chat-panel';

const ORIGIN = window.location.origin;
const indicator = {
  provider_id: 'together_ai',
  display_name: 'Together AI',
  is_free_tier: true,
  is_fallback: true,
  fallback_reason: 'upstream_error',
  fallback_strategy: 'SAME_PROVIDER_DIFFERENT_MODEL',
  requested_model: null,
  served_model: 'Qwen/Qwen2.5-7B-Instruct-Turbo',
  key_source: 'system',
  cached: false,
};

/** An SSE body as the api sends it: one `data:` line per event. */
function sse(events: unknown[]): Response {
  const encoder = new TextEncoder();
  const body = new ReadableStream<Uint8Array>({
    start(controller) {
      for (const event of events)
        controller.enqueue(
          encoder.encode(`data: ${typeof event === 'string' ? event : JSON.stringify(event)}\n\n`),
        );
      controller.close();
    },
  });
  return new Response(body, { headers: { 'content-type': 'text/event-stream' } });
}

const base = { id: 'req-1', model_id: indicator.served_model, provider: 'together_ai' };
let chatBodies: { messages: { role: string; content: string }[]; stream: boolean }[] = [];
let withIndicator = true;

const server = setupServer(
  http.get(`${ORIGIN}/api/v1/together/models`, () =>
    HttpResponse.json({ models: [], user_tier: 'free', free_tier_enabled: true }),
  ),
  http.post(`${ORIGIN}/api/v1/together/chat/completions`, async ({ request }) => {
    chatBodies.push((await request.json()) as (typeof chatBodies)[number]);
    const extra = withIndicator ? { model_source_indicator: indicator } : {};
    return sse([
      { ...base, delta: { content: 'Hello' }, key_source: 'system', ...extra },
      { ...base, delta: { content: ' there' } },
      {
        ...base,
        delta: { content: '' },
        finish_reason: 'stop',
        usage: { prompt_tokens: 3, completion_tokens: 2, total_tokens: 5, cost_usd: 0.0000015 },
        key_source: 'system',
        ...extra,
      },
      '[DONE]',
    ]);
  }),
);

beforeAll(() => {
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
  Element.prototype.scrollTo ??= () => undefined;
  if (!('fonts' in document))
    Object.defineProperty(document, 'fonts', {
      value: { addEventListener: () => undefined, removeEventListener: () => undefined },
    });
  server.listen({ onUnhandledRequest: 'error' });
});
afterEach(() => {
  cleanup();
  server.resetHandlers();
  chatBodies = [];
  withIndicator = true;
});
afterAll(() => server.close());

function renderPanel(): void {
  const queryClient = new QueryClient({ defaultOptions: { queries: { retry: false } } });
  const wrapper = ({ children }: { children: ReactNode }) => (
    <MantineProvider>
      <QueryClientProvider client={queryClient}>{children}</QueryClientProvider>
    </MantineProvider>
  );
  render(<ChatPanel />, { wrapper });
}

describe('ChatPanel', { timeout: 15_000 }, () => {
  it('sends on Enter (Shift+Enter adds a line), streams the answer and shows where it came from', async () => {
    const user = userEvent.setup({ delay: null });
    renderPanel();
    const input = screen.getByRole('textbox', { name: 'Message' });
    await user.type(input, 'First line{Shift>}{Enter}{/Shift}second line');
    expect(chatBodies).toHaveLength(0);
    await user.keyboard('{Enter}');

    const answer = await screen.findByRole('article', { name: "Assistant's answer" });
    await waitFor(() => expect(answer).toHaveAttribute('data-status', 'done'));
    expect(within(answer).getByTestId('answer-text')).toHaveTextContent('Hello there');
    expect(chatBodies[0]).toMatchObject({
      stream: true,
      messages: [{ role: 'user', content: 'First line\nsecond line' }],
    });
    const badges = within(answer)
      .getAllByText((_, element) => element?.hasAttribute('data-indicator') ?? false)
      .map((badge) => badge.getAttribute('data-indicator'));
    expect(badges).toEqual(['provider', 'free_tier', 'fallback']);
    expect(
      within(answer).getByText(/Model: Qwen\/Qwen2\.5-7B-Instruct-Turbo · 5 tokens · cost \$0\.0000015/),
    ).toBeVisible();
    expect(input).toHaveValue('');

    // The next message carries the conversation so far.
    await user.type(input, 'And then?{Enter}');
    await waitFor(() => expect(chatBodies).toHaveLength(2));
    expect(chatBodies[1].messages).toEqual([
      { role: 'user', content: 'First line\nsecond line' },
      { role: 'assistant', content: 'Hello there' },
      { role: 'user', content: 'And then?' },
    ]);
  });

  it('asks for a JSON answer when "Answer in JSON" is on, and only then', async () => {
    const user = userEvent.setup({ delay: null });
    renderPanel();
    const input = screen.getByRole('textbox', { name: 'Message' });
    await user.type(input, 'Plain{Enter}');
    await waitFor(() => expect(chatBodies).toHaveLength(1));
    expect(chatBodies[0]).not.toHaveProperty('response_format');
    await waitFor(() => expect(screen.getByRole('switch', { name: /Answer in JSON/ })).toBeEnabled());
    await user.click(screen.getByRole('switch', { name: /Answer in JSON/ }));
    await user.type(input, 'As JSON{Enter}');
    await waitFor(() => expect(chatBodies).toHaveLength(2));
    expect(chatBodies[1]).toMatchObject({ response_format: { type: 'json_object' } });
  });

  it('shows no indicator when the answer carries none (the flag is off)', async () => {
    withIndicator = false;
    const user = userEvent.setup({ delay: null });
    renderPanel();
    await user.type(screen.getByRole('textbox', { name: 'Message' }), 'Hi{Enter}');
    const answer = await screen.findByRole('article', { name: "Assistant's answer" });
    await waitFor(() => expect(answer).toHaveAttribute('data-status', 'done'));
    expect(within(answer).getByTestId('answer-text')).toHaveTextContent('Hello there');
    expect(within(answer).queryByRole('group', { name: 'Where this answer came from' })).toBeNull();
    expect(answer).not.toHaveTextContent(/Together AI|Free Tier|Fallback|Model:/);
  });

  it('says a refusal in words in the conversation (a 403 before the stream)', async () => {
    server.use(
      http.post(`${ORIGIN}/api/v1/together/chat/completions`, () =>
        HttpResponse.json(
          {
            error: {
              message: 'Free-tier access is switched off',
              type: 'permission_error',
              code: 'free_tier_disabled',
              param: null,
            },
            request_id: 'req-403',
          },
          { status: 403 },
        ),
      ),
    );
    const user = userEvent.setup({ delay: null });
    renderPanel();
    await user.type(screen.getByRole('textbox', { name: 'Message' }), 'Hi{Enter}');
    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent('The free tier is switched off');
    expect(alert).toHaveTextContent('Free-tier access is switched off');
    expect(alert).toHaveTextContent('Request id: req-403');
    expect(screen.getByRole('article', { name: "Assistant's answer" })).toHaveAttribute(
      'data-status',
      'error',
    );
  });
});
