import { Inject, Injectable, Module, OnApplicationShutdown } from '@nestjs/common';
import { ApiConfig } from '@tiergate/config';
import { UpstreamHttpClient } from './http/upstream-http.client';
import { LLM_PROVIDERS } from './llm-provider';
import { ProviderRegistry } from './provider.registry';
import { TogetherAdapter } from './together/together.adapter';
import { TogetherBatchClient } from './together/together-batch.client';
import { TogetherEndpointsClient } from './together/together-endpoints.client';

const TOGETHER_HTTP = Symbol('TOGETHER_HTTP');

@Injectable()
class UpstreamClientsLifecycle implements OnApplicationShutdown {
  constructor(@Inject(TOGETHER_HTTP) private readonly together: UpstreamHttpClient) {}

  async onApplicationShutdown(): Promise<void> {
    await this.together.close();
  }
}

/** Upstream vendors behind LlmProvider, with one pooled HTTP client each. */
@Module({
  providers: [
    {
      provide: TOGETHER_HTTP,
      inject: [ApiConfig],
      useFactory: (config: ApiConfig) =>
        new UpstreamHttpClient(
          config.upstream.baseUrl,
          config.upstream.timeouts,
          config.upstream.maxConnections,
        ),
    },
    {
      provide: LLM_PROVIDERS,
      inject: [TOGETHER_HTTP],
      useFactory: (http: UpstreamHttpClient) => [new TogetherAdapter(http)],
    },
    ProviderRegistry,
    UpstreamClientsLifecycle,
    {
      provide: TogetherBatchClient,
      inject: [TOGETHER_HTTP],
      useFactory: (http: UpstreamHttpClient) => new TogetherBatchClient(http),
    },
    {
      provide: TogetherEndpointsClient,
      inject: [TOGETHER_HTTP],
      useFactory: (http: UpstreamHttpClient) => new TogetherEndpointsClient(http),
    },
  ],
  exports: [ProviderRegistry, TogetherBatchClient, TogetherEndpointsClient],
})
export class ProviderModule {}
