import { Injectable, Logger, OnApplicationBootstrap } from '@nestjs/common';
import { ModelConfigService, type ModelConfigDocument } from '@tiergate/model-selector';
import { ProviderRegistry } from '@tiergate/provider';
import { CatalogService } from './catalog.service';

/** Finds configured models that the primary provider's catalog does not list. */
@Injectable()
export class ModelConfigCheck implements OnApplicationBootstrap {
  private readonly logger = new Logger(ModelConfigCheck.name);

  constructor(
    private readonly config: ModelConfigService,
    private readonly catalog: CatalogService,
    private readonly providers: ProviderRegistry,
  ) {}

  /** At start-up, in the background: a warning per missing model (the catalog may be slow to answer). */
  onApplicationBootstrap(): void {
    void this.missingModels(this.config.document).then((warnings) => {
      for (const warning of warnings) this.logger.warn(warning);
    });
  }

  async missingModels(document: ModelConfigDocument): Promise<string[]> {
    let known: Set<string>;
    try {
      known = new Set((await this.catalog.models()).map((model) => model.id));
    } catch {
      return ['The model catalog could not be read, so the configured models were not checked'];
    }
    const primary = this.providers.primary.id;
    const missing = new Map<string, string[]>();
    for (const [tier, models] of Object.entries(document.tiers)) {
      for (const [modality, route] of Object.entries(models.routes)) {
        for (const sub of [route, ...Object.values(route.purposes ?? {})]) {
          for (const ref of [sub.primary, ...sub.fallbacks]) {
            const { model, provider } = typeof ref === 'string' ? { model: ref, provider: primary } : ref;
            if ((provider ?? primary) !== primary || known.has(model)) continue;
            missing.set(model, [...(missing.get(model) ?? []), `${tier}.${modality}`]);
          }
        }
      }
    }
    return [...missing].map(
      ([model, where]) =>
        `Model ${model} (${[...new Set(where)].join(', ')}) is not in the provider's catalog`,
    );
  }
}
