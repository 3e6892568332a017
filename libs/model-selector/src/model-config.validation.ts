import { DomainError, ErrorCode, MODALITIES, TIERS, isModality } from '@tiergate/common';
import type {
  ModelConfigDocument,
  ModelRef,
  ModalityRoute,
  ModelSettings,
  TierModels,
} from './model-config.types';

export type ModelConfigPatch = {
  tiers?: Partial<Record<string, Partial<TierModels>>>;
  models?: Record<string, ModelSettings>;
};

const MODEL_ID = /^[^\s]{1,200}$/;
const PURPOSE = /^[a-z][a-z_]{0,31}$/;
const MAX_FALLBACKS = 10;

function invalid(param: string, message: string): never {
  throw new DomainError(ErrorCode.ValidationFailed, `${param} ${message}`, { param });
}

function object(value: unknown, path: string): Record<string, unknown> {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) invalid(path, 'must be an object');
  return value as Record<string, unknown>;
}

function onlyKeys(value: Record<string, unknown>, path: string, allowed: string[]): void {
  const extra = Object.keys(value).find((key) => !allowed.includes(key));
  if (extra)
    invalid(path ? `${path}.${extra}` : extra, `is not a recognised field (expected ${allowed.join(', ')})`);
}

function modelRef(value: unknown, path: string, providers: readonly string[]): string | ModelRef {
  if (typeof value === 'string') {
    if (!MODEL_ID.test(value)) invalid(path, 'must be a model id (no spaces, at most 200 characters)');
    return value;
  }
  const ref = object(value, path);
  onlyKeys(ref, path, ['model', 'provider']);
  if (typeof ref.model !== 'string' || !MODEL_ID.test(ref.model))
    invalid(`${path}.model`, 'must be a model id');
  if (ref.provider !== undefined && !providers.includes(ref.provider as string))
    invalid(`${path}.provider`, `must be one of ${providers.join(', ')}`);
  return ref.provider === undefined ? ref.model : { model: ref.model, provider: ref.provider as string };
}

function route(
  value: unknown,
  path: string,
  providers: readonly string[],
  withPurposes: boolean,
): ModalityRoute {
  const raw = object(value, path);
  onlyKeys(raw, path, withPurposes ? ['primary', 'fallbacks', 'purposes'] : ['primary', 'fallbacks']);
  if (raw.primary === undefined) invalid(`${path}.primary`, 'is required');
  const fallbacks = raw.fallbacks ?? [];
  if (!Array.isArray(fallbacks)) invalid(`${path}.fallbacks`, 'must be an array of model ids');
  if (fallbacks.length > MAX_FALLBACKS)
    invalid(`${path}.fallbacks`, `must have at most ${MAX_FALLBACKS} models`);
  const parsed: ModalityRoute = {
    primary: modelRef(raw.primary, `${path}.primary`, providers),
    fallbacks: fallbacks.map((entry, i) => modelRef(entry, `${path}.fallbacks[${i}]`, providers)),
  };
  if (raw.purposes !== undefined) {
    const purposes = object(raw.purposes, `${path}.purposes`);
    parsed.purposes = {};
    for (const [purpose, value] of Object.entries(purposes)) {
      if (!PURPOSE.test(purpose)) invalid(`${path}.purposes.${purpose}`, 'must be a lowercase word');
      parsed.purposes[purpose] = route(value, `${path}.purposes.${purpose}`, providers, false);
    }
  }
  return parsed;
}

/** Validates a (partial) model configuration from the admin API, naming the first bad field. */
export function parseModelConfigPatch(body: unknown, providers: readonly string[]): ModelConfigPatch {
  const root = object(body, 'body');
  onlyKeys(root, '', ['tiers', 'models']);
  const patch: ModelConfigPatch = {};
  if (root.tiers !== undefined) {
    patch.tiers = {};
    for (const [tier, value] of Object.entries(object(root.tiers, 'tiers'))) {
      const path = `tiers.${tier}`;
      if (!(TIERS as readonly string[]).includes(tier))
        invalid(path, `is not a tier (expected ${TIERS.join(', ')})`);
      const raw = object(value, path);
      onlyKeys(raw, path, ['routes', 'allowed_models']);
      const parsed: Partial<TierModels> = {};
      if (raw.routes !== undefined) {
        parsed.routes = {};
        for (const [modality, routeValue] of Object.entries(object(raw.routes, `${path}.routes`))) {
          if (!isModality(modality))
            invalid(`${path}.routes.${modality}`, `is not a modality (expected ${MODALITIES.join(', ')})`);
          parsed.routes[modality] = route(routeValue, `${path}.routes.${modality}`, providers, true);
        }
      }
      if (raw.allowed_models !== undefined) {
        if (!Array.isArray(raw.allowed_models))
          invalid(`${path}.allowed_models`, 'must be an array of model ids');
        parsed.allowed_models = raw.allowed_models.map((model, i) => {
          if (typeof model !== 'string' || !MODEL_ID.test(model))
            invalid(`${path}.allowed_models[${i}]`, 'must be a model id');
          return model;
        });
      }
      patch.tiers[tier] = parsed;
    }
  }
  if (root.models !== undefined) {
    patch.models = {};
    for (const [model, value] of Object.entries(object(root.models, 'models'))) {
      const path = `models.${model}`;
      const raw = object(value, path);
      onlyKeys(raw, path, ['supports_continuation']);
      if (raw.supports_continuation !== undefined && typeof raw.supports_continuation !== 'boolean')
        invalid(`${path}.supports_continuation`, 'must be true or false');
      patch.models[model] = { supports_continuation: raw.supports_continuation };
    }
  }
  if (!patch.tiers && !patch.models) invalid('body', 'must change tiers or models');
  return patch;
}

/** The document after a patch: each named tier's routes replace per modality; models merge per id. */
export function applyModelConfigPatch(
  document: ModelConfigDocument,
  patch: ModelConfigPatch,
): ModelConfigDocument {
  const next: ModelConfigDocument = structuredClone(document);
  for (const [tier, change] of Object.entries(patch.tiers ?? {})) {
    const target = (next.tiers[tier as keyof ModelConfigDocument['tiers']] ??= { routes: {} });
    Object.assign(target.routes, change?.routes ?? {});
    if (change?.allowed_models) target.allowed_models = change.allowed_models;
  }
  Object.assign(next.models, patch.models ?? {});
  return next;
}
