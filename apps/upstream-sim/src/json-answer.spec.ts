import { jsonAnswer } from './json-answer';

const WORDS = [' alpha', ' beta', ' gamma', ' delta', ' epsilon', ' zeta'];
const documentOf = (format: Record<string, unknown>, words = WORDS) => jsonAnswer(words, format).join('');

describe('the simulator in JSON mode', () => {
  it('answers json_object (or a schema left out) with {"answer": <the words>}', () => {
    for (const format of [{ type: 'json_object' }, { type: 'json_schema', json_schema: { name: 'x' } }])
      expect(JSON.parse(documentOf(format))).toEqual({ answer: WORDS.join('') });
  });

  it('keeps the token count: as many pieces as words (one for none)', () => {
    expect(jsonAnswer(WORDS, { type: 'json_object' })).toHaveLength(WORDS.length);
    expect(jsonAnswer([], { type: 'json_object' })).toEqual(['{"answer":""}']);
  });

  it('follows a JSON schema, in OpenAI’s form and in Together’s older one', () => {
    const schema = {
      type: 'object',
      properties: {
        name: { type: 'string' },
        age: { type: 'integer', minimum: 18, maximum: 99 },
        score: { type: 'number', exclusiveMaximum: 5 },
        admin: { type: 'boolean' },
        role: { type: 'string', enum: ['owner', 'member'] },
        kind: { const: 'person' },
        email: { type: 'string', format: 'email' },
        born: { type: 'string', format: 'date' },
        tags: { type: 'array', items: { type: 'string' }, minItems: 2 },
        nickname: { type: ['string', 'null'] },
        code: { type: 'string', minLength: 8, maxLength: 8 },
        address: { $ref: '#/$defs/address' },
        contact: { anyOf: [{ type: 'null' }, { type: 'object', properties: { phone: { type: 'string' } } }] },
      },
      required: ['name'],
      $defs: { address: { type: 'object', properties: { city: { type: 'string' } } } },
    };
    const expected = {
      name: 'alpha',
      age: 18,
      score: 4,
      admin: true,
      role: 'owner',
      kind: 'person',
      email: 'sim@example.com',
      born: '2026-01-01',
      tags: ['beta', 'gamma'],
      nickname: 'delta',
      code: 'epsilonx',
      address: { city: 'zeta' },
      contact: { phone: 'alpha' },
    };
    expect(JSON.parse(documentOf({ type: 'json_schema', json_schema: { name: 'p', schema } }))).toEqual(
      expected,
    );
    expect(JSON.parse(documentOf({ type: 'json_schema', schema }))).toEqual(expected);
  });

  it('escapes what the words hold, and stops at a schema that refers to itself', () => {
    const tree = { type: 'object', properties: { label: { type: 'string' }, child: { $ref: '#' } } };
    const document = documentOf({ type: 'json_schema', json_schema: { name: 't', schema: tree } }, [
      ' "quoted"',
      ' back\\slash',
    ]);
    const parsed = JSON.parse(document) as { label: string; child: unknown };
    expect(parsed.label).toBe('"quoted"');
    expect(JSON.stringify(parsed).split('child').length - 1).toBeLessThanOrEqual(9);
  });
});
