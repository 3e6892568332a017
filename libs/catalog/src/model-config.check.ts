import { Injectable, Logger, OnApplicationBootstrap } from '@nestjs/common';
import type { AuditActor } from '@tiergate/audit';
import { DomainError, ErrorCode } from '@tiergate/common';
import {
  checkModelConfigPatch,
  ModelConfigService,
  type ModelConfigDocument,
  type ModelConfigPatch,
  type ModelRef,
} from '@tiergate/model-selector';
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

  /**
   * Applies a configuration change after checking that every model it names on the primary
   * provider (in routes, allow-lists and models' own fallbacks) is in that provider's catalog (the first one missing is a 400 naming its field),
   * unless `force` (a model the catalog does not list yet). Models on other providers cannot be
   * checked and are taken as given.
   */
  async update(
    actor: AuditActor,
    patch: ModelConfigPatch,
    options: { force: boolean },
  ): Promise<ModelConfigDocument> {
    // Shape first (ids, providers, purposes), so a malformed field is named before a missing model;
    // checked once, here: the service applies only a checked patch.
    const checked = checkModelConfigPatch(
      patch,
      this.providers.all().map((provider) => provider.id),
    );
    if (!options.force) await this.refuseUnknownModels(checked);
    return this.config.update(actor, checked);
  }

  private async refuseUnknownModels(patch: ModelConfigPatch): Promise<void> {
    const named = this.modelsNamed(patch);
    if (!named.length) return;
    let known: Set<string>;
    try {
      known = new Set((await this.catalog.models()).map((model) => model.id));
    } catch {
      throw new DomainError(
        ErrorCode.UpstreamUnavailable,
        'The provider\'s model catalog could not be read to check the models; try again, or send "force": true to save without checking',
      );
    }
    const missing = named.find(({ model }) => !known.has(model));
    if (missing)
      throw new DomainError(
        ErrorCode.ModelNotInCatalog,
        `${missing.param}: model ${missing.model} is not in the provider's catalog; send "force": true to save it anyway`,
        { param: missing.param },
      );
  }

  /** Each model on the primary provider that a change names, with the field that names it. */
  private modelsNamed(patch: ModelConfigPatch): Array<{ model: string; param: string }> {
    const primary = this.providers.primary.id;
    const named: Array<{ model: string; param: string }> = [];
    const add = (ref: string | ModelRef | undefined, param: string) => {
      if (ref === undefined) return;
      const { model, provider } = typeof ref === 'string' ? { model: ref, provider: undefined } : ref;
      if ((provider ?? primary) === primary) named.push({ model, param });
    };
    const addRoute = (
      route: { primary?: string | ModelRef; fallbacks?: Array<string | ModelRef> },
      path: string,
    ) => {
      add(route.primary, `${path}.primary`);
      route.fallbacks?.forEach((ref, i) => add(ref, `${path}.fallbacks[${i}]`));
    };
    for (const [tier, change] of Object.entries(patch.tiers ?? {})) {
      for (const [modality, route] of Object.entries(change?.routes ?? {})) {
        if (!route) continue;
        const path = `tiers.${tier}.routes.${modality}`;
        addRoute(route, path);
        for (const [purpose, sub] of Object.entries(route.purposes ?? {}))
          addRoute(sub, `${path}.purposes.${purpose}`);
      }
      change?.allowed_models?.forEach((model, i) => add(model, `tiers.${tier}.allowed_models[${i}]`));
    }
    for (const [model, settings] of Object.entries(patch.models ?? {}))
      settings.fallbacks?.forEach((ref, i) => add(ref, `models.${model}.fallbacks[${i}]`));
    return named;
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
    const check = (ref: string | ModelRef, where: string) => {
      const { model, provider } = typeof ref === 'string' ? { model: ref, provider: primary } : ref;
      if ((provider ?? primary) !== primary || known.has(model)) return;
      missing.set(model, [...(missing.get(model) ?? []), where]);
    };
    for (const [tier, models] of Object.entries(document.tiers)) {
      for (const [modality, route] of Object.entries(models.routes)) {
        for (const sub of [route, ...Object.values(route.purposes ?? {})])
          for (const ref of [sub.primary, ...sub.fallbacks]) check(ref, `${tier}.${modality}`);
      }
    }
    for (const [model, settings] of Object.entries(document.models))
      for (const ref of settings.fallbacks ?? []) check(ref, `models.${model}.fallbacks`);
    return [...missing].map(
      ([model, where]) =>
        `Model ${model} (${[...new Set(where)].join(', ')}) is not in the provider's catalog`,
    );
  }
}
