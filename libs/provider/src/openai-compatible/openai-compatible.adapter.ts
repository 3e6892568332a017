import type { UpstreamTimeouts } from '@tiergate/config';
import { UpstreamHttpClient } from '../http/upstream-http.client';
import { TogetherAdapter } from '../together/together.adapter';

/**
 * A generic OpenAI-compatible provider that admins add with a base URL and a key (a second
 * Together account, a self-hosted vLLM, another vendor): the same dialect as Together's, under
 * its own id and name, with its own connection pool.
 */
export class OpenAiCompatibleAdapter extends TogetherAdapter {
  constructor(
    override readonly id: string,
    override readonly displayName: string,
    readonly baseUrl: string,
    private readonly client: UpstreamHttpClient,
  ) {
    super(client);
  }

  static create(
    id: string,
    displayName: string,
    baseUrl: string,
    timeouts: UpstreamTimeouts,
    maxConnections: number,
  ): OpenAiCompatibleAdapter {
    const url = baseUrl.replace(/\/+$/, '');
    return new OpenAiCompatibleAdapter(
      id,
      displayName,
      url,
      new UpstreamHttpClient(url, timeouts, maxConnections),
    );
  }

  close(): Promise<void> {
    return this.client.close();
  }
}
