import { z } from 'zod';
import type { components } from '@/api/schema';
import { TIERS, type Tier } from '@/lib/domain';
import { formatUsd } from '@/lib/format';

export type PriceTable = components['schemas']['PriceTableDto'];
export type ModelPrice = components['schemas']['ModelPriceDto'];
export type TierCredits = components['schemas']['TierCreditsDto'];

export type ModelPriceField = keyof ModelPrice;
export const MODEL_PRICE_FIELDS: readonly ModelPriceField[] = [
  'input_per_million',
  'output_per_million',
  'per_image',
  'per_megapixel',
  'per_million_characters',
  'per_minute',
];
export const MODEL_PRICE_LABELS: Record<ModelPriceField, string> = {
  input_per_million: 'Input per 1M tokens',
  output_per_million: 'Output per 1M tokens',
  per_image: 'Per image',
  per_megapixel: 'Per megapixel',
  per_million_characters: 'Per 1M characters',
  per_minute: 'Per minute',
};

/** `PUT /api/v1/admin/prices`: each field given replaces the current one (objects whole). */
export type PricesUpdate = components['schemas']['UpdatePricesDto'];

/** A number input's value: a number, or '' when empty. */
type Amount = number | string;

export type ModelPriceRow = { key: string; model: string } & Record<ModelPriceField, Amount>;
export type PricesValues = {
  image_per_megapixel: Amount;
  speech_per_million_characters: Amount;
  transcription_per_minute: Amount;
  /** '' leaves the tier on the platform's default allocation. */
  tier_credits_usd: Record<Tier, Amount>;
  models: ModelPriceRow[];
};

const PRICE_MESSAGE = 'A price in USD, 0 or more';
const price = z.number({ error: 'Enter a price in USD' }).min(0, PRICE_MESSAGE).finite(PRICE_MESSAGE);
const optionalPrice = z.union([z.literal(''), price], { error: PRICE_MESSAGE });

export const pricesSchema = z.object({
  image_per_megapixel: price,
  speech_per_million_characters: price,
  transcription_per_minute: price,
  tier_credits_usd: z.object({
    free: z.union([z.literal(''), z.number().min(0, 'Credits in USD, 0 or more')], {
      error: 'Credits in USD, 0 or more',
    }),
    premium: z.union([z.literal(''), z.number().min(0, 'Credits in USD, 0 or more')], {
      error: 'Credits in USD, 0 or more',
    }),
    enterprise: z.union([z.literal(''), z.number().min(0, 'Credits in USD, 0 or more')], {
      error: 'Credits in USD, 0 or more',
    }),
  }),
  models: z
    .array(
      z
        .object({
          key: z.string(),
          model: z
            .string()
            .trim()
            .regex(/^[^\s]{1,200}$/, 'Enter a model id (no spaces)'),
          ...Object.fromEntries(MODEL_PRICE_FIELDS.map((field) => [field, optionalPrice])),
        })
        .refine((row) => MODEL_PRICE_FIELDS.some((field) => (row as Record<string, unknown>)[field] !== ''), {
          message: 'Enter at least one price for this model',
          path: ['model'],
        }),
    )
    .superRefine((rows, ctx) => {
      const seen = new Set<string>();
      rows.forEach((row, index) => {
        if (seen.has(row.model.trim()))
          ctx.addIssue({ code: 'custom', path: [index, 'model'], message: 'This model is listed twice' });
        seen.add(row.model.trim());
      });
    }),
});

let nextKey = 0;
export const newRowKey = (): string => `p${++nextKey}`;

export function emptyModelRow(): ModelPriceRow {
  return {
    key: newRowKey(),
    model: '',
    ...(Object.fromEntries(MODEL_PRICE_FIELDS.map((field) => [field, ''])) as Record<
      ModelPriceField,
      Amount
    >),
  };
}

export function tableToValues(table: PriceTable): PricesValues {
  return {
    image_per_megapixel: table.image_per_megapixel,
    speech_per_million_characters: table.speech_per_million_characters,
    transcription_per_minute: table.transcription_per_minute,
    tier_credits_usd: Object.fromEntries(
      TIERS.map((tier) => [tier, table.tier_credits_usd?.[tier] ?? '']),
    ) as Record<Tier, Amount>,
    models: Object.entries(table.models)
      .sort(([a], [b]) => a.localeCompare(b))
      .map(([model, prices]) => ({
        key: newRowKey(),
        model,
        ...(Object.fromEntries(MODEL_PRICE_FIELDS.map((field) => [field, prices[field] ?? ''])) as Record<
          ModelPriceField,
          Amount
        >),
      })),
  };
}

const present = (value: Amount): value is number => value !== '' && value !== null && value !== undefined;

/** The whole table for the PUT: what is shown is what is saved (credits left empty use the default). */
export function valuesToUpdate(values: PricesValues): PricesUpdate {
  return {
    image_per_megapixel: Number(values.image_per_megapixel),
    speech_per_million_characters: Number(values.speech_per_million_characters),
    transcription_per_minute: Number(values.transcription_per_minute),
    tier_credits_usd: Object.fromEntries(
      TIERS.filter((tier) => present(values.tier_credits_usd[tier])).map((tier) => [
        tier,
        Number(values.tier_credits_usd[tier]),
      ]),
    ),
    models: Object.fromEntries(
      values.models.map((row) => [
        row.model.trim(),
        Object.fromEntries(
          MODEL_PRICE_FIELDS.filter((field) => present(row[field])).map((field) => [
            field,
            Number(row[field]),
          ]),
        ),
      ]),
    ),
  };
}

/**
 * What a tier's credits field says about the credits in force. A tier without its own value shows
 * the platform default it is on (`effective_tier_credits_usd`); a tier with its own value can only say
 * that emptying it returns to the default (the api does not tell the default of such a tier).
 */
export function creditsHint(table: PriceTable, tier: Tier): { placeholder: string; description: string } {
  const own = table.tier_credits_usd?.[tier];
  if (own !== undefined && own !== null)
    return { placeholder: 'Platform default', description: 'Leave empty for the platform default' };
  const inForce = formatUsd(table.effective_tier_credits_usd[tier]);
  return {
    placeholder: `Platform default: ${inForce}`,
    description: `Platform default in force: ${inForce} per month`,
  };
}

/** The form field an API error names (`models.<id>.per_image` → `models.<row>.per_image`). */
export function priceFieldFor(param: string, values: PricesValues): string | undefined {
  const model = /^models\.(.+)\.([a-z_]+)$/.exec(param);
  if (model && (MODEL_PRICE_FIELDS as readonly string[]).includes(model[2])) {
    const index = values.models.findIndex((row) => row.model.trim() === model[1]);
    return index < 0 ? undefined : `models.${index}.${model[2]}`;
  }
  const byModel = /^models\.(.+)$/.exec(param);
  if (byModel) {
    const index = values.models.findIndex((row) => row.model.trim() === byModel[1]);
    return index < 0 ? undefined : `models.${index}.model`;
  }
  return param;
}
