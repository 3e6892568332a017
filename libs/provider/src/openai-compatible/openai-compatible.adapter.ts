import type { UpstreamTimeouts } from '@tiergate/config';
import { UpstreamHttpClient } from '../http/upstream-http.client';
import { TogetherAdapter } from '../together/together.adapter';

/**
 * A generic OpenAI-compatible provider that admins add with a base URL and a key (a second
 * Together account, a self-hosted vLLM, another vendor): Together's dialect under its own id and
 * name, on its own connection pool, which the adapter owns and closes in close().
 */
export function openAiCompatibleProvider(
  id: string,
  displayName: string,
  baseUrl: string,
  timeouts: UpstreamTimeouts,
  maxConnections: number,
): TogetherAdapter {
  const http = new UpstreamHttpClient(baseUrl, timeouts, maxConnections);
  return new TogetherAdapter(http, { identity: { id, displayName }, ownsHttp: true });
}
