import type { DomainError } from '@tiergate/common';
import { createValidationPipe, validateBody } from '../http/validation';
import {
  ClearOverridesQueryDto,
  CreateQuotaRequestDto,
  DenyDto,
  UpdateTierPolicyDto,
  UpdateUserOverridesDto,
} from './quota.dto';

async function refused(validate: Promise<unknown>): Promise<{ param?: string | null; message: string }> {
  const error = (await validate.then(
    () => undefined,
    (thrown: unknown) => thrown,
  )) as DomainError | undefined;
  expect(error).toMatchObject({ code: 'validation_failed' });
  return { param: error?.param, message: error?.message ?? '' };
}

const request = { feature: 'text_generation', requested_limit: 100, reason: 'a class of 30' };

describe('quota DTOs', () => {
  it.each<[string, () => Promise<unknown>, string]>([
    [
      'an unknown feature in a request',
      () => validateBody(CreateQuotaRequestDto, { ...request, feature: 'x' }),
      'feature',
    ],
    [
      'an unknown limit in a request',
      () => validateBody(CreateQuotaRequestDto, { ...request, limit: 'forever' }),
      'limit',
    ],
    ['a denial without a reason', () => validateBody(DenyDto, {}), 'reason'],
    ['a denial with a reason too short', () => validateBody(DenyDto, { reason: 'no' }), 'reason'],
    [
      'a tier limit below 0',
      () => validateBody(UpdateTierPolicyDto, { features: { text_generation: { requests_per_day: -1 } } }),
      'features.text_generation.requests_per_day',
    ],
    [
      'an unknown feature in a tier policy',
      () => validateBody(UpdateTierPolicyDto, { features: { video: { requests_per_day: 1 } } }),
      'features.video',
    ],
    [
      'a user override of an unknown limit',
      () => validateBody(UpdateUserOverridesDto, { features: { text_generation: { per_hour: 1 } } }),
      'features.text_generation.per_hour',
    ],
    [
      'clearing the overrides of an unknown feature',
      () =>
        createValidationPipe().transform(
          { feature: 'video' },
          { type: 'query', metatype: ClearOverridesQueryDto },
        ),
      'feature',
    ],
  ])('refuses %s, naming %s', async (_name, validate, param) => {
    expect((await refused(validate())).param).toBe(param);
  });

  it('says a denial’s reason is required', async () => {
    expect(await refused(validateBody(DenyDto, {}))).toEqual({
      param: 'reason',
      message: 'reason is required',
    });
  });

  it('accepts a request with the default limit, and a query without a feature', async () => {
    const dto = await validateBody(CreateQuotaRequestDto, request);
    expect(dto).toMatchObject({ feature: 'text_generation', requested_limit: 100 });
    expect(dto.limit).toBeUndefined();
    const query = await createValidationPipe().transform(
      {},
      { type: 'query', metatype: ClearOverridesQueryDto },
    );
    expect(query).toEqual(new ClearOverridesQueryDto());
  });
});
