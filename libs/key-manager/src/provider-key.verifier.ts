import { Injectable } from '@nestjs/common';
import { DomainError, ErrorCode } from '@tiergate/common';
import { LlmProvider, ProviderError, ProviderRegistry } from '@tiergate/provider';

export class ProviderKeyRejectedError extends DomainError {
  constructor(providerName: string, status?: number) {
    super(
      ErrorCode.ProviderKeyRejected,
      `${providerName} rejected this key${status ? ` (HTTP ${status})` : ''}: check that it was copied whole ` +
        'and is active in your account. Nothing was saved.',
      { param: 'key' },
    );
  }
}

/** Checks a key against its provider (`GET /v1/models` with it) before Tiergate will use it. */
@Injectable()
export class ProviderKeyVerifier {
  constructor(private readonly providers: ProviderRegistry) {}

  /** The known provider ids, for validation messages. */
  get providerIds(): string[] {
    return this.providers.all().map((provider) => provider.id);
  }

  /** The provider's id for what a client sent (`together` is accepted for `together_ai`). */
  resolveProviderId(name: string): string {
    const id = [name, `${name}_ai`].find((candidate) => this.providers.get(candidate));
    if (!id)
      throw new DomainError(
        ErrorCode.ValidationFailed,
        `provider must be one of: ${this.providerIds.join(', ')}`,
        { param: 'provider' },
      );
    return id;
  }

  async verify(providerId: string, apiKey: string, requestId: string): Promise<void> {
    await this.verifyWith(this.providers.get(this.resolveProviderId(providerId))!, apiKey, requestId);
  }

  /** Verifies a key with a provider that need not be registered yet (an admin adding one). */
  async verifyWith(
    provider: LlmProvider,
    apiKey: string,
    requestId: string,
    unreachable: { param?: string } = {},
  ): Promise<void> {
    try {
      await provider.listModels({ apiKey, requestId });
    } catch (error) {
      if (!(error instanceof ProviderError)) throw error;
      if (error.code === ErrorCode.UpstreamAuthFailed)
        throw new ProviderKeyRejectedError(provider.displayName, error.upstreamStatus);
      throw new DomainError(
        ErrorCode.UpstreamUnavailable,
        `Could not verify the key now: ${provider.displayName} did not answer properly (${error.message}). ` +
          'Nothing was saved; try again.',
        { cause: error, param: unreachable.param },
      );
    }
  }
}
