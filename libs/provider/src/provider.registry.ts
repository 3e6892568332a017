import { Inject, Injectable } from '@nestjs/common';
import { LLM_PROVIDERS, LlmProvider } from './llm-provider';

/**
 * Every provider, by id. The first configured one is the primary (Together); admins may add
 * OpenAI-compatible providers at run time (register / unregister), used as fallbacks.
 */
@Injectable()
export class ProviderRegistry {
  private readonly byId: Map<string, LlmProvider>;

  constructor(@Inject(LLM_PROVIDERS) private readonly configured: LlmProvider[]) {
    this.byId = new Map(configured.map((p) => [p.id, p]));
  }

  get primary(): LlmProvider {
    return this.configured[0];
  }

  get(id: string): LlmProvider | undefined {
    return this.byId.get(id);
  }

  all(): readonly LlmProvider[] {
    return [...this.byId.values()];
  }

  /** Whether the provider comes from configuration (and cannot be removed at run time). */
  isConfigured(id: string): boolean {
    return this.configured.some((provider) => provider.id === id);
  }

  register(provider: LlmProvider): void {
    if (this.isConfigured(provider.id)) throw new Error(`${provider.id} is a configured provider`);
    this.byId.set(provider.id, provider);
  }

  unregister(id: string): LlmProvider | undefined {
    const provider = this.byId.get(id);
    if (!provider || this.isConfigured(id)) return undefined;
    this.byId.delete(id);
    return provider;
  }
}
