import { describe, expect, it } from 'vitest';
import { zod4Resolver } from 'mantine-form-zod-resolver';
import {
  PRIMARY_PROVIDER,
  configuredModels,
  modelsFor,
  routeFieldFor,
  routeSchema,
  routeToValues,
  valuesToRoute,
  type CatalogModel,
  type ModalityRoute,
  type ModelConfig,
} from './schema';

const route: ModalityRoute = {
  primary: 'meta-llama/Meta-Llama-3.1-8B-Instruct-Turbo',
  fallbacks: ['Qwen/Qwen2.5-7B-Instruct-Turbo', { provider: 'backup', model: 'llama-3-8b' }],
  purposes: { coding: { primary: 'Nexusflow/NexusRaven-V2-13B', fallbacks: [] } },
};

describe('route form', () => {
  it('round-trips a route with a fallback on another provider and a purpose, complete', () => {
    const values = routeToValues(route);
    expect(values.primary).toMatchObject({ provider: PRIMARY_PROVIDER, model: route.primary });
    expect(values.fallbacks[1]).toMatchObject({ provider: 'backup', model: 'llama-3-8b' });
    expect(valuesToRoute(values)).toEqual(route);
  });

  it('starts empty for a modality without a route, and refuses it empty', () => {
    const values = routeToValues(undefined);
    expect(values).toMatchObject({ primary: { model: '' }, fallbacks: [], purposes: [] });
    expect(Object.keys(zod4Resolver(routeSchema)(values))).toEqual(['primary.model']);
  });

  it('refuses a purpose that is not a lowercase word or is listed twice', () => {
    const values = routeToValues(route);
    values.purposes.push({ ...values.purposes[0], key: 'x', name: 'coding' });
    values.purposes.push({ ...values.purposes[0], key: 'y', name: 'Bad Name' });
    expect(Object.keys(zod4Resolver(routeSchema)(values)).sort()).toEqual([
      'purposes.1.name',
      'purposes.2.name',
    ]);
  });

  it.each([
    ['tiers.free.routes.chat.primary', 'primary.model'],
    ['tiers.free.routes.chat.fallbacks[1].provider', 'fallbacks.1.provider'],
    ['tiers.free.routes.chat.fallbacks[0]', 'fallbacks.0.model'],
    ['tiers.free.routes.chat.purposes.coding.fallbacks[0].model', 'purposes.0.fallbacks.0.model'],
    ['tiers.free.routes.chat.purposes.coding', 'purposes.0.name'],
    ['tiers.free.routes.chat.purposes.unknown.primary', undefined],
    ['tiers.premium.routes.chat.primary', undefined],
  ])('puts the API error on %s at %s', (param, field) => {
    expect(routeFieldFor(param, 'free', 'chat', routeToValues(route))).toBe(field);
  });
});

describe('model suggestions', () => {
  const catalog = [
    { id: 'a/chat', modality: 'text', modalities: ['text', 'chat'] },
    { id: 'b/image', modality: 'image', modalities: ['image'] },
  ] as CatalogModel[];

  it('lists the catalog models of a modality', () => {
    expect(modelsFor(catalog, 'chat')).toEqual(['a/chat']);
    expect(modelsFor(catalog, 'image')).toEqual(['b/image']);
  });

  it('adds the models the configuration names (another tier may use models the admin cannot list)', () => {
    const document = {
      tiers: {
        free: { routes: { chat: route }, allowed_models: ['x/allowed'] },
        premium: { routes: { image: { primary: 'b/image', fallbacks: [] } } },
        enterprise: { routes: {} },
      },
      models: { 'y/settings': { supports_continuation: true } },
    } as unknown as ModelConfig;
    expect(configuredModels(document, 'chat')).toEqual([
      'Nexusflow/NexusRaven-V2-13B',
      'Qwen/Qwen2.5-7B-Instruct-Turbo',
      'meta-llama/Meta-Llama-3.1-8B-Instruct-Turbo',
    ]);
    expect(configuredModels(document)).toContain('x/allowed');
    expect(configuredModels(document)).toContain('y/settings');
    expect(configuredModels(document)).not.toContain('llama-3-8b');
  });
});
