import { z } from 'zod';
import type { components } from '@/api/schema';
import { TIERS, type Modality, type Tier } from '@/lib/domain';

export type ModelConfig = components['schemas']['ModelConfigDto'];
export type ModalityRoute = components['schemas']['ModalityRouteDto'];
export type ModelRef = components['schemas']['ModelRefDto'];
/** A model of the whole catalog (`GET /api/v1/admin/models`). */
export type CatalogModel = components['schemas']['AdminCatalogModelDto'];
export type Provider = components['schemas']['ProviderDto'];

/** A model id on the primary provider, or `{model, provider}` on a provider an admin added. */
export type ModelRefInput = string | ModelRef;
export type ModalityRouteInput = components['schemas']['ModalityRouteInput'];
/**
 * `PUT /api/v1/admin/model-config`: a partial document. Each route given replaces that modality's
 * route whole; allow-lists are replaced; model settings merge per id.
 */
export type ModelConfigUpdate = components['schemas']['UpdateModelConfigDto'];

/** The value of the provider select meaning "the primary provider" (the `provider` field omitted). */
export const PRIMARY_PROVIDER = '(primary)';
export const MAX_FALLBACKS = 10;

export interface RefValues {
  /** A stable React key for list items. */
  key: string;
  provider: string;
  model: string;
}
export interface PurposeValues {
  key: string;
  name: string;
  primary: RefValues;
  fallbacks: RefValues[];
}
export type RouteValues = {
  primary: RefValues;
  fallbacks: RefValues[];
  purposes: PurposeValues[];
};

let nextKey = 0;
export const newKey = (): string => `k${++nextKey}`;

export function refToValues(ref: ModelRefInput | undefined): RefValues {
  if (ref === undefined) return { key: newKey(), provider: PRIMARY_PROVIDER, model: '' };
  if (typeof ref === 'string') return { key: newKey(), provider: PRIMARY_PROVIDER, model: ref };
  return { key: newKey(), provider: ref.provider ?? PRIMARY_PROVIDER, model: ref.model };
}

export function valuesToRef(value: RefValues): ModelRefInput {
  const model = value.model.trim();
  return value.provider === PRIMARY_PROVIDER ? model : { provider: value.provider, model };
}

/** A route as the form edits it (a modality with no route starts empty). */
export function routeToValues(route: ModalityRoute | undefined): RouteValues {
  return {
    primary: refToValues(route?.primary),
    fallbacks: (route?.fallbacks ?? []).map(refToValues),
    purposes: Object.entries(route?.purposes ?? {}).map(([name, sub]) => ({
      key: newKey(),
      name,
      primary: refToValues(sub.primary),
      fallbacks: sub.fallbacks.map(refToValues),
    })),
  };
}

/** The complete route for the PUT (it replaces the modality's route whole, so nothing is dropped). */
export function valuesToRoute(values: RouteValues): ModalityRouteInput {
  const route: ModalityRouteInput = {
    primary: valuesToRef(values.primary),
    fallbacks: values.fallbacks.map(valuesToRef),
  };
  // Always sent: the api replaces a route's purposes whole, and `{}` removes the last one.
  route.purposes = Object.fromEntries(
    values.purposes.map((purpose) => [
      purpose.name.trim(),
      { primary: valuesToRef(purpose.primary), fallbacks: purpose.fallbacks.map(valuesToRef) },
    ]),
  );
  return route;
}

const MODEL_ID = /^[^\s]{1,200}$/;
const refSchema = z.object({
  key: z.string(),
  provider: z.string().min(1, 'Choose a provider'),
  model: z
    .string()
    .trim()
    .min(1, 'Enter a model id')
    .regex(MODEL_ID, 'A model id has no spaces and at most 200 characters'),
});
const fallbacksSchema = z.array(refSchema).max(MAX_FALLBACKS, `At most ${MAX_FALLBACKS} fallbacks`);

