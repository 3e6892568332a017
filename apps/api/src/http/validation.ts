import {
  ArgumentMetadata,
  Type,
  ValidationError,
  ValidationPipe,
  type ValidationPipeOptions,
} from '@nestjs/common';
import { plainToInstance } from 'class-transformer';
import { DomainError, ErrorCode } from '@tiergate/common';
import { cacheValidationMetadata } from './validation-metadata-cache';
import { createFastPathValidator, type FastPathValidator } from './validation-fast-path';

/** `messages.0.role` → `messages[0].role`, the way clients write field paths. */
function fieldPath(parent: string, property: string): string {
  if (/^\d+$/.test(property)) return `${parent}[${property}]`;
  return parent ? `${parent}.${property}` : property;
}

function firstProblem(
  errors: ValidationError[],
  parent = '',
): { field: string; message: string } | undefined {
  for (const error of errors) {
    const field = fieldPath(parent, error.property);
    const constraints = Object.entries(error.constraints ?? {});
    if (constraints.length) {
      const [rule, text] = constraints[0];
      // Only an optional field may be absent, so any rule failing on a missing value means "required",
      // and on null that null is not allowed (the first rule to fail is often a length or size
      // bound, whose message would mislead); so would a bound's on NaN.
      const message =
        rule === 'whitelistValidation'
          ? `${field} is not a recognised field`
          : error.value === undefined
            ? `${field} is required`
            : error.value === null
              ? `${field} must not be null`
              : Number.isNaN(error.value)
                ? `${field} must be a number` // text a query or form field could not be read as one
                : rule === 'nestedValidation'
                  ? `${field} must be an object`
                  : text.replace(error.property, field);
      return { field, message };
    }
    const nested = firstProblem(error.children ?? [], field);
    if (nested) return nested;
  }
  return undefined;
}

/**
 * Rejects bodies that are not JSON objects (arrays, null, strings) before field validation. No body
 * at all is an empty object: a body whose fields are all optional may be left out, and one with
 * required fields names the first one missing.
 *
 * A whole body that the fast path finds valid is returned as soon as class-transformer has built
 * it. Anything else (a rule failed, the fast path cannot tell, class-transformer did not build an
 * instance of the class) goes through Nest's ValidationPipe from the start, with its defences
 * (prototype keys, array gaps, binary values) and class-validator's errors.
 */
class BodyValidationPipe extends ValidationPipe {
  constructor(
    options: ValidationPipeOptions,
    private readonly validator: FastPathValidator = createFastPathValidator(),
  ) {
    super({ ...options, validatorPackage: validator });
  }

  override async transform(value: unknown, metadata: ArgumentMetadata): Promise<unknown> {
    if (metadata.type === 'body' && metadata.data === undefined && value === undefined) value = {};
    const isObject = typeof value === 'object' && value !== null && !Array.isArray(value);
    if (metadata.type === 'body' && !isObject) {
      throw new DomainError(ErrorCode.ValidationFailed, 'The request body must be a JSON object');
    }
    return this.validBody(value as object, metadata) ?? (await super.transform(value, metadata));
  }

  /** The body as an instance of its class when it is certainly valid; otherwise undefined. */
  private validBody(value: object, metadata: ArgumentMetadata): object | undefined {
    const { metatype } = metadata;
    if (metadata.type !== 'body' || metadata.data !== undefined || !metatype || !this.toValidate(metadata)) {
      return undefined;
    }
    const entity = plainToInstance(metatype, value, this.transformOptions) as object;
    if (entity.constructor !== metatype || Object.hasOwn(entity, 'constructor')) return undefined;
    return this.validator.verdict(entity, this.validatorOptions) === 'valid' ? entity : undefined;
  }
}

/** Global validation: unknown fields are rejected, the first problem is named with its field path. */
export function createValidationPipe(): ValidationPipe {
  return bodyValidation;
}

/** Validates a body read by hand (routes that take JSON or multipart) exactly like `@Body()`. */
export async function validateBody<T extends object>(dto: Type<T>, value: unknown): Promise<T> {
  return (await bodyValidation.transform(value, { type: 'body', metatype: dto })) as T;
}

cacheValidationMetadata();

/** class-validator's options for every body (also what the fast path's tests decide under). */
export const BODY_VALIDATOR_OPTIONS = {
  whitelist: true,
  forbidNonWhitelisted: true,
  stopAtFirstError: true,
} as const;

const bodyValidation: ValidationPipe = new BodyValidationPipe({
  ...BODY_VALIDATOR_OPTIONS,
  transform: true,
  transformOptions: { enableImplicitConversion: false },
  exceptionFactory: (errors) => {
    const problem = firstProblem(errors) ?? { field: null, message: 'The request is invalid' };
    return new DomainError(ErrorCode.ValidationFailed, problem.message, { param: problem.field });
  },
});
