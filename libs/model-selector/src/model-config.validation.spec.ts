import { DomainError } from '@tiergate/common';
import {
  applyModelConfigPatch,
  checkModelConfigPatch,
  type ModalityRoutePatch,
  type ModelConfigPatch,
} from './model-config.validation';
import type { ModalityRoute, ModelConfigDocument } from './model-config.types';

const PROVIDERS = ['together_ai', 'backup'];

function paramOf(patch: ModelConfigPatch): string | null | undefined {
  try {
    checkModelConfigPatch(patch, PROVIDERS);
    return undefined;
  } catch (error) {
    return (error as DomainError).param;
  }
}

const route = (primary: unknown, fallbacks: unknown[] = []) => ({ primary, fallbacks }) as ModalityRoute;

describe('checkModelConfigPatch', () => {
  it.each<[string, ModelConfigPatch, string | null]>([
    ['an empty patch', {}, 'body'],
    [
      'a primary with a space',
      { tiers: { free: { routes: { chat: route('a b') } } } },
      'tiers.free.routes.chat.primary',
    ],
    [
      'an unknown provider',
      { tiers: { free: { routes: { chat: route('x', ['y', { model: 'z', provider: 'nope' }]) } } } },
      'tiers.free.routes.chat.fallbacks[1].provider',
    ],
    [
      'an unknown field of a model',
      { tiers: { free: { routes: { chat: route({ model: 'x', weight: 2 }) } } } },
      'tiers.free.routes.chat.primary.weight',
    ],
    [
      'a purpose that is not a lowercase word',
      { tiers: { free: { routes: { chat: { ...route('x'), purposes: { 'Big Ideas': route('y') } } } } } },
      'tiers.free.routes.chat.purposes.Big Ideas',
    ],
    [
      'a bad model in a purpose',
      { tiers: { free: { routes: { chat: { ...route('x'), purposes: { coding: route('y', [7]) } } } } } },
      'tiers.free.routes.chat.purposes.coding.fallbacks[0]',
    ],
    [
      'a bad allow-listed model',
      { tiers: { premium: { allowed_models: ['ok', ''] } } },
      'tiers.premium.allowed_models[1]',
    ],
    [
      'a model’s own fallback with a space',
      { models: { x: { fallbacks: ['y', 'a b'] } } },
      'models.x.fallbacks[1]',
    ],
    [
      'a model’s own fallback on an unknown provider',
      { models: { x: { fallbacks: [{ model: 'y', provider: 'nope' }] } } },
      'models.x.fallbacks[0].provider',
    ],
    ['settings keyed by something that is not a model id', { models: { 'a b': {} } }, 'models.a b'],
  ])('refuses %s, naming %s', (_, patch, param) => {
    expect(paramOf(patch)).toBe(param);
  });

  it('writes each model in its shortest form', () => {
    const checked = checkModelConfigPatch(
      {
        tiers: {
          free: {
            routes: { chat: route({ model: 'x' }, [{ model: 'y', provider: 'backup' }, 'z']) },
            allowed_models: ['w'],
          },
        },
        models: {
          x: { supports_continuation: true, fallbacks: [{ model: 'z' }, { model: 'y', provider: 'backup' }] },
        },
      },
      PROVIDERS,
    );
    expect(checked).toEqual({
      tiers: {
        free: {
          routes: { chat: { primary: 'x', fallbacks: [{ model: 'y', provider: 'backup' }, 'z'] } },
          allowed_models: ['w'],
        },
      },
      models: { x: { supports_continuation: true, fallbacks: ['z', { model: 'y', provider: 'backup' }] } },
    });
  });
});

