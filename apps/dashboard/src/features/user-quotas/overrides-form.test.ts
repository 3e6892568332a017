import { describe, expect, it } from 'vitest';
import {
  fieldsFor,
  formFieldFor,
  isEmptyPlan,
  planOverrideChanges,
  toFormValues,
  toOverrides,
  validateOverrides,
} from './overrides-form';

describe('toFormValues / toOverrides', () => {
  it('round-trips numbers, null (unlimited) and inherited fields', () => {
    const overrides = {
      text_generation: { requests_per_day: 200, tokens_per_day: null },
      audio_stt: { minutes_per_day: 0 },
    };
    const values = toFormValues(overrides);
    expect(values.features.text_generation.requests_per_day).toEqual({ value: 200, unlimited: false });
    expect(values.features.text_generation.tokens_per_day).toEqual({ value: '', unlimited: true });
    expect(values.features.text_generation.tokens_per_request).toEqual({ value: '', unlimited: false });
    expect(values.features.audio_stt.minutes_per_day).toEqual({ value: 0, unlimited: false });
    expect(toOverrides(values)).toEqual(overrides);
  });

  it('leaves out features with nothing set', () => {
    expect(toOverrides(toFormValues({}))).toEqual({});
  });

  it('treats "Unlimited" as null even when a number was typed before', () => {
    const values = toFormValues({});
    values.features.image_generation.requests_per_day = { value: 12, unlimited: true };
    expect(toOverrides(values)).toEqual({ image_generation: { requests_per_day: null } });
  });
});

describe('planOverrideChanges', () => {
  it('sends nothing when nothing changed', () => {
    const same = { text_generation: { requests_per_day: 5 } };
    expect(isEmptyPlan(planOverrideChanges(same, { text_generation: { requests_per_day: 5 } }))).toBe(true);
  });

  it('writes a new or changed feature with one PUT, without deleting', () => {
    expect(
      planOverrideChanges(
        { text_generation: { requests_per_day: 5 } },
        { text_generation: { requests_per_day: 5, tokens_per_day: null }, audio_tts: { minutes_per_day: 3 } },
      ),
    ).toEqual({
      clear: [],
      set: {
        text_generation: { requests_per_day: 5, tokens_per_day: null },
        audio_tts: { minutes_per_day: 3 },
      },
    });
  });

  it('deletes a feature whose override is gone', () => {
    expect(planOverrideChanges({ code_generation: { requests_per_day: 5 } }, {})).toEqual({
      clear: ['code_generation'],
      set: {},
    });
  });

  it('deletes and rewrites a feature when one of its fields goes back to the tier', () => {
    expect(
      planOverrideChanges(
        { text_generation: { requests_per_day: 5, tokens_per_day: 100 } },
        { text_generation: { tokens_per_day: 100 } },
      ),
    ).toEqual({ clear: ['text_generation'], set: { text_generation: { tokens_per_day: 100 } } });
  });

  it('sees null and a number as different (unlimited is not a limit of 0)', () => {
    expect(
      planOverrideChanges(
        { vision_analysis: { requests_per_day: null } },
        { vision_analysis: { requests_per_day: 0 } },
      ),
    ).toEqual({ clear: [], set: { vision_analysis: { requests_per_day: 0 } } });
  });
});

describe('validateOverrides', () => {
  it('accepts empty, unlimited and whole numbers from 0', () => {
    const values = toFormValues({ text_generation: { requests_per_day: 0, tokens_per_day: null } });
    expect(validateOverrides(values)).toEqual({});
  });

  it('refuses fractions, negatives and values above the maximum, on the input', () => {
    const values = toFormValues({});
    values.features.text_generation.requests_per_day.value = 1.5;
    values.features.audio_tts.minutes_per_day.value = -1;
    values.features.image_generation.requests_per_day.value = 2_000_000_000;
    expect(Object.keys(validateOverrides(values)).sort()).toEqual([
      'features.audio_tts.minutes_per_day.value',
      'features.image_generation.requests_per_day.value',
      'features.text_generation.requests_per_day.value',
    ]);
  });
});

describe('fieldsFor and formFieldFor', () => {
  it('shows the fields that apply, plus any an override sets', () => {
    expect(fieldsFor('image_generation', {})).toEqual(['requests_per_day']);
    expect(fieldsFor('image_generation', { image_generation: { tokens_per_day: 5 } })).toEqual([
      'requests_per_day',
      'tokens_per_day',
    ]);
  });

  it("maps the API's param to the form's input, and nothing else", () => {
    expect(formFieldFor('features.text_generation.requests_per_day')).toBe(
      'features.text_generation.requests_per_day.value',
    );
    expect(formFieldFor('features.nope.requests_per_day')).toBeUndefined();
    expect(formFieldFor('features')).toBeUndefined();
  });
});
