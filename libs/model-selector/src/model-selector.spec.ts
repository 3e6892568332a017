import { ErrorCode } from '@tiergate/common';
import type { ApiConfig } from '@tiergate/config';
import type { ProviderRegistry } from '@tiergate/provider';
import type { ModelConfigService } from './model-config.service';
import type { ModelConfigDocument } from './model-config.types';
import { ModelSelector, RouteMisconfiguredError } from './model-selector';

const P = 'together_ai';
const selectorFor = (document: ModelConfigDocument) =>
  new ModelSelector(
    { document } as ModelConfigService,
    { primary: { id: P } } as ProviderRegistry,
    { models: { chat: 'default-chat' } } as ApiConfig,
  );

const base: ModelConfigDocument = {
  tiers: {
    free: {
      routes: {
        chat: {
          primary: 'a',
          fallbacks: ['b', 'c'],
          purposes: { coding: { primary: 'k', fallbacks: ['a'] } },
        },
      },
      allowed_models: ['named', 'other'],
    },
    premium: { routes: {} },
    enterprise: { routes: {} },
  },
  models: {},
};
const withModels = (models: ModelConfigDocument['models']) => selectorFor({ ...base, models });
const models = (selection: { chain: Array<{ model: string }> }) => selection.chain.map((c) => c.model);

describe('ModelSelector', () => {
  it.each<[string, ModelConfigDocument['models'], string | undefined, string[]]>([
    [
      'the route when the caller names nothing',
      { named: { fallbacks: ['other'] } },
      undefined,
      ['a', 'b', 'c'],
    ],
    ['a named model without its own fallbacks: the route’s', {}, 'named', ['named', 'a', 'b', 'c']],
    [
      'a named model’s own fallbacks take precedence',
      { named: { fallbacks: ['other', 'c'] } },
      'named',
      ['named', 'other', 'c'],
    ],
    ['its own empty list: no fallbacks at all', { named: { fallbacks: [] } }, 'named', ['named']],
    [
      'its own fallbacks never go above the tier (a model the tier may not use is left out)',
      { named: { fallbacks: ['premium-only', 'b'] } },
      'named',
      ['named', 'b'],
    ],
    ['a route model named: its own fallbacks too', { b: { fallbacks: ['c'] } }, 'b', ['b', 'c']],
  ])('%s', (_name, settings, model, expected) => {
    const selection = withModels(settings).select({ tier: 'free', modality: 'chat', model });
    expect(models(selection)).toEqual(expected);
    expect(selection.requested).toBe(model !== undefined);
  });

  it('says where a chain comes from, for errors that point an admin at it', () => {
    const selector = withModels({ named: { fallbacks: ['other'] } });
    expect(selector.select({ tier: 'free', modality: 'chat' }).source).toBe(
      "the free tier's chat route (tiers.free.routes.chat)",
    );
    expect(selector.select({ tier: 'free', modality: 'chat', purpose: 'coding' }).source).toBe(
      `the free tier's chat route for purpose "coding" (tiers.free.routes.chat.purposes.coding)`,
    );
    expect(selector.select({ tier: 'free', modality: 'chat', model: 'named' }).source).toContain(
      'models.named.fallbacks',
    );
    expect(selector.select({ tier: 'premium', modality: 'chat' })).toMatchObject({
      chain: [{ providerId: P, model: 'default-chat' }],
      source: expect.stringContaining("platform's default chat model"),
    });
  });

  it('a route that names no model is the configuration’s problem (503 route_misconfigured), not the caller’s', () => {
    const broken = selectorFor({
      ...base,
      tiers: {
        ...base.tiers,
        free: { routes: { chat: { primary: '', fallbacks: [], purposes: {} } } },
      },
    });
    const select = () => broken.select({ tier: 'free', modality: 'chat' });
    expect(select).toThrow(RouteMisconfiguredError);
    expect(select).toThrow(/free tier's chat route \(tiers\.free\.routes\.chat\) names no model/);
    let caught: unknown;
    try {
      select();
    } catch (error) {
      caught = error;
    }
    expect(caught).toMatchObject({ code: ErrorCode.RouteMisconfigured });
  });
});
