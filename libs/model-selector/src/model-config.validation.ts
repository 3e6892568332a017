import { DomainError, ErrorCode, type Modality, type Tier } from '@tiergate/common';
import type {
  ModelConfigDocument,
  ModelRef,
  ModalityRoute,
  ModelRoute,
  ModelSettings,
} from './model-config.types';

/**
 * A route change: the fields sent replace the route's, the others stay (`purposes`, when sent,
 * replaces the route's purposes whole; `{}` removes them). A new route needs its `primary`.
 */
export type ModalityRoutePatch = Partial<ModalityRoute>;

/** A tier change: routes merge per modality, field by field; an allow-list sent replaces it. */
export type TierModelsPatch = {
  routes?: Partial<Record<Modality, ModalityRoutePatch>>;
  allowed_models?: string[];
};

/** A model's settings change: the fields sent replace, the others stay; `fallbacks: null` removes its own list. */
export type ModelSettingsPatch = Omit<ModelSettings, 'fallbacks'> & {
  fallbacks?: ModelSettings['fallbacks'] | null;
};

/** A partial configuration: named tiers change as above; models merge per id, field by field. */
export type ModelConfigPatch = {
  tiers?: Partial<Record<Tier, TierModelsPatch>>;
  models?: Record<string, ModelSettingsPatch>;
};

declare const checked: unique symbol;
/** A patch that `checkModelConfigPatch` accepted: the only kind `ModelConfigService.update` applies. */
export type CheckedModelConfigPatch = ModelConfigPatch & { readonly [checked]: true };

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
  route: ModalityRoutePatch,
  path: string,
  providers: readonly string[],
): ModalityRoutePatch {
  const checked: ModalityRoutePatch = {};
  if (route.primary !== undefined) checked.primary = modelRef(route.primary, `${path}.primary`, providers);
  if (route.fallbacks !== undefined)
    checked.fallbacks = route.fallbacks.map((entry, i) =>
      modelRef(entry, `${path}.fallbacks[${i}]`, providers),
    );
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
): CheckedModelConfigPatch {
  if (!patch.tiers && !patch.models) invalid('body', 'must change tiers or models');
  const checked: ModelConfigPatch = { ...patch };
  if (patch.tiers) {
    checked.tiers = {};
    for (const [tier, change] of Object.entries(patch.tiers) as Array<[Tier, TierModelsPatch]>) {
      const path = `tiers.${tier}`;
      const next: TierModelsPatch = {};
      if (change.routes) {
        next.routes = {};
        for (const [modality, route] of Object.entries(change.routes) as Array<
          [Modality, ModalityRoutePatch]
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
  if (patch.models) checked.models = checkedModels(patch.models, providers);
  return checked as CheckedModelConfigPatch;
}

/** Model ids as keys, and each model's own fallbacks (with their exact path). */
function checkedModels(
  models: Record<string, ModelSettingsPatch>,
  providers: readonly string[],
): Record<string, ModelSettingsPatch> {
  const checked: Record<string, ModelSettingsPatch> = {};
  for (const [model, settings] of Object.entries(models)) {
    const path = `models.${model}`;
    if (!MODEL_ID.test(model))
      invalid(path, 'must be keyed by a model id (no spaces, at most 200 characters)');
    const next: ModelSettingsPatch = { ...settings };
    if (settings.fallbacks)
      next.fallbacks = settings.fallbacks.map((entry, i) =>
        modelRef(entry, `${path}.fallbacks[${i}]`, providers),
      );
    checked[model] = next;
  }
  return checked;
}

/**
 * The document after a patch: each named tier's routes merge per modality and field (a field left
 * out keeps its value; a new route must name its primary); allow-lists sent replace; models merge
 * per id and field (`fallbacks: null` removes a model's own fallbacks).
 */
export function applyModelConfigPatch(
  document: ModelConfigDocument,
  patch: ModelConfigPatch,
): ModelConfigDocument {
  const next: ModelConfigDocument = structuredClone(document);
  for (const [tier, change] of Object.entries(patch.tiers ?? {}) as Array<[Tier, TierModelsPatch]>) {
    const target = (next.tiers[tier] ??= { routes: {} });
    for (const [modality, route] of Object.entries(change.routes ?? {}) as Array<
      [Modality, ModalityRoutePatch]
    >)
      target.routes[modality] = mergedRoute(
        target.routes[modality],
        route,
        `tiers.${tier}.routes.${modality}`,
      );
    if (change.allowed_models) target.allowed_models = change.allowed_models;
  }
  for (const [model, change] of Object.entries(patch.models ?? {})) {
    const { fallbacks, ...rest } = change;
    const settings: ModelSettings = { ...next.models[model], ...rest };
    if (fallbacks === null) delete settings.fallbacks;
    else if (fallbacks !== undefined) settings.fallbacks = fallbacks;
    next.models[model] = settings;
  }
  return next;
}

function mergedRoute(
  current: ModalityRoute | undefined,
  change: ModalityRoutePatch,
  path: string,
): ModalityRoute {
  const primary = change.primary ?? current?.primary;
  if (primary === undefined)
    invalid(`${path}.primary`, 'is required: this route does not exist yet, so it needs a primary model');
  const merged: ModalityRoute = { primary, fallbacks: change.fallbacks ?? current?.fallbacks ?? [] };
  const purposes = change.purposes ?? current?.purposes;
  if (purposes && Object.keys(purposes).length) merged.purposes = purposes;
  return merged;
}
