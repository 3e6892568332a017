import 'reflect-metadata';
import { IsInt, IsString, MetadataStorage, Min, validate } from 'class-validator';
import { cacheValidationMetadata } from './validation-metadata-cache';
import { validateBody } from './validation';

class Base {
  @IsString()
  name!: string;
}

class Child extends Base {
  @IsInt()
  @Min(1)
  count!: number;
}

describe('cacheValidationMetadata', () => {
  it('validates exactly as before: own and inherited rules, repeatedly', async () => {
    for (let i = 0; i < 3; i++) {
      await expect(validateBody(Child, { name: 'a', count: 2 })).resolves.toMatchObject({
        name: 'a',
        count: 2,
      });
      await expect(validateBody(Child, { name: 'a', count: 0 })).rejects.toMatchObject({
        param: 'count',
      });
      await expect(validateBody(Child, { name: 7, count: 1 })).rejects.toMatchObject({
        param: 'name',
      });
    }
  });

  it('answers the lookup from memory, and forgets it when a rule is added to any class', () => {
    const storage = new MetadataStorage();
    const lookup = jest.spyOn(storage, 'getTargetValidationMetadatas');
    cacheValidationMetadata(storage);
    const first = storage.getTargetValidationMetadatas(Child, '', false, false);
    expect(storage.getTargetValidationMetadatas(Child, '', false, false)).toBe(first);
    expect(lookup).toHaveBeenCalledTimes(1);
    expect(storage.getTargetValidationMetadatas(Child, '', true, false)).not.toBe(first);
    expect(lookup).toHaveBeenCalledTimes(2);

    type Rule = Parameters<MetadataStorage['addValidationMetadata']>[0];
    storage.addValidationMetadata({
      type: 'isDefined',
      target: Base,
      propertyName: 'extra',
    } as unknown as Rule);
    storage.getTargetValidationMetadatas(Child, '', false, false);
    expect(lookup).toHaveBeenCalledTimes(3);
  });

  it('still sees a class defined after the first validation', async () => {
    await validate(Object.assign(new Child(), { name: 'x', count: 1 }));
    class Later extends Base {
      @IsInt()
      size!: number;
    }
    await expect(validateBody(Later, { name: 'x', size: 'big' })).rejects.toMatchObject({
      param: 'size',
    });
  });
});
