import type { DomainError } from '@tiergate/common';
import { validateBody } from '../../http/validation';
import { UpdateModelConfigDto } from './model-config.dto';

/** The field a body is refused for, as the api names it (undefined when accepted). */
async function refusedField(body: object): Promise<string | null | undefined> {
  try {
    await validateBody(UpdateModelConfigDto, body);
    return undefined;
  } catch (error) {
    expect(error).toMatchObject({ code: 'validation_failed' });
    return (error as DomainError).param;
  }
}

/**
 * The shape of `PUT /api/v1/admin/model-config` is the DTO's; what depends on the data (model ids
 * with their exact path, providers that exist, purpose names) is checked in libs/model-selector.
 */
describe('UpdateModelConfigDto', () => {
  it.each<[string, object, string]>([
    ['a tier that does not exist', { tiers: { gold: { routes: {} } } }, 'tiers.gold'],
    [
      'a modality that does not exist',
      { tiers: { free: { routes: { video: { primary: 'x' } } } } },
      'tiers.free.routes.video',
    ],
    [
      'a null primary',
      { tiers: { free: { routes: { chat: { primary: null } } } } },
      'tiers.free.routes.chat.primary',
    ],
    [
      'a purpose route without its primary',
      { tiers: { free: { routes: { chat: { purposes: { coding: { fallbacks: [] } } } } } } },
      'tiers.free.routes.chat.purposes.coding.primary',
    ],
    [
      'more than 10 fallbacks',
      { tiers: { free: { routes: { chat: { fallbacks: Array.from({ length: 11 }, (_, i) => `m${i}`) } } } } },
      'tiers.free.routes.chat.fallbacks',
    ],
    [
      'an allow-list that is not a list',
      { tiers: { free: { allowed_models: 'x' } } },
      'tiers.free.allowed_models',
    ],
    ['a model’s fallbacks that are not a list', { models: { x: { fallbacks: 'y' } } }, 'models.x.fallbacks'],
    [
      'a model setting that is not a boolean',
      { models: { x: { supports_continuation: 'yes' } } },
      'models.x.supports_continuation',
    ],
    ['an unknown model setting', { models: { x: { weight: 2 } } }, 'models.x.weight'],
    ['models that are not an object', { models: ['x'] }, 'models'],
    ['force that is not a boolean', { force: 'yes' }, 'force'],
    ['an unknown top-level field', { colour: 'blue' }, 'colour'],
  ])('refuses %s, naming %s', async (_name, body, param) => {
    expect(await refusedField(body)).toBe(param);
  });

  it('turns a body into the library’s patch with only the fields sent (null removes a model’s own fallbacks)', async () => {
    const dto = await validateBody(UpdateModelConfigDto, {
      tiers: {
        premium: {
          routes: {
            chat: { primary: 'a' },
            code: { fallbacks: null, purposes: { review: { primary: { model: 'b', provider: 'backup' } } } },
          },
        },
      },
      models: { a: { fallbacks: null }, b: { supports_continuation: true, fallbacks: ['c'] } },
      force: true,
    });
    expect(dto.force).toBe(true);
    expect(dto.toPatch()).toEqual({
      tiers: {
        premium: {
          routes: {
            chat: { primary: 'a' },
            code: {
              fallbacks: [],
              purposes: { review: { primary: { model: 'b', provider: 'backup' }, fallbacks: [] } },
            },
          },
        },
      },
      models: { a: { fallbacks: null }, b: { supports_continuation: true, fallbacks: ['c'] } },
    });
  });
});
