import { ValidateBy, ValidationOptions } from 'class-validator';

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

const isPlainObject = (value: unknown) =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

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
