import {
  FEATURE_FIELDS,
  LIMIT_FIELDS,
  MAX_QUOTA_LIMIT,
  type FeatureLimits,
  type LimitField,
  type Overrides,
} from './types';
import { FEATURES, type Feature } from '@/lib/domain';

/** One limit in the form: empty inherits the tier; `unlimited` is an explicit null. */
export interface LimitInput {
  value: number | '';
  unlimited: boolean;
}
export type OverridesFormValues = { features: Record<Feature, Record<LimitField, LimitInput>> };

const inherit = (): LimitInput => ({ value: '', unlimited: false });

/** The form's values for the user's current overrides. */
export function toFormValues(overrides: Overrides): OverridesFormValues {
  const features = Object.fromEntries(
    FEATURES.map((feature) => [
      feature,
      Object.fromEntries(
        LIMIT_FIELDS.map((field) => {
          const current = overrides[feature]?.[field];
          if (current === undefined) return [field, inherit()];
          return [
            field,
            current === null ? { value: '', unlimited: true } : { value: current, unlimited: false },
          ];
        }),
      ),
    ]),
  ) as OverridesFormValues['features'];
  return { features };
}

/** The overrides the form describes (features and fields left empty are not overridden). */
export function toOverrides(values: OverridesFormValues): Overrides {
  const overrides: Overrides = {};
  for (const feature of FEATURES) {
    const limits: FeatureLimits = {};
    for (const field of LIMIT_FIELDS) {
      const input = values.features[feature][field];
      if (input.unlimited) limits[field] = null;
      else if (input.value !== '') limits[field] = input.value;
    }
    if (Object.keys(limits).length) overrides[feature] = limits;
  }
  return overrides;
}

/** The fields shown for a feature: those that apply to it, and any its override already sets. */
export function fieldsFor(feature: Feature, overrides: Overrides): LimitField[] {
  const set = Object.keys(overrides[feature] ?? {}) as LimitField[];
  return LIMIT_FIELDS.filter((field) => FEATURE_FIELDS[feature].includes(field) || set.includes(field));
}

/** Form-side checks: whole numbers from 0 to the api's maximum. Errors keyed by form path. */
export function validateOverrides(values: OverridesFormValues): Record<string, string> {
  const errors: Record<string, string> = {};
  for (const feature of FEATURES)
    for (const field of LIMIT_FIELDS) {
      const { value, unlimited } = values.features[feature][field];
      if (unlimited || value === '') continue;
      if (!Number.isInteger(value) || value < 0 || value > MAX_QUOTA_LIMIT)
        errors[`features.${feature}.${field}.value`] =
          `A whole number from 0 to ${MAX_QUOTA_LIMIT.toLocaleString('en-US')}, or empty to inherit the tier`;
    }
  return errors;
}

export interface OverridesPlan {
  /** Features whose override is deleted first (`DELETE ?feature=`): the api merges a PUT, so a field can only be removed this way. */
  clear: Feature[];
  /** The limits then written with one `PUT` (each feature whole). */
  set: Overrides;
}

const sameLimits = (a: FeatureLimits = {}, b: FeatureLimits = {}): boolean =>
  LIMIT_FIELDS.every((field) => a[field] === b[field]);

/** What to send to turn the `current` overrides into the `desired` ones. */
export function planOverrideChanges(current: Overrides, desired: Overrides): OverridesPlan {
  const clear: Feature[] = [];
  const set: Overrides = {};
  for (const feature of FEATURES) {
    const before = current[feature];
    const after = desired[feature];
    if (sameLimits(before, after)) continue;
    const removesAField =
      before !== undefined && LIMIT_FIELDS.some((field) => field in before && !(after && field in after));
    if (removesAField) clear.push(feature);
    if (after) set[feature] = after;
  }
  return { clear, set };
}

export const isEmptyPlan = (plan: OverridesPlan): boolean =>
  plan.clear.length === 0 && Object.keys(plan.set).length === 0;

/** The API names a field (`features.text_generation.requests_per_day`); the form's input is its `.value`. */
export function formFieldFor(param: string): string | undefined {
  const match = /^features\.([a-z_]+)\.([a-z_]+)$/.exec(param);
  if (!match) return undefined;
  const [, feature, field] = match;
  if (
    !(FEATURES as readonly string[]).includes(feature) ||
    !(LIMIT_FIELDS as readonly string[]).includes(field)
  )
    return undefined;
  return `features.${feature}.${field}.value`;
}
