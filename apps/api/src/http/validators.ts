import { ValidateBy, ValidationOptions, type ValidationArguments } from 'class-validator';

/** A string, or a non-empty array of at most `maxItems` strings (OpenAI's `stop`, `input`). */
export function IsStringOrStringArray(maxItems: number, maxLength: number, options?: ValidationOptions) {
  return ValidateBy(
    {
      name: 'isStringOrStringArray',
      validator: {
        validate: (value: unknown) =>
          (typeof value === 'string' && value.length <= maxLength) ||
          (Array.isArray(value) &&
            value.length > 0 &&
            value.length <= maxItems &&
            value.every((v) => typeof v === 'string' && v.length <= maxLength)),
        defaultMessage: (args) =>
          `${args?.property ?? 'value'} must be a string or an array of at most ${maxItems} strings of at most ${maxLength} characters`,
      },
    },
    options,
  );
}

const IMAGE_URL = /^(https?:\/\/\S+|data:image\/(png|jpeg|jpg|webp|gif);base64,[A-Za-z0-9+/=]+)$/;

export function isImageUrl(value: unknown, maxLength: number): value is string {
  return typeof value === 'string' && value.length <= maxLength && IMAGE_URL.test(value);
}

/** Message content: a string, or parts `{type:"text",text}` / `{type:"image_url",image_url:{url}}`. */
export function IsMessageContent(maxChars: number, maxImageUrlChars: number, options?: ValidationOptions) {
  const validPart = (part: unknown): boolean => {
    if (typeof part !== 'object' || part === null) return false;
    const p = part as { type?: unknown; text?: unknown; image_url?: { url?: unknown } };
    if (p.type === 'text') return typeof p.text === 'string' && p.text.length <= maxChars;
    if (p.type === 'image_url') return isImageUrl(p.image_url?.url, maxImageUrlChars);
    return false;
  };
  return ValidateBy(
    {
      name: 'isMessageContent',
      validator: {
        validate: (value: unknown) =>
          (typeof value === 'string' && value.length <= maxChars) ||
          (Array.isArray(value) && value.length > 0 && value.length <= 32 && value.every(validPart)),
        defaultMessage: (args) =>
          `${args?.property ?? 'content'} must be a string of at most ${maxChars} characters, or up to 32 parts of type text or image_url (an http(s) or data:image URL)`,
      },
    },
    options,
  );
}

export const isPlainObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/** The first key of `value` that is not one of `keys`. */
export const unknownKey = (value: Record<string, unknown>, keys: string[]) =>
  Object.keys(value).find((key) => !keys.includes(key));

/** OpenAI's rule for a function's or a JSON schema's name. */
export const OPENAI_NAME = /^[A-Za-z0-9_-]{1,64}$/;
export const OPENAI_NAME_RULE = '1-64 letters, digits, underscores or dashes';

/**
 * An array whose items are all objects. `ValidateNested({ each: true })` alone lets an item that is
 * itself an array through (it validates the inner array's items, and an empty one has none).
 */
export function IsArrayOfObjects(field: string, options?: ValidationOptions) {
  return ValidateBy(
    {
      name: 'isArrayOfObjects',
      validator: {
        validate: (value: unknown) => Array.isArray(value) && value.every(isPlainObject),
        defaultMessage: (args) => {
          const value: unknown = args?.value;
          if (!Array.isArray(value)) return `${field} must be an array`;
          return `${field}[${value.findIndex((item) => !isPlainObject(item))}] must be an object`;
        },
      },
    },
    options,
  );
}

/** The most entries a `logit_bias` map may hold (OpenAI's limit). */
export const MAX_LOGIT_BIAS_ENTRIES = 300;

function logitBiasProblem(field: string, value: unknown): string | undefined {
  if (!isPlainObject(value)) return `${field} must be an object of token ids to numbers`;
  const entries = Object.entries(value);
  if (entries.length > MAX_LOGIT_BIAS_ENTRIES)
    return `${field} must hold at most ${MAX_LOGIT_BIAS_ENTRIES} token ids`;
  for (const [token, bias] of entries) {
    if (!/^\d{1,10}$/.test(token))
      return `${field} keys must be token ids (digits), not "${token.slice(0, 20)}"`;
    if (typeof bias !== 'number' || !Number.isFinite(bias) || bias < -100 || bias > 100)
      return `${field}.${token} must be a number between -100 and 100`;
  }
  return undefined;
}

