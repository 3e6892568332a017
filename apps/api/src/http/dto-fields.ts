import { applyDecorators, type Type as Class } from '@nestjs/common';
import { ApiProperty, ApiPropertyOptional, getSchemaPath } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  IsIn,
  IsInt,
  IsNumber,
  IsObject,
  IsOptional,
  IsString,
  Matches,
  Max,
  MaxLength,
  Min,
  MinLength,
  ValidateIf,
  ValidateNested,
} from 'class-validator';
import { MODALITIES, ROLES, TIERS } from '@tiergate/common';

/**
 * The optional request fields every surface shares, each written once: the same bounds and the
 * same messages (naming the field) on the Together surface's DTOs and OpenAI's.
 */

export const MAX_OUTPUT_TOKENS = 32_768;
export const MODEL_ID = /^[\w.\-/:]{1,200}$/;
const PURPOSE = /^[a-z][a-z_]{0,31}$/;

/** `model`: a model id; `example` completes "model must be a model id such as …". */
export const ModelField = (example: string, description?: string) =>
  applyDecorators(
    ApiPropertyOptional({ example, description }),
    IsOptional(),
    Matches(MODEL_ID, { message: `model must be a model id such as ${example}` }),
  );

export const PROVIDER_ID = /^[A-Za-z][\w-]{0,63}$/;
export const PROVIDER_ID_MESSAGE = 'provider must be a provider id such as together_ai';

/**
 * `provider`: the provider to route the request to (as the `x-provider` header does), one the
 * caller's tier may use; read by the Call decorator (http/call-context.ts).
 */
export const ProviderField = () =>
  applyDecorators(
    ApiPropertyOptional({
      example: 'together_ai',
      description: 'Route to this provider (`together` or an admin-added one); same as the x-provider header',
    }),
    IsOptional(),
    Matches(PROVIDER_ID, { message: PROVIDER_ID_MESSAGE }),
  );

/** `purpose`: what the answer is for; `examples` completes "such as …". */
export const PurposeField = (examples: string, example?: string) =>
  applyDecorators(
    ApiPropertyOptional({ example, description: 'What the answer is for; selects the model with the tier' }),
    IsOptional(),
    Matches(PURPOSE, { message: `purpose must be a lowercase word such as ${examples}` }),
  );

/** An output-token bound (`max_tokens`, `max_completion_tokens`). */
export const MaxTokensField = (name = 'max_tokens') =>
  applyDecorators(
    ApiPropertyOptional({ minimum: 1, maximum: MAX_OUTPUT_TOKENS, example: 256 }),
    IsOptional(),
    IsInt({ message: `${name} must be an integer` }),
    Min(1, { message: `${name} must be at least 1` }),
    Max(MAX_OUTPUT_TOKENS, { message: `${name} must be at most ${MAX_OUTPUT_TOKENS}` }),
  );

/** A finite number in [min, max], named in every message. */
export const BoundedNumberField = (name: string, min: number, max: number, example?: number) =>
  applyDecorators(
    ApiPropertyOptional({ minimum: min, maximum: max, example }),
    IsOptional(),
    IsNumber({ allowNaN: false, allowInfinity: false }, { message: `${name} must be a number` }),
    Min(min, { message: `${name} must be between ${min} and ${max}` }),
    Max(max, { message: `${name} must be between ${min} and ${max}` }),
  );

/** A sampling seed: any 64-bit integer, signed or not (Together answers with unsigned ones). */
const SEED_RANGE = 'seed must be an integer from -2^63 to 2^64 - 1';
export const SeedField = () =>
  applyDecorators(
    ApiPropertyOptional({ type: 'integer' }),
    IsOptional(),
    IsInt({ message: 'seed must be an integer' }),
    Min(-(2 ** 63), { message: SEED_RANGE }),
    Max(2 ** 64 - 1, { message: SEED_RANGE }),
  );

/** A short name people give something (`label`, `name`): 1-100 characters, no control characters. */
export const LabelField = (field: string, options: { optional?: boolean; example?: string } = {}) =>
  applyDecorators(
    options.optional
      ? ApiPropertyOptional({ maxLength: 100, example: options.example })
      : ApiProperty({ maxLength: 100, example: options.example }),
    ...(options.optional ? [IsOptional()] : []),
    IsString(),
    MinLength(1, { message: `${field} must not be empty` }),
    MaxLength(100, { message: `${field} must be at most 100 characters` }),
    Matches(/^\P{Cc}*$/u, { message: `${field} must not contain control characters` }),
  );

/** Shared enums, each one named schema in the OpenAPI document (one type for the dashboard). */
export const TIER_ENUM = { enum: TIERS, enumName: 'Tier' };
export const ROLE_ENUM = { enum: ROLES, enumName: 'Role' };
export const MODALITY_ENUM = { enum: MODALITIES, enumName: 'Modality' };

/** An optional `tier` (a filter or a change). */
export const TierField = () =>
  applyDecorators(
    ApiPropertyOptional(TIER_ENUM),
    IsOptional(),
    IsIn(TIERS, { message: `tier must be one of ${TIERS.join(', ')}` }),
  );

/** An optional `role` (a filter or a change). */
export const RoleField = () =>
  applyDecorators(
    ApiPropertyOptional(ROLE_ENUM),
    IsOptional(),
    IsIn(ROLES, { message: `role must be one of ${ROLES.join(', ')}` }),
  );

/**
 * Optional, but not null: absent leaves a value as it is, while `null` is refused (fields where
 * null means something, such as "unlimited", use `IsOptional` instead).
 */
export const IsPresentOptional = () => ValidateIf((_: object, value: unknown) => value !== undefined);

/** A nested object, validated field by field (unknown fields refused, each named with its path). */
export const NestedField = (
  type: () => Class<object>,
  options: { optional?: boolean; description?: string } = {},
) =>
  applyDecorators(
    (options.optional ? ApiPropertyOptional : ApiProperty)({
      // A property named `type` holding an arrow: how @nestjs/swagger recognises a lazy type.
      type: () => type(),
      description: options.description,
    }),
    ...(options.optional ? [IsPresentOptional()] : []),
    IsObject({ message: ({ property }) => `${property} must be an object` }),
    ValidateNested(),
    Type(type),
  );

/**
 * An object keyed by names that are not known in advance (model ids, purposes): read as a `Map`
 * so each value is validated as `type`, and documented as an object of `type` values. The
 * controller declares `type` with `@ApiExtraModels`.
 */
export const MapField = (
  type: () => Class<object>,
  options: { optional?: boolean; description?: string; example?: unknown } = {},
) =>
  applyDecorators(
    (options.optional ? ApiPropertyOptional : ApiProperty)({
      type: 'object',
      additionalProperties: { $ref: getSchemaPath(type()) },
      description: options.description,
      example: options.example,
    }),
    ...(options.optional ? [IsPresentOptional()] : []),
    IsObject({ message: ({ property }) => `${property} must be an object` }),
    ValidateNested(),
    Type(type),
  );
