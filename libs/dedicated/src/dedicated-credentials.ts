import { Injectable } from '@nestjs/common';
import { UpstreamKeyResolver } from '@tiergate/key-manager';
import { ProviderRegistry } from '@tiergate/provider';

/**
 * The key for endpoint and upload calls: a system key of the primary provider. Endpoints and
 * uploads belong to the platform's Together organisation, which all its system keys share.
 */
@Injectable()
export class DedicatedCredentials {
  constructor(
    private readonly resolver: UpstreamKeyResolver,
    private readonly providers: ProviderRegistry,
  ) {}

  get providerId(): string {
    return this.providers.primary.id;
  }

  async apiKey(): Promise<string> {
    const provider = this.providers.primary;
    return (await this.resolver.systemKey(provider.id, provider.displayName)).apiKey;
  }
}
