import {
  getMetadataStorage,
  validate,
  ValidationTypes,
  type ValidationArguments,
  type ValidationError,
  type ValidatorOptions,
} from 'class-validator';
import type { ValidationMetadata } from 'class-validator/types/metadata/ValidationMetadata';
import type { ConstraintMetadata } from 'class-validator/types/metadata/ConstraintMetadata';

type MetadataStorage = ReturnType<typeof getMetadataStorage>;

/** class-validator's decision on an object: no rule failed, one did, or it cannot be told here. */
export type Verdict = 'valid' | 'invalid' | 'ask class-validator';

/** One property's rules, sorted by kind once per class instead of on every validation. */
interface PropertyRules {
  name: string;
  conditions: ValidationMetadata[];
  defined: CustomRule[];
  custom: CustomRule[];
  nested: ValidationMetadata[];
  /** A rule on a promise's resolved value, which only class-validator awaits. */
  awaitsPromise: boolean;
}

interface CustomRule {
  metadata: ValidationMetadata;
  constraints: ConstraintMetadata[];
}

/** The options this path decides exactly as class-validator does; any other sends it there. */
const UNDERSTOOD_OPTIONS = new Set([
  'whitelist',
  'forbidNonWhitelisted',
  'forbidUnknownValues',
  'stopAtFirstError',
  'validationError',
  'always',
  'strictGroups',
  'groups',
]);

/**
 * class-validator, with a fast path for objects that are valid. class-validator builds an error
 * record and six filtered copies of the rules for every declared property of every object it
 * validates, present or not, and then throws them away when nothing failed: for a chat request that
 * was a fifth of everything the api allocated per request. This validator walks the same rules
 * (read from class-validator's own metadata storage, so the same inheritance, groups and nested
 * classes) and calls the same constraint functions, in the order class-validator does, but only
 * keeps a verdict. A valid object is answered with no errors at once; an invalid one, or one this
 * path cannot decide (an async or promise rule, an option it does not implement), is handed to
 * class-validator itself, so every error and its message still come from class-validator.
 *
 * It is used as the ValidationPipe's `validatorPackage`.
 */
export function createFastPathValidator(): FastPathValidator {
  const storage = getMetadataStorage();
  const rulesByMetadatas = new WeakMap<ValidationMetadata[], ClassRules>();

  function rulesOf(metadatas: ValidationMetadata[]): ClassRules {
    let rules = rulesByMetadatas.get(metadatas);
    if (!rules) rulesByMetadatas.set(metadatas, (rules = sortRules(storage, metadatas)));
    return rules;
  }

  function objectVerdict(
    object: object,
    targetSchema: string | undefined,
    options: ValidatorOptions,
  ): Verdict {
    const metadatas = storage.getTargetValidationMetadatas(
      object.constructor,
      targetSchema as string,
      options.always || false,
      options.strictGroups || false,
      options.groups,
    );
    if (!metadatas.length && options.forbidUnknownValues !== false) return 'invalid';
    const rules = rulesOf(metadatas);
    if (options.whitelist) {
      // Also with no rules at all: then every field is one too many.
      for (const key of Object.keys(object)) {
        if (!rules.names.has(key)) {
          // Without forbidNonWhitelisted, class-validator strips the property: let it.
          return options.forbidNonWhitelisted ? 'invalid' : 'ask class-validator';
        }
      }
    }
    for (const property of rules.properties) {
      const verdict = propertyVerdict(object, property, options);
      if (verdict !== 'valid') return verdict;
    }
    return 'valid';
  }

  function propertyVerdict(object: object, property: PropertyRules, options: ValidatorOptions): Verdict {
    const value: unknown = (object as Record<string, unknown>)[property.name];
    if (property.awaitsPromise && value instanceof Promise) return 'ask class-validator';
    for (const condition of property.conditions) {
      if (!(condition.constraints[0] as (object: object, value: unknown) => boolean)(object, value)) {
        return 'valid';
      }
    }
    let verdict = customVerdict(object, value, property.defined);
    if (verdict !== 'valid') return verdict;
    verdict = customVerdict(object, value, property.custom);
    if (verdict !== 'valid') return verdict;
    return nestedVerdict(value, property.nested, options);
  }

  function nestedVerdict(value: unknown, nested: ValidationMetadata[], options: ValidatorOptions): Verdict {
    if (value === undefined) return 'valid';
    for (const metadata of nested) {
      if (Array.isArray(value)) {
        // Each item is validated as a property whose only rules are these nested ones.
        for (let i = 0; i < value.length; i++) {
          if (!(i in value)) continue; // class-validator's forEach skips holes
          const verdict = nestedVerdict(value[i], nested, options);
          if (verdict !== 'valid') return verdict;
        }
      } else if (value instanceof Set || value instanceof Map) {
        for (const item of value.values()) {
          const verdict = nestedVerdict(item, nested, options);
          if (verdict !== 'valid') return verdict;
        }
      } else if (value instanceof Object) {
        const targetSchema = typeof metadata.target === 'string' ? metadata.target : metadata.target.name;
        const verdict = objectVerdict(value, targetSchema, options);
        if (verdict !== 'valid') return verdict;
      } else {
        return 'invalid';
      }
    }
    return 'valid';
  }

  function verdict(object: unknown, options?: ValidatorOptions): Verdict {
    if (typeof object !== 'object' || object === null || !understood(options)) return 'ask class-validator';
    return objectVerdict(object, undefined, options ?? {});
  }

  return {
    verdict,
    getMetadataStorage: () => storage,
    async validate(object: object, options?: ValidatorOptions): Promise<ValidationError[]> {
      return verdict(object, options) === 'valid' ? [] : validate(object, options);
    },
  };
}

