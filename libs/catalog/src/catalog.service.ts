import { Injectable, Logger } from '@nestjs/common';
import { UpstreamKeyResolver } from '@tiergate/key-manager';
import { CatalogModel, ProviderRegistry } from '@tiergate/provider';
import { SharedCache } from '@tiergate/redis';
import type { Modality } from '@tiergate/common';

/** A catalog model in Tiergate's normalised form. */
export interface CatalogEntry {
  id: string;
  name: string;
  /** The main use (the specification's `modality`). */
  modality: Modality;
  /** Every use the model serves (a vision model also chats). */
  modalities: Modality[];
  organization: string | null;
  contextLength: number | null;
  /** USD per million tokens. Zero means not priced per token (images, audio) or not serverless. */
  pricing: { inputPerMillion: number; outputPerMillion: number };
}

/**
 * Models the upstream catalog does not list but the platform serves through the same provider
 * (dedicated endpoints, uploaded models), given the upstream's entries to borrow from.
 */
export type CatalogSource = (upstream: CatalogEntry[]) => Promise<CatalogEntry[]>;

interface CachedCatalog {
  fetchedAt: number;
  models: CatalogEntry[];
}

/** The upstream catalog as this process last read it, indexed by model id. */
interface UpstreamCopy {
  at: number;
  models: CatalogEntry[];
  byId: Map<string, CatalogEntry>;
}

const CACHE_KEY = 'catalog:v1';
const LOCAL_COPY_MS = 5_000;
export const CATALOG_FRESH_MS = 30 * 60 * 1000;
/** A stale copy is kept this long, to answer while the upstream is down. */
const CATALOG_KEEP_SECONDS = 7 * 24 * 3600;
/** Vision-capable chat models, by name (Together's catalog has no flag for it). */
const VISION_HINT = /(vision|[-_.]vl\b|-vl-|qwen3\.5|qwen2\.5-vl|minimax-m3|kimi-k3|llama-4|gemma-3)/i;

/** Together's `type` (and the model id, for vision) → our modalities. */
export function modalitiesOf(model: Pick<CatalogModel, 'id' | 'type'>): Modality[] {
  switch (model.type) {
    case 'image':
      return ['image'];
    case 'embedding':
      return ['embedding'];
    case 'audio':
    case 'tts':
      return ['audio_tts'];
    case 'transcribe':
    case 'stt':
      return ['audio_stt'];
    case 'code':
      return ['code', 'chat', 'text'];
    case 'chat':
    case 'language':
      return VISION_HINT.test(model.id) ? ['text', 'chat', 'vision'] : ['text', 'chat'];
    default:
      return [];
  }
}

export function normaliseCatalog(models: CatalogModel[]): CatalogEntry[] {
  return models.flatMap((model) => {
    const modalities = modalitiesOf(model);
    if (modalities.length === 0) return []; // moderation, rerank, ...: not served by Tiergate
    return [
      {
        id: model.id,
        name: model.displayName,
        modality: modalities[0],
        modalities,
        organization: model.organization,
        contextLength: model.contextLength,
        pricing: model.pricing,
      },
    ];
  });
}

/**
 * The upstream catalog, normalised, cached for 30 minutes in the shared cache (Redis; in-process
 * in embedded mode), and served stale when the upstream cannot be reached. Concurrent refreshes
 * in one process share one upstream call.
 */
@Injectable()
export class CatalogService {
  private readonly logger = new Logger(CatalogService.name);
  private refreshing?: Promise<CatalogEntry[]>;
  private local?: UpstreamCopy;
  private readonly sources: CatalogSource[] = [];

  constructor(
    private readonly providers: ProviderRegistry,
    private readonly keys: UpstreamKeyResolver,
    private readonly cache: SharedCache,
  ) {}

  async models(modality?: Modality): Promise<CatalogEntry[]> {
    const all = await this.all();
    return modality ? all.filter((m) => m.modalities.includes(modality)) : all;
  }

  /** A model by id (looked up on every request, for its price): the upstream's first, then the sources'. */
  async find(id: string): Promise<CatalogEntry | undefined> {
    const upstream = await this.upstream();
    return upstream.byId.get(id) ?? (await this.fromSources(upstream.models)).find((m) => m.id === id);
  }

  /** Adds models served beyond the upstream catalog (a source keeps its own short cache). */
  addSource(source: CatalogSource): void {
    this.sources.push(source);
  }

  private async all(): Promise<CatalogEntry[]> {
    const { models } = await this.upstream();
    return this.sources.length ? [...models, ...(await this.fromSources(models))] : models;
  }

  private async fromSources(upstream: CatalogEntry[]): Promise<CatalogEntry[]> {
    if (!this.sources.length) return [];
    const extra = await Promise.all(
      this.sources.map((source) =>
        source(upstream).catch((error: Error) => {
          this.logger.warn(`A model source could not be read: ${error.message}`);
          return [];
        }),
      ),
    );
    return extra.flat();
  }

  private async upstream(): Promise<UpstreamCopy> {
    // Pricing is read for every request: the parsed catalog is kept here for a few seconds.
    if (this.local && Date.now() - this.local.at < LOCAL_COPY_MS) return this.local;
    const models = await this.shared();
    const byId = new Map<string, CatalogEntry>();
    for (const model of models) if (!byId.has(model.id)) byId.set(model.id, model);
    this.local = { at: Date.now(), models, byId };
    return this.local;
  }

  private async shared(): Promise<CatalogEntry[]> {
    const cached = await this.readCache();
    if (cached && Date.now() - cached.fetchedAt < CATALOG_FRESH_MS) return cached.models;
    this.refreshing ??= this.refresh().finally(() => (this.refreshing = undefined));
    try {
      return await this.refreshing;
    } catch (error) {
      if (!cached) throw error;
      this.logger.warn(`Serving a stale model catalog: ${(error as Error).message}`);
      return cached.models;
    }
  }

  private async refresh(): Promise<CatalogEntry[]> {
    const provider = this.providers.primary;
    const key = await this.keys.systemKey(provider.id, provider.displayName);
    const models = normaliseCatalog(await provider.listModels({ apiKey: key.apiKey }));
    const entry: CachedCatalog = { fetchedAt: Date.now(), models };
    await this.cache
      .set(CACHE_KEY, JSON.stringify(entry), CATALOG_KEEP_SECONDS)
      .catch((error: Error) => this.logger.warn(`Could not cache the model catalog: ${error.message}`));
    return models;
  }

  private async readCache(): Promise<CachedCatalog | undefined> {
    try {
      const text = await this.cache.get(CACHE_KEY);
      return text ? (JSON.parse(text) as CachedCatalog) : undefined;
    } catch {
      return undefined;
    }
  }
}
