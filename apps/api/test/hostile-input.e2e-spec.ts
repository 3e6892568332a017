import { randomUUID } from 'node:crypto';
import type { HttpResult } from '@tiergate/testing';
import { TestApi } from './support/test-api';

/**
 * Hostile JSON bodies on every route that takes one, enumerated from the OpenAPI document so a new
 * route is covered without being listed here: each answer is a 4xx in the one error shape, never
 * a 500, and nothing reaches a prototype.
 */

const WRITE_METHODS = ['post', 'put', 'patch'] as const;

/** The one error body: `{"error": {message, type, code, param}, "request_id"}`. */
function isErrorShape(body: any): boolean {
  const error = body?.error;
  return (
    typeof error?.message === 'string' &&
    typeof error.type === 'string' &&
    typeof error.code === 'string' &&
    (error.param === null || typeof error.param === 'string') &&
    typeof body.request_id === 'string'
  );
}

/** A request body schema, with what these tests read of it. */
interface Schema {
  type?: string;
  properties?: Record<string, Schema>;
  required?: string[];
  $ref?: string;
  allOf?: Schema[];
  oneOf?: Schema[];
  anyOf?: Schema[];
}

interface OpenApiDocument {
  paths: Record<string, Record<string, any>>;
  components: { schemas: Record<string, Schema> };
}

/** `depth` nested arrays, as raw JSON text (JSON.stringify would recurse). */
const nested = (depth: number) => '['.repeat(depth) + ']'.repeat(depth);

