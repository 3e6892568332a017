import { Injectable } from '@nestjs/common';
import { NotFoundError, type Modality, type Tier } from '@tiergate/common';
import { ModelSelector } from '@tiergate/model-selector';
import { ProviderRegistry } from '@tiergate/provider';
import { CatalogService, type CatalogEntry } from './catalog.service';

export interface TierModel extends CatalogEntry {
  /** The tier's routes try it first, or it serves as a fallback (or is allow-listed). */
  isPrimary: boolean;
  providerId: string;
  providerName: string;
}

/** The catalog (the primary provider's) as one tier sees it: only the models that tier may use. */
@Injectable()
export class TierModels {
  constructor(
    private readonly catalog: CatalogService,
    private readonly selector: ModelSelector,
    private readonly providers: ProviderRegistry,
  ) {}

  async available(tier: Tier, modality?: Modality): Promise<TierModel[]> {
    const allowed = this.selector.allowedModels(tier);
    const primary = this.selector.primaryModels(tier);
    return (await this.catalog.models(modality))
      .filter((model) => allowed.has(model.id))
      .map((model) => ({
        ...model,
        isPrimary: primary.has(model.id),
        providerId: this.providers.primary.id,
        providerName: this.providers.primary.displayName,
      }));
  }

  /** One model the tier may use; a 404 naming `id` for a model that is unknown or not the tier's. */
  async find(tier: Tier, id: string): Promise<TierModel> {
    const model = (await this.available(tier)).find((candidate) => candidate.id === id);
    if (!model) throw new NotFoundError(`Model ${id.slice(0, 200)}`, 'id');
    return model;
  }
}