describe('applyModelConfigPatch', () => {
  const document: ModelConfigDocument = {
    tiers: {
      free: { routes: { chat: { primary: 'a', fallbacks: [] }, text: { primary: 'b', fallbacks: [] } } },
      premium: { routes: {}, allowed_models: ['p'] },
      enterprise: { routes: {} },
    },
    models: { a: { supports_continuation: true } },
  };

  it('replaces the routes it names, keeps the rest, and merges models by id', () => {
    const next = applyModelConfigPatch(document, {
      tiers: { free: { routes: { chat: { primary: 'c', fallbacks: ['a'] } } } },
      models: { c: { supports_continuation: false } },
    });
    expect(next.tiers.free.routes).toEqual({
      chat: { primary: 'c', fallbacks: ['a'] },
      text: { primary: 'b', fallbacks: [] },
    });
    expect(next.tiers.premium).toEqual(document.tiers.premium);
    expect(next.models).toEqual({ a: { supports_continuation: true }, c: { supports_continuation: false } });
    expect(document.tiers.free.routes.chat).toEqual({ primary: 'a', fallbacks: [] });
  });

  const withPurposes: ModelConfigDocument = {
    ...document,
    tiers: {
      ...document.tiers,
      free: {
        routes: {
          chat: {
            primary: 'a',
            fallbacks: ['f1', 'f2'],
            purposes: { coding: { primary: 'k', fallbacks: [] } },
          },
        },
      },
    },
  };

  it.each<[string, ModalityRoutePatch, ModalityRoute]>([
    [
      'only the primary: fallbacks and purposes stay',
      { primary: 'c' },
      { primary: 'c', fallbacks: ['f1', 'f2'], purposes: { coding: { primary: 'k', fallbacks: [] } } },
    ],
    [
      'only the fallbacks: the primary and purposes stay',
      { fallbacks: [] },
      { primary: 'a', fallbacks: [], purposes: { coding: { primary: 'k', fallbacks: [] } } },
    ],
    [
      'purposes: replaced whole',
      { purposes: { creative: { primary: 'm', fallbacks: ['n'] } } },
      { primary: 'a', fallbacks: ['f1', 'f2'], purposes: { creative: { primary: 'm', fallbacks: ['n'] } } },
    ],
    ['purposes {}: removed', { purposes: {} }, { primary: 'a', fallbacks: ['f1', 'f2'] }],
  ])('merges a route field by field: %s', (_name, change, expected) => {
    const next = applyModelConfigPatch(withPurposes, { tiers: { free: { routes: { chat: change } } } });
    expect(next.tiers.free.routes.chat).toEqual(expected);
  });

  it.each<[string, ModelConfigPatch['models'], ModelConfigDocument['models']]>([
    [
      'fallbacks added: the model’s other settings stay',
      { a: { fallbacks: ['b', 'c'] } },
      { a: { supports_continuation: true, fallbacks: ['b', 'c'] } },
    ],
    [
      'an empty list: the model has no fallbacks of its own (none are tried)',
      { a: { fallbacks: [] } },
      { a: { supports_continuation: true, fallbacks: [] } },
    ],
    [
      'null: its own list is removed (the route’s apply again)',
      { a: { fallbacks: null } },
      { a: { supports_continuation: true } },
    ],
    [
      'another setting: the fallbacks stay',
      { a: { supports_continuation: false } },
      { a: { supports_continuation: false, fallbacks: ['x'] } },
    ],
  ])('merges a model’s settings field by field: %s', (_name, models, expected) => {
    const withFallbacks = applyModelConfigPatch(document, { models: { a: { fallbacks: ['x'] } } });
    expect(withFallbacks.models).toEqual({ a: { supports_continuation: true, fallbacks: ['x'] } });
    expect(applyModelConfigPatch(withFallbacks, { models }).models).toEqual(expected);
  });

  it('needs a primary for a route that does not exist yet, naming the field', () => {
    const add = () =>
      applyModelConfigPatch(document, { tiers: { premium: { routes: { image: { fallbacks: ['x'] } } } } });
    expect(add).toThrow(DomainError);
    expect(add).toThrow('tiers.premium.routes.image.primary is required');
    expect(
      applyModelConfigPatch(document, { tiers: { premium: { routes: { image: { primary: 'x' } } } } }).tiers
        .premium.routes.image,
    ).toEqual({ primary: 'x', fallbacks: [] });
  });
});
