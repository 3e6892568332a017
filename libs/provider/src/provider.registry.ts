import { Inject, Injectable } from '@nestjs/common';
import { LLM_PROVIDERS, LlmProvider } from './llm-provider';

/** Every configured provider, by id. The first one is the primary (Together). */
@Injectable()
export class ProviderRegistry {
  private readonly byId: Map<string, LlmProvider>;

  constructor(@Inject(LLM_PROVIDERS) private readonly providers: LlmProvider[]) {
    this.byId = new Map(providers.map((p) => [p.id, p]));
  }

  get primary(): LlmProvider {
    return this.providers[0];
  }

  get(id: string): LlmProvider | undefined {
    return this.byId.get(id);
  }

  all(): readonly LlmProvider[] {
    return this.providers;
  }
}