/** What the ValidationPipe uses of class-validator (`validatorPackage`), and the verdict alone. */
export interface FastPathValidator {
  validate(object: object, options?: ValidatorOptions): Promise<ValidationError[]>;
  getMetadataStorage(): MetadataStorage;
  /** What this path decides without class-validator, for tests and for a look. */
  verdict(object: unknown, options?: ValidatorOptions): Verdict;
}

function customVerdict(object: object, value: unknown, rules: CustomRule[]): Verdict {
  for (const { metadata, constraints } of rules) {
    if (metadata.validateIf && !metadata.validateIf(object, value)) continue;
    const args: ValidationArguments = {
      targetName: object.constructor?.name,
      property: metadata.propertyName,
      object,
      value,
      constraints: metadata.constraints,
    };
    const each = metadata.each && (Array.isArray(value) || value instanceof Set || value instanceof Map);
    for (const constraint of constraints) {
      if (constraint.async) return 'ask class-validator';
      const verdict = each
        ? itemsVerdict(constraint, value as unknown[] | Set<unknown> | Map<unknown, unknown>, args)
        : valueVerdict(constraint.instance.validate(value, args));
      if (verdict !== 'valid') return verdict;
    }
  }
  return 'valid';
}

/** A rule with `each: true` on an array, a set or a map's values: every item must pass. */
function itemsVerdict(
  constraint: ConstraintMetadata,
  items: unknown[] | Set<unknown> | Map<unknown, unknown>,
  args: ValidationArguments,
): Verdict {
  if (Array.isArray(items)) {
    for (let i = 0; i < items.length; i++) {
      if (!(i in items)) continue; // class-validator maps over the items, which skips holes
      const verdict = valueVerdict(constraint.instance.validate(items[i], args));
      if (verdict !== 'valid') return verdict;
    }
    return 'valid';
  }
  for (const item of items.values()) {
    const verdict = valueVerdict(constraint.instance.validate(item, args));
    if (verdict !== 'valid') return verdict;
  }
  return 'valid';
}

function valueVerdict(valid: unknown): Verdict {
  if (isPromise(valid)) return 'ask class-validator';
  return valid ? 'valid' : 'invalid';
}

/** A class's rules by property, and the names of its properties (for whitelisting). */
interface ClassRules {
  properties: PropertyRules[];
  names: Set<string>;
}

function sortRules(storage: MetadataStorage, metadatas: ValidationMetadata[]): ClassRules {
  const grouped = storage.groupByPropertyName(metadatas) as Record<string, ValidationMetadata[]>;
  const custom = (rules: ValidationMetadata[]): CustomRule[] =>
    rules.map((metadata) => ({
      metadata,
      constraints: storage.getTargetValidatorConstraints(metadata.constraintCls),
    }));
  const properties = Object.keys(grouped).map((name) => {
    const rules = grouped[name];
    const others = rules.filter(
      (rule) => rule.type !== ValidationTypes.IS_DEFINED && rule.type !== ValidationTypes.WHITELIST,
    );
    return {
      name,
      conditions: others.filter((rule) => rule.type === ValidationTypes.CONDITIONAL_VALIDATION),
      defined: custom(rules.filter((rule) => rule.type === ValidationTypes.IS_DEFINED)),
      custom: custom(others.filter((rule) => rule.type === ValidationTypes.CUSTOM_VALIDATION)),
      nested: others.filter((rule) => rule.type === ValidationTypes.NESTED_VALIDATION),
      awaitsPromise: others.some((rule) => rule.type === ValidationTypes.PROMISE_VALIDATION),
    };
  });
  return { properties, names: new Set(Object.keys(grouped).filter((name) => grouped[name].length > 0)) };
}

function understood(options: ValidatorOptions | undefined): boolean {
  if (!options) return true;
  for (const key of Object.keys(options)) {
    if (UNDERSTOOD_OPTIONS.has(key)) continue;
    if (
      (options as Record<string, unknown>)[key] !== undefined &&
      (options as Record<string, unknown>)[key] !== false
    ) {
      return false;
    }
  }
  return true;
}

function isPromise(value: unknown): boolean {
  return (
    value !== null && typeof value === 'object' && typeof (value as { then?: unknown }).then === 'function'
  );
}
