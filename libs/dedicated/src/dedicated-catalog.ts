import { Inject, Injectable, OnModuleInit } from '@nestjs/common';
import { CatalogService, type CatalogEntry } from '@tiergate/catalog';
import { DedicatedRepository } from './dedicated.repository';
import { DEDICATED_SETTINGS, type DedicatedSettings } from './dedicated.settings';

/**
 * Puts the platform's dedicated endpoints (by name, whatever their state: a stopped one answers
 * 503 rather than "no such model") and completed uploads in the model catalog, so they can be put
 * in a tier's routes and allow-list like any model. Each borrows its base model's modalities and
 * context window; an endpoint is billed by the hour, so its tokens are priced at zero; an adapter
 * is priced as its base model.
 */
@Injectable()
export class DedicatedCatalog implements OnModuleInit {
  private cached?: { at: number; entries: Promise<LocalModel[]> };

  constructor(
    private readonly repository: DedicatedRepository,
    private readonly catalog: CatalogService,
    @Inject(DEDICATED_SETTINGS) private readonly settings: DedicatedSettings,
  ) {}

  onModuleInit(): void {
    this.catalog.addSource((upstream) => this.entries(upstream));
  }

  /** Forgets the cached view (after a change made in this process). */
  invalidate(): void {
    this.cached = undefined;
  }

  private async entries(upstream: CatalogEntry[]): Promise<CatalogEntry[]> {
    if (!this.cached || Date.now() - this.cached.at > this.settings.catalogCacheMs) {
      const entries = this.read();
      this.cached = { at: Date.now(), entries };
      entries.catch(() => (this.cached = undefined));
    }
    const byId = new Map(upstream.map((entry) => [entry.id, entry]));
    return (await this.cached.entries).map(({ base, pricedAsBase, ...entry }) => {
      const of = base ? byId.get(base) : undefined;
      return {
        ...entry,
        modality: of?.modality ?? 'chat',
        modalities: of?.modalities ?? ['text', 'chat'],
        contextLength: of?.contextLength ?? null,
        pricing: pricedAsBase && of ? of.pricing : ZERO,
      };
    });
  }

  private async read(): Promise<LocalModel[]> {
    const [endpoints, uploads] = await Promise.all([
      this.repository.listEndpoints(),
      this.repository.completedUploads(),
    ]);
    return [
      ...endpoints.map((endpoint) => ({
        id: endpoint.name,
        name: endpoint.displayName ?? endpoint.name,
        organization: 'Dedicated endpoint',
        base: endpoint.model,
        pricedAsBase: false,
      })),
      ...uploads.map((upload) => ({
        id: upload.modelName,
        name: upload.description ?? upload.modelName,
        organization: 'Uploaded model',
        base: upload.baseModel,
        // An adapter is served (and priced) as its base model.
        pricedAsBase: upload.modelType === 'adapter',
      })),
    ];
  }
}

const ZERO = { inputPerMillion: 0, outputPerMillion: 0 };

/** A model of ours, before its base model's catalog entry fills in the rest. */
interface LocalModel {
  id: string;
  name: string;
  organization: string;
  base: string | null;
  pricedAsBase: boolean;
}
