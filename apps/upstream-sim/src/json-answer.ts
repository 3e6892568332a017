/**
 * What a model in JSON mode answers, as the simulator writes it: with a JSON schema
 * (`response_format: {type: "json_schema", json_schema: {schema}}`, or Together's older
 * `{type: "json_schema", schema}`), one document that follows it, its text taken from the
 * answer's words (as constrained decoding makes a real model do); without one (`json_object`, or
 * a schema left out), `{"answer": "<the words>"}`. The document comes back cut into as many
 * pieces as there were words, so the answer's token count stays what the prompt asked for.
 */

type Schema = Record<string, unknown>;

const MAX_DEPTH = 8;

export function jsonAnswer(words: string[], responseFormat: Record<string, unknown>): string[] {
  const schema = schemaOf(responseFormat);
  const document = schema
    ? JSON.stringify(new SchemaFiller(schema, words).value(schema, 0))
    : JSON.stringify({ answer: words.join('') });
  return pieces(document, Math.max(words.length, 1));
}

function schemaOf(format: Record<string, unknown>): Schema | undefined {
  if (format.type !== 'json_schema') return undefined;
  const spec = format.json_schema as Schema | undefined;
  const schema = (spec && typeof spec === 'object' ? spec.schema : undefined) ?? format.schema;
  return isObject(schema) ? schema : undefined;
}

/** The text cut into `count` pieces of about the same length (none empty, unless the text is short). */
function pieces(text: string, count: number): string[] {
  const size = Math.ceil(text.length / count);
  return Array.from({ length: count }, (_, i) => text.slice(i * size, (i + 1) * size));
}

class SchemaFiller {
  private next = 0;

  constructor(
    private readonly root: Schema,
    private readonly words: string[],
  ) {}

  value(schema: unknown, depth: number): unknown {
    if (!isObject(schema) || depth > MAX_DEPTH) return this.text();
    if (typeof schema.$ref === 'string') return this.value(this.resolve(schema.$ref), depth + 1);
    if ('const' in schema) return schema.const;
    if (Array.isArray(schema.enum) && schema.enum.length) return schema.enum[0];
    const choice = (schema.anyOf ?? schema.oneOf ?? schema.allOf) as unknown[] | undefined;
    if (Array.isArray(choice) && choice.length)
      return this.value(choice.find((option) => !isNullType(option)) ?? choice[0], depth + 1);
    const type: unknown = Array.isArray(schema.type)
      ? ((schema.type as unknown[]).find((t) => t !== 'null') ?? 'null')
      : (schema.type ?? (isObject(schema.properties) ? 'object' : 'string'));
    switch (type) {
      case 'object':
        return Object.fromEntries(
          Object.entries(isObject(schema.properties) ? schema.properties : {}).map(([key, property]) => [
            key,
            this.value(property, depth + 1),
          ]),
        );
      case 'array': {
        const count = Math.max(typeof schema.minItems === 'number' ? schema.minItems : 1, 1);
        const length = typeof schema.maxItems === 'number' ? Math.min(count, schema.maxItems) : count;
        return Array.from({ length }, () => this.value(schema.items, depth + 1));
      }
      case 'integer':
      case 'number':
        return bounded(schema, type === 'integer' ? 7 : 7.5);
      case 'boolean':
        return true;
      case 'null':
        return null;
      default:
        return this.string(schema);
    }
  }

  private string(schema: Schema): string {
    switch (schema.format) {
      case 'date-time':
        return '2026-01-01T00:00:00Z';
      case 'date':
        return '2026-01-01';
      case 'time':
        return '00:00:00';
      case 'email':
        return 'sim@example.com';
      case 'uri':
      case 'url':
        return 'https://example.com/';
      case 'uuid':
        return '00000000-0000-4000-8000-000000000000';
    }
    let text = this.text();
    if (typeof schema.minLength === 'number') text = text.padEnd(schema.minLength, 'x');
    if (typeof schema.maxLength === 'number') text = text.slice(0, schema.maxLength);
    return text;
  }

  /** The next word of the answer (round and round), as a string value's text. */
  private text(): string {
    if (!this.words.length) return '';
    return this.words[this.next++ % this.words.length].trim();
  }

  private resolve(ref: string): unknown {
    if (ref === '#') return this.root;
    const path = ref.replace(/^#\//, '').split('/');
    let at: unknown = this.root;
    for (const part of path) at = isObject(at) ? at[part.replace(/~1/g, '/').replace(/~0/g, '~')] : undefined;
    return at;
  }
}

function bounded(schema: Schema, preferred: number): number {
  const low =
    typeof schema.minimum === 'number'
      ? schema.minimum
      : typeof schema.exclusiveMinimum === 'number'
        ? schema.exclusiveMinimum + 1
        : undefined;
  const high =
    typeof schema.maximum === 'number'
      ? schema.maximum
      : typeof schema.exclusiveMaximum === 'number'
        ? schema.exclusiveMaximum - 1
        : undefined;
  let value = preferred;
  if (low !== undefined && value < low) value = low;
  if (high !== undefined && value > high) value = high;
  return value;
}

const isObject = (value: unknown): value is Schema =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

const isNullType = (schema: unknown) => isObject(schema) && schema.type === 'null';
