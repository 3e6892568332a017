import { Injectable } from '@nestjs/common';
import {
  DomainError,
  ErrorCode,
  MODALITIES,
  type Modality,
  type ModelCandidate,
  type Tier,
} from '@tiergate/common';
import { ApiConfig } from '@tiergate/config';
import { ProviderRegistry } from '@tiergate/provider';
import { ModelConfigService } from './model-config.service';
import type { ModelRef, ModelRoute } from './model-config.types';
import { onProvider, resolveRequestedProvider, type RequestedProvider } from './provider-choice';

export interface Selection {
  /** The models to try, in order: the first is the primary, the rest are fallbacks. */
  chain: ModelCandidate[];
  /** The caller named the first model. */
  requested: boolean;
  /** Where the chain comes from in the configuration, in words (for errors that point an admin at it). */
  source: string;
}

/**
 * The configuration cannot serve the request (its route names no model, or none of its models
 * is served by the provider): a 503 for the platform to fix, not a 400 blaming the caller.
 */
export class RouteMisconfiguredError extends DomainError {
  constructor(source: string, problem: string) {
    super(
      ErrorCode.RouteMisconfigured,
      `This request cannot be served because of the model configuration: ${source} ${problem}. ` +
        'An administrator must fix it (PUT /api/v1/admin/model-config); your request itself is fine',
    );
  }
}

export class ModelNotAllowedError extends DomainError {
  constructor(tier: Tier, model: string) {
    super(
      ErrorCode.ModelNotAllowed,
      `The ${tier} tier may not use ${model}; GET /api/v1/together/models lists the models your tier can use`,
      { param: 'model' },
    );
  }
}

/**
 * Chooses the models for a request: the tier's route for the modality (or the purpose's override),
 * or a model the caller named when the tier may use it, followed by the route's fallbacks. Every
 * model in a chain is one the tier may use, so a fallback never moves a caller above their tier.
 */
@Injectable()
export class ModelSelector {
  constructor(
    private readonly config: ModelConfigService,
    private readonly providers: ProviderRegistry,
    private readonly apiConfig: ApiConfig,
  ) {}

  select(input: {
    tier: Tier;
    modality: Modality;
    purpose?: string;
    model?: string;
    /** Only this provider's models (`x-provider`, `provider`): one the tier may use. */
    provider?: RequestedProvider;
  }): Selection {
    if (!input.provider) return this.selectModels(input);
    const { provider } = input;
    const known = this.providers.all().map((p) => p.id);
    const providerId = resolveRequestedProvider(
      provider,
      input.tier,
      known,
      this.allowedProviders(input.tier),
    );
    return onProvider(this.selectModels(input), providerId, { ...input, param: provider.param });
  }

  /** The providers a tier may use: those its routes and allow-list name (the primary for its defaults). */
  allowedProviders(tier: Tier): Set<string> {
    const tierModels = this.config.document.tiers[tier];
    const providers = new Set<string>();
    const routes = Object.values(tierModels?.routes ?? {});
    for (const route of routes)
      for (const sub of [route, ...Object.values(route.purposes ?? {})])
        for (const ref of [sub.primary, ...sub.fallbacks]) providers.add(this.candidate(ref).providerId);
    // Allow-listed models and modalities without a route go to the primary provider.
    if (tierModels?.allowed_models?.length || routes.length < MODALITIES.length)
      providers.add(this.providers.primary.id);
    return new Set([...providers].filter((id) => this.providers.get(id)));
  }

  private selectModels(input: {
    tier: Tier;
    modality: Modality;
    purpose?: string;
    model?: string;
  }): Selection {
    const { route, source } = this.route(input.tier, input.modality, input.purpose);
    const chain = [route.primary, ...route.fallbacks].map((ref) => this.candidate(ref));
    if (!input.model) return { chain: unique(chain), requested: false, source };
    const allowed = this.allowedModels(input.tier);
    if (!allowed.has(input.model)) throw new ModelNotAllowedError(input.tier, input.model);
    const named = chain.find((c) => c.model === input.model) ?? {
      providerId: this.providers.primary.id,
      model: input.model,
    };
    // The model's own fallbacks take precedence over the route's; never above the caller's tier.
    const own = this.config.document.models[input.model]?.fallbacks;
    const fallbacks = own
      ? own.map((ref) => this.candidate(ref)).filter((c) => allowed.has(c.model))
      : chain.filter((c) => c !== named);
    return {
      chain: unique([named, ...fallbacks]),
      requested: true,
      source: own
        ? `the ${input.tier} tier's model ${input.model} with its own fallbacks (models.${input.model}.fallbacks)`
        : `the ${input.tier} tier's model ${input.model} with the fallbacks of ${source}`,
    };
  }

  /** Every model the tier may name: its routes' models, their fallbacks, and its allow-list. */
  allowedModels(tier: Tier): Set<string> {
    const models = new Set<string>();
    const tierModels = this.config.document.tiers[tier];
    for (const route of Object.values(tierModels?.routes ?? {})) {
      for (const sub of [route, ...Object.values(route.purposes ?? {})])
        for (const ref of [sub.primary, ...sub.fallbacks]) models.add(this.candidate(ref).model);
    }
    for (const model of tierModels?.allowed_models ?? []) models.add(model);
    return models;
  }

  /** The models the tier's routes try first (the rest it may use are fallbacks or allow-listed). */
  primaryModels(tier: Tier): Set<string> {
    const models = new Set<string>();
    for (const route of Object.values(this.config.document.tiers[tier]?.routes ?? {}))
      for (const sub of [route, ...Object.values(route.purposes ?? {})])
        models.add(this.candidate(sub.primary).model);
    return models;
  }

  supportsContinuation(model: string): boolean {
    return this.config.document.models[model]?.supports_continuation === true;
  }

  private route(tier: Tier, modality: Modality, purpose?: string): { route: ModelRoute; source: string } {
    const route = this.config.document.tiers[tier]?.routes[modality];
    const path = `tiers.${tier}.routes.${modality}`;
    if (!route)
      return {
        route: { primary: this.platformDefault(modality), fallbacks: [] },
        source: `the platform's default ${modality} model (${tier} tier: no ${modality} route)`,
      };
    const sub = purpose ? route.purposes?.[purpose] : undefined;
    const chosen = sub ?? route;
    const source = sub
      ? `the ${tier} tier's ${modality} route for purpose "${purpose}" (${path}.purposes.${purpose})`
      : `the ${tier} tier's ${modality} route (${path})`;
    if (!chosen.primary || !this.candidate(chosen.primary).model)
      throw new RouteMisconfiguredError(source, 'names no model');
    return { route: { primary: chosen.primary, fallbacks: chosen.fallbacks ?? [] }, source };
  }

  private candidate(ref: string | ModelRef): ModelCandidate {
    return typeof ref === 'string'
      ? { providerId: this.providers.primary.id, model: ref }
      : { providerId: ref.provider ?? this.providers.primary.id, model: ref.model };
  }

  /** DEFAULT_*_MODEL, for a tier and modality the configuration leaves out. */
  private platformDefault(modality: Modality): string {
    const models = this.apiConfig.models;
    const byModality: Record<Modality, string> = {
      chat: models.chat,
      text: models.text,
      code: models.code,
      vision: models.vision,
      image: models.image,
      audio_tts: models.tts,
      audio_stt: models.stt,
      embedding: models.embedding,
    };
    return byModality[modality];
  }
}

function unique(chain: ModelCandidate[]): ModelCandidate[] {
  const seen = new Set<string>();
  return chain.filter((c) => {
    const key = `${c.providerId}\n${c.model}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}