describe('hostile request bodies on every write route (e2e)', () => {
  let api: TestApi;
  let admin: string;
  let routes: Array<[string, string]>;
  let document: OpenApiDocument;

  beforeAll(async () => {
    api = await TestApi.start();
    admin = await api.adminToken();
    document = (await api.get<OpenApiDocument>('/docs/openapi.json')).body;
    routes = Object.entries(document.paths).flatMap(([path, operations]) =>
      WRITE_METHODS.filter((method) => operations[method]).map(
        (method) => [method.toUpperCase(), path.replace(/\{[^}]+\}/g, randomUUID())] as [string, string],
      ),
    );
  });
  afterAll(() => api.close());

  /** Sends raw JSON text as the admin to every write route; returns the answers by route. */
  async function sendToAll(raw: string): Promise<Array<[string, HttpResult]>> {
    const answers: Array<[string, HttpResult]> = [];
    for (const [method, path] of routes) {
      const answer = await api.request(method, path, {
        raw,
        token: admin,
        headers: { 'content-type': 'application/json' },
      });
      answers.push([`${method} ${path}`, answer]);
    }
    return answers;
  }

  /** The route and status of every answer that is not `status` with `code`, in the error shape. */
  function unexpected(answers: Array<[string, HttpResult]>, status: number, code: string) {
    return answers
      .filter(
        ([, answer]) =>
          answer.status !== status || answer.body?.error?.code !== code || !isErrorShape(answer.body),
      )
      .map(([route, answer]) => `${route} → ${answer.status} ${answer.text.slice(0, 200)}`);
  }

  it('finds every write route in the OpenAPI document', () => {
    expect(routes.length).toBeGreaterThanOrEqual(30);
    expect(routes).toContainEqual(['POST', '/api/v1/together/chat/completions']);
    expect(routes).toContainEqual(['PUT', '/api/v1/admin/model-config']);
    expect(routes.some(([method]) => method === 'PATCH')).toBe(true);
  });

  it('refuses a body nested 5,000 levels deep with a 400 naming the limit, on every route', async () => {
    const answers = await sendToAll(`{"messages": ${nested(5_000)}}`);
    expect(unexpected(answers, 400, 'validation_failed')).toEqual([]);
    for (const [, answer] of answers) {
      expect(answer.body.error.message).toBe(
        'The request body is nested too deeply: at most 64 levels of objects and arrays',
      );
      expect(answer.body.error.param).toBe('body');
    }
  });

  it('counts objects and arrays alike, and lets strings hold brackets', async () => {
    const deepObjects = '{"a":'.repeat(65) + '1' + '}'.repeat(65);
    const chat = (raw: string) =>
      api.request('POST', '/api/v1/together/chat/completions', {
        raw,
        token: admin,
        headers: { 'content-type': 'application/json' },
      });
    expect((await chat(deepObjects)).body.error.message).toMatch(/at most 64 levels/);
    // 64 levels is allowed through to validation, which names the field.
    const atLimit = await chat(`{"messages": ${nested(63)}}`);
    expect(atLimit.status).toBe(400);
    expect(atLimit.body.error.param).toMatch(/^messages/);
    // Brackets and escaped quotes inside strings are text, not nesting.
    const inString = await chat(
      JSON.stringify({ messages: [{ role: 'user', content: `\\" ${'['.repeat(1_000)}` }], max_tokens: 4 }),
    );
    expect(inString.status).toBe(200);
  });

  it('refuses __proto__ and constructor.prototype keys on every route, and pollutes nothing', async () => {
    for (const raw of [
      '{"__proto__": {"polluted": true}}',
      '{"messages": [{"__proto__": {"polluted": true}}]}',
      '{"constructor": {"prototype": {"polluted": true}}}',
    ]) {
      const answers = await sendToAll(raw);
      expect(unexpected(answers, 400, 'validation_failed')).toEqual([]);
      expect(answers[0][1].body.error.message).toBe(
        'The request body must not contain the keys __proto__ or constructor.prototype',
      );
    }
    // A plain `constructor` field is just an unknown field.
    const answers = await sendToAll('{"constructor": {"name": "x"}}');
    expect(answers.filter(([, answer]) => answer.status >= 500)).toEqual([]);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect((Object.prototype as Record<string, unknown>).polluted).toBeUndefined();
  });

  const TOO_MANY_VALUES =
    'The request body has too many values: at most 100000 object keys and array items in all';

  it('refuses a body of more than 100,000 values with a 400 naming the limit, on every route', async () => {
    // An array of 330,000 numbers: within the 1 MB limit of every route.
    const answers = await sendToAll(`{"extra": [${'0,'.repeat(330_000)}0]}`);
    expect(unexpected(answers, 400, 'validation_failed')).toEqual([]);
    for (const [, answer] of answers)
      expect(answer.body.error).toMatchObject({ message: TOO_MANY_VALUES, param: 'body' });
  });

  it('refuses 1,000,000 items or keys on the route with the largest body limit', async () => {
    const post = (raw: string) =>
      api.request('POST', '/v1/chat/completions', {
        raw,
        token: admin,
        headers: { 'content-type': 'application/json' },
      });
    for (const raw of [
      `{"model": "x", "messages": [${'{},'.repeat(999_999)}{}]}`,
      `[${'0,'.repeat(999_999)}0]`,
      `{${'"k":0,'.repeat(999_999)}"k":0}`,
    ]) {
      const answer = await post(raw);
      expect(answer.status).toBe(400);
      expect(answer.body.error).toMatchObject({
        code: 'validation_failed',
        param: 'body',
        message: TOO_MANY_VALUES,
      });
    }
    // Below the limit, validation answers as usual.
    const wide = await post(`{"model": "x", "messages": [${'0,'.repeat(50_000)}0]}`);
    expect(wide.status).toBe(400);
    expect(wide.body.error.param).toMatch(/^messages/);
  });

  it('says which content types to send (415)', async () => {
    const plain = await api.request('POST', '/api/v1/auth/login', {
      raw: 'email=a@b.c',
      headers: { 'content-type': 'text/plain' },
    });
    expect(plain.status).toBe(415);
    expect(isErrorShape(plain.body)).toBe(true);
    expect(plain.body.error).toMatchObject({
      code: 'unsupported_media_type',
      message:
        'Content-Type text/plain is not accepted: send a JSON body with Content-Type: application/json (file uploads: multipart/form-data)',
    });
    // HTML forms cannot post to the JSON api (no form parser, so no cross-site form submission).
    const form = await api.request('POST', '/api/v1/auth/login', {
      raw: 'email=a%40b.c&password=x',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
    });
    expect(form.status).toBe(415);
    expect(form.body.error.message).toMatch(
      /^Content-Type application\/x-www-form-urlencoded is not accepted/,
    );
  });

  it('reads malformed JSON as a 400 in the error shape', async () => {
    const answers = await sendToAll('{"messages": [');
    expect(unexpected(answers, 400, 'validation_failed')).toEqual([]);
    expect(answers[0][1].body.error.message).toBe('The request body is not valid JSON');
  });

  const resolve = (schema: Schema | undefined): Schema | undefined =>
    schema?.$ref ? document.components.schemas[schema.$ref.split('/').at(-1)!] : schema;

  /** Every write route with a JSON body schema, as [method, concrete path, resolved schema]. */
  function jsonRoutes(): Array<[string, string, Schema]> {
    return Object.entries(document.paths).flatMap(([path, operations]) =>
      WRITE_METHODS.flatMap((method) => {
        const schema = resolve(operations[method]?.requestBody?.content?.['application/json']?.schema);
        if (!schema?.properties) return [];
        return [
          [method.toUpperCase(), path.replace(/\{[^}]+\}/g, randomUUID()), schema] as [
            string,
            string,
            Schema,
          ],
        ];
      }),
    );
  }

  /** A value of a JSON type that the property's schema (or every one of its alternatives) refuses. */
  function wrongValue(property: Schema): unknown {
    const schema = resolve(property)!;
    const options = [schema, ...[schema.oneOf, schema.anyOf, schema.allOf].flat()].map(resolve);
    const allowed = new Set(
      options.flatMap((option) =>
        option?.type === 'integer' ? ['number'] : option?.type ? [option.type] : [],
      ),
    );
    if (schema.$ref || (!allowed.size && schema.properties)) allowed.add('object');
    const candidates: Array<[string, unknown]> = [
      ['object', { not: 'expected' }],
      ['string', 'not expected'],
      ['number', 12345],
      ['array', ['not expected']],
    ];
    return candidates.find(([type]) => !allowed.has(type))![1];
  }

  const send = (method: string, path: string, body: unknown) =>
    api.request(method, path, {
      raw: JSON.stringify(body),
      token: admin,
      headers: { 'content-type': 'application/json' },
    });

  /** Answers that are a 5xx, or a 4xx outside the one error shape. */
  const broken = (route: string, answer: HttpResult) =>
    answer.status >= 500 || (answer.status >= 400 && !isErrorShape(answer.body))
      ? [`${route} → ${answer.status} ${answer.text.slice(0, 200)}`]
      : [];

  it('answers a body missing its required fields with a 400 saying what is required, on every route', async () => {
    const withRequired = jsonRoutes().filter(([, , schema]) => schema.required?.length);
    expect(withRequired.length).toBeGreaterThanOrEqual(10);
    const problems: string[] = [];
    for (const [method, path, schema] of withRequired) {
      const answer = await send(method, path, {});
      const error = answer.body?.error;
      if (
        answer.status !== 400 ||
        !isErrorShape(answer.body) ||
        !schema.required!.includes(String(error.param).split(/[.[]/)[0]) ||
        !/is required/.test(error.message)
      )
        problems.push(`${method} ${path} → ${answer.status} ${answer.text.slice(0, 200)}`);
    }
    expect(problems).toEqual([]);
  });

  it('answers every property given the wrong type with a 4xx in the error shape, on every route', async () => {
    const problems: string[] = [];
    let sent = 0;
    for (const [method, path, schema] of jsonRoutes()) {
      for (const [name, property] of Object.entries(schema.properties!)) {
        const answer = await send(method, path, { [name]: wrongValue(property) });
        sent++;
        problems.push(...broken(`${method} ${path} {${name}}`, answer));
        if (answer.status < 400)
          problems.push(`${method} ${path} {${name}} accepted a wrong type: ${answer.status}`);
      }
    }
    expect(sent).toBeGreaterThanOrEqual(60);
    expect(problems).toEqual([]);
  });

  it('answers huge strings in every string property with a 4xx in the error shape, never a 5xx', async () => {
    const huge = 'x'.repeat(200_000) + '\u0000\ud800'; // with a NUL and a lone surrogate
    const problems: string[] = [];
    for (const [method, path, schema] of jsonRoutes()) {
      const strings = Object.entries(schema.properties!).filter(([, p]) => resolve(p)?.type === 'string');
      if (!strings.length) continue;
      const answer = await send(method, path, Object.fromEntries(strings.map(([name]) => [name, huge])));
      problems.push(...broken(`${method} ${path}`, answer));
    }
    expect(problems).toEqual([]);
    // Past a route's body limit: 413 in the error shape.
    const tooLarge = await send('POST', '/api/v1/auth/login', {
      email: 'x'.repeat(3_000_000),
      password: 'p',
    });
    expect(tooLarge.status).toBe(413);
    expect(isErrorShape(tooLarge.body)).toBe(true);
  });
});