export const routeSchema = z
  .object({
    primary: refSchema,
    fallbacks: fallbacksSchema,
    purposes: z.array(
      z.object({
        key: z.string(),
        name: z
          .string()
          .trim()
          .regex(/^[a-z][a-z_]{0,31}$/, 'A lowercase word (letters and _), such as coding or creative'),
        primary: refSchema,
        fallbacks: fallbacksSchema,
      }),
    ),
  })
  .superRefine((values, ctx) => {
    const seen = new Set<string>();
    values.purposes.forEach((purpose, index) => {
      const name = purpose.name.trim();
      if (seen.has(name))
        ctx.addIssue({
          code: 'custom',
          path: ['purposes', index, 'name'],
          message: 'This purpose is listed twice',
        });
      seen.add(name);
    });
  });

/**
 * The form field an API error names. The api names fields from the document's root
 * (`tiers.free.routes.chat.fallbacks[1].model`, `tiers.free.routes.chat.purposes.coding.primary`);
 * the form holds one route, its purposes as a list.
 */
export function routeFieldFor(
  param: string,
  tier: Tier,
  modality: Modality,
  values: RouteValues,
): string | undefined {
  const prefix = `tiers.${tier}.routes.${modality}.`;
  if (!param.startsWith(prefix)) return undefined;
  let rest = param.slice(prefix.length).replace(/\[(\d+)\]/g, '.$1');
  let base = '';
  const purpose = /^purposes\.([^.]+)(?:\.(.*))?$/.exec(rest);
  if (purpose) {
    const index = values.purposes.findIndex((entry) => entry.name.trim() === purpose[1]);
    if (index < 0) return undefined;
    base = `purposes.${index}.`;
    rest = purpose[2] ?? 'name';
    if (rest === 'name') return `${base}name`;
  }
  const ref = /^(primary|fallbacks\.\d+)(?:\.(model|provider))?/.exec(rest);
  if (!ref) return undefined;
  return `${base}${ref[1]}.${ref[2] ?? 'model'}`;
}

/** The allow-list for a tier: model ids, one each. */
export const allowListSchema = z.object({
  allowed_models: z
    .array(z.string().trim().regex(MODEL_ID, 'A model id has no spaces and at most 200 characters'))
    .refine((ids) => new Set(ids).size === ids.length, 'A model is listed twice'),
});
export type AllowListValues = z.infer<typeof allowListSchema>;

/** The models a route may pick from: the catalog's models of that modality. */
export function modelsFor(catalog: readonly CatalogModel[], modality: Modality): string[] {
  return catalog
    .filter((model) => model.modality === modality || model.modalities.includes(modality))
    .map((model) => model.id);
}

const refId = (ref: ModelRefInput): string | undefined =>
  typeof ref === 'string' ? ref : ref.provider ? undefined : ref.model;

/**
 * Model ids the document names on the primary provider: in routes (of one modality, or all), and,
 * for all, in allow-lists and model settings. They complete the picker's suggestions with what the
 * catalog does not list (a model it dropped, or one typed by hand).
 */
export function configuredModels(
  document: Pick<ModelConfig, 'tiers' | 'models'>,
  modality?: Modality,
): string[] {
  const ids = new Set<string>();
  const addRoute = (route: { primary: ModelRefInput; fallbacks: ModelRefInput[] }) =>
    [route.primary, ...route.fallbacks].forEach((ref) => {
      const id = refId(ref);
      if (id) ids.add(id);
    });
  for (const tier of TIERS) {
    const models = document.tiers[tier];
    for (const [name, route] of Object.entries(models.routes) as Array<[Modality, ModalityRoute]>) {
      if (modality && name !== modality) continue;
      addRoute(route);
      Object.values(route.purposes ?? {}).forEach(addRoute);
    }
    if (!modality) (models.allowed_models ?? []).forEach((id) => ids.add(id));
  }
  if (!modality) Object.keys(document.models).forEach((id) => ids.add(id));
  return [...ids].sort();
}
