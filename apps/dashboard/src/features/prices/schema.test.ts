import { describe, expect, it } from 'vitest';
import { zod4Resolver } from 'mantine-form-zod-resolver';
import {
  creditsHint,
  emptyModelRow,
  priceFieldFor,
  pricesSchema,
  tableToValues,
  valuesToUpdate,
  type PricesValues,
} from './schema';

const saved = {
  image_per_megapixel: 0.0027,
  speech_per_million_characters: 15,
  transcription_per_minute: 0.0015,
  tier_credits_usd: { premium: 30 },
  models: { 'black-forest-labs/FLUX.2-dev': { per_image: 0.025 } },
};
/** What the api answers: the saved table and each tier's credits in force. */
const table = { ...saved, effective_tier_credits_usd: { free: 1, premium: 30, enterprise: 500 } };

describe('prices form', () => {
  it('round-trips the table: empty credits stay on the default, empty model prices are not sent', () => {
    const values = tableToValues(table);
    expect(values.tier_credits_usd).toEqual({ free: '', premium: 30, enterprise: '' });
    expect(values.models[0]).toMatchObject({
      model: 'black-forest-labs/FLUX.2-dev',
      per_image: 0.025,
      per_minute: '',
    });
    expect(valuesToUpdate(values)).toEqual(saved);
  });

  it('refuses an empty required price, a model without prices and a model listed twice', () => {
    const values: PricesValues = {
      ...tableToValues(table),
      image_per_megapixel: '',
      models: [
        { ...emptyModelRow(), model: 'a/b', per_image: 1 },
        { ...emptyModelRow(), model: 'a/b', per_image: 2 },
        { ...emptyModelRow(), model: 'c/d' },
      ],
    };
    const errors = zod4Resolver(pricesSchema)(values);
    expect(Object.keys(errors).sort()).toEqual(['image_per_megapixel', 'models.1.model', 'models.2.model']);
  });

  it('shows the credits in force for a tier on the platform default', () => {
    expect(creditsHint(table, 'free')).toEqual({
      placeholder: 'Platform default: $1.00',
      description: 'Platform default in force: $1.00 per month',
    });
    expect(creditsHint(table, 'enterprise').placeholder).toBe('Platform default: $500.00');
    // A tier with its own value: the field shows it; emptying it returns to the default.
    expect(creditsHint(table, 'premium')).toEqual({
      placeholder: 'Platform default',
      description: 'Leave empty for the platform default',
    });
  });

  it('maps an API param naming a model to its row', () => {
    const values = tableToValues(table);
    expect(priceFieldFor('models.black-forest-labs/FLUX.2-dev.per_image', values)).toBe('models.0.per_image');
    expect(priceFieldFor('tier_credits_usd.free', values)).toBe('tier_credits_usd.free');
    expect(priceFieldFor('models.unknown/model.per_image', values)).toBeUndefined();
  });
});
