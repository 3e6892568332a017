import { DomainError, ErrorCode, type Tier } from '@tiergate/common';
import type {
  ModelConfigDocument,
  ModelRef,
  ModalityRoute,
  ModelRoute,
  ModelSettings,
  TierModels,
} from './model-config.types';

/** A partial configuration: each named tier's routes replace per modality; models merge per id. */
export type ModelConfigPatch = {
  tiers?: Partial<Record<Tier, Partial<TierModels>>>;
  models?: Record<string, ModelSettings>;
};

const MODEL_ID = /^[^\s]{1,200}$/;
const PURPOSE = /^[a-z][a-z_]{0,31}$/;

function invalid(param: string, message: string): never {
  throw new DomainError(ErrorCode.ValidationFailed, `${param} ${message}`, { param });
}

/** A model id, or `{model, provider}` on a provider that exists (known only at run time). */
function modelRef(value: unknown, path: string, providers: readonly string[]): string | ModelRef {
  if (typeof value === 'string') {
    if (!MODEL_ID.test(value)) invalid(path, 'must be a model id (no spaces, at most 200 characters)');
    return value;
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value))
    invalid(path, 'must be a model id or {model, provider}');
  const ref = value as Record<string, unknown>;
  const extra = Object.keys(ref).find((key) => key !== 'model' && key !== 'provider');
  if (extra) invalid(`${path}.${extra}`, 'is not a recognised field (expected model, provider)');
  if (typeof ref.model !== 'string' || !MODEL_ID.test(ref.model))
    invalid(`${path}.model`, 'must be a model id');
  if (ref.provider !== undefined && !providers.includes(ref.provider as string))
    invalid(`${path}.provider`, `must be one of ${providers.join(', ')}`);
  return ref.provider === undefined ? ref.model : { model: ref.model, provider: ref.provider as string };
}

function checkedRoute(route: ModelRoute, path: string, providers: readonly string[]): ModelRoute {
  return {
    primary: modelRef(route.primary, `${path}.primary`, providers),
    fallbacks: route.fallbacks.map((entry, i) => modelRef(entry, `${path}.fallbacks[${i}]`, providers)),
  };
}

function checkedModalityRoute(
  route: ModalityRoute,
  path: string,
  providers: readonly string[],
): ModalityRoute {
  const checked: ModalityRoute = checkedRoute(route, path, providers);
  if (route.purposes) {
    checked.purposes = {};
    for (const [purpose, sub] of Object.entries(route.purposes)) {
      if (!PURPOSE.test(purpose)) invalid(`${path}.purposes.${purpose}`, 'must be a lowercase word');
      checked.purposes[purpose] = checkedRoute(sub, `${path}.purposes.${purpose}`, providers);
    }
  }
  return checked;
}

/**
 * Checks a (partial) configuration whose shape the admin API's DTO has validated (known tiers,
 * modalities and fields): model ids with their exact path, providers that exist, purpose names,
 * and that it changes something. Returns it with each model written in its shortest form.
 */
export function checkModelConfigPatch(
  patch: ModelConfigPatch,
  providers: readonly string[],
): ModelConfigPatch {
  if (!patch.tiers && !patch.models) invalid('body', 'must change tiers or models');
  const checked: ModelConfigPatch = { ...patch };
  if (patch.tiers) {
    checked.tiers = {};
    for (const [tier, change] of Object.entries(patch.tiers) as Array<[Tier, Partial<TierModels>]>) {
      const path = `tiers.${tier}`;
      const next: Partial<TierModels> = {};
      if (change.routes) {
        next.routes = {};
        for (const [modality, route] of Object.entries(change.routes) as Array<
          [keyof TierModels['routes'], ModalityRoute]
        >)
          next.routes[modality] = checkedModalityRoute(route, `${path}.routes.${modality}`, providers);
      }
      if (change.allowed_models)
        next.allowed_models = change.allowed_models.map((model, i) => {
          if (typeof model !== 'string' || !MODEL_ID.test(model))
            invalid(`${path}.allowed_models[${i}]`, 'must be a model id');
          return model;
        });
      checked.tiers[tier] = next;
    }
  }
  return checked;
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