/** `logit_bias`: token ids (as strings of digits) to a bias between −100 and 100. */
export const IsLogitBias = (field: string) =>
  CheckedBy('isLogitBias', (value) => logitBiasProblem(field, value));

export const RESPONSE_FORMAT_TYPES = ['text', 'json_object', 'json_schema', 'regex'] as const;
const MAX_RESPONSE_FORMAT_CHARS = 100_000;

/** What is wrong with a `response_format`, naming the sub-field; undefined when nothing is. */
export function responseFormatProblem(field: string, format: unknown): string | undefined {
  if (!isPlainObject(format)) return `${field} must be an object such as {"type": "json_object"}`;
  const allowed = (keys: string[]) => {
    const extra = unknownKey(format, keys);
    return extra && `${field}.${extra} is not a recognised field for type ${String(format.type)}`;
  };
  switch (format.type) {
    case 'text':
      return allowed(['type']);
    case 'json_object':
      return allowed(['type', 'schema']) ?? schemaProblem(`${field}.schema`, format.schema, false);
    case 'json_schema': {
      const problem = allowed(['type', 'json_schema', 'schema']);
      if (problem) return problem;
      if (format.json_schema === undefined) return schemaProblem(`${field}.schema`, format.schema, true);
      const spec = format.json_schema;
      const at = `${field}.json_schema`;
      if (!isPlainObject(spec)) return `${at} must be an object with a name and a schema`;
      const extra = unknownKey(spec, ['name', 'description', 'schema', 'strict']);
      if (extra) return `${at}.${extra} is not a recognised field`;
      if (typeof spec.name !== 'string' || !OPENAI_NAME.test(spec.name))
        return `${at}.name must be ${OPENAI_NAME_RULE}`;
      if (
        spec.description !== undefined &&
        (typeof spec.description !== 'string' || spec.description.length > 1000)
      )
        return `${at}.description must be a string of at most 1000 characters`;
      if (spec.strict !== undefined && typeof spec.strict !== 'boolean')
        return `${at}.strict must be true or false`;
      return schemaProblem(`${at}.schema`, spec.schema, false);
    }
    case 'regex':
      if (typeof format.pattern !== 'string' || format.pattern === '' || format.pattern.length > 10_000)
        return `${field}.pattern must be a regular expression of 1 to 10000 characters`;
      return allowed(['type', 'pattern']);
    default:
      return `${field}.type must be one of ${RESPONSE_FORMAT_TYPES.join(', ')}`;
  }
}

function schemaProblem(field: string, schema: unknown, required: boolean): string | undefined {
  if (schema === undefined) return required ? `${field} is required` : undefined;
  if (!isPlainObject(schema)) return `${field} must be a JSON Schema object`;
  if (JSON.stringify(schema).length > MAX_RESPONSE_FORMAT_CHARS)
    return `${field} must be at most ${MAX_RESPONSE_FORMAT_CHARS} characters of JSON`;
  return undefined;
}

/** `response_format`: text, a JSON object, JSON matching a schema, or text matching a regex. */
export const IsResponseFormat = (field: string) =>
  CheckedBy('isResponseFormat', (value) => responseFormatProblem(field, value));

/**
 * A rule written as a function that names what is wrong (undefined when nothing is), from the
 * value and the object it is on: the message says exactly which part failed.
 */
export function CheckedBy(
  name: string,
  check: (value: unknown, object: Record<string, unknown>) => string | undefined,
) {
  const problem = (args: ValidationArguments) => check(args.value, args.object as Record<string, unknown>);
  return ValidateBy({
    name,
    validator: {
      validate: (_value: unknown, args?: ValidationArguments) =>
        args !== undefined && problem(args) === undefined,
      defaultMessage: (args?: ValidationArguments) => (args && problem(args)) ?? `${name} failed`,
    },
  });
}

/** OpenAI's `metadata`: at most 16 keys of 64 characters, each a string of at most 512. */
export function metadataProblem(value: unknown): string | undefined {
  if (typeof value !== 'object' || value === null || Array.isArray(value))
    return 'metadata must be an object of strings';
  const entries = Object.entries(value);
  if (entries.length > 16) return 'metadata must have at most 16 keys';
  for (const [key, item] of entries) {
    if (key.length > 64) return `metadata key ${key.slice(0, 64)}… is longer than 64 characters`;
    if (typeof item !== 'string' || item.length > 512)
      return `metadata.${key} must be a string of at most 512 characters`;
  }
  return undefined;
}
