import { randomUUID } from 'node:crypto';
import { TestApi } from './support/test-api';

/**
 * Text PostgreSQL cannot store (a NUL) and strings that are not Unicode text (an unpaired UTF-16
 * surrogate, bytes that are not UTF-8), sent wherever a client can put text: every string property
 * of every JSON body, every path and query parameter, multipart fields. Each is a 400 in the one
 * error shape naming where it was, before it reaches a validator, the database or the upstream.
 */

interface Operation {
  method: string;
  path: string;
  parameters: Array<{ in: string; name: string }>;
  bodySchema?: { properties?: Record<string, { type?: string }> };
}

const NUL = 'a\u0000b';
const LONE_SURROGATE = 'x\ud800y';

describe('text the api refuses: NUL characters and broken Unicode (e2e)', () => {
  let api: TestApi;
  let admin: string;
  let operations: Operation[];

  beforeAll(async () => {
    api = await TestApi.start();
    admin = await api.adminToken();
    const document = (await api.get('/docs/openapi.json')).body;
    const schemaOf = (schema: any) =>
      schema?.$ref ? document.components.schemas[schema.$ref.split('/').at(-1)] : schema;
    operations = Object.entries(document.paths as Record<string, Record<string, any>>).flatMap(
      ([path, byMethod]) =>
        Object.entries(byMethod).map(([method, operation]) => ({
          method: method.toUpperCase(),
          path,
          parameters: operation.parameters ?? [],
          bodySchema: schemaOf(operation.requestBody?.content?.['application/json']?.schema),
        })),
    );
  });
  afterAll(() => api.close());

  const sendJson = (method: string, path: string, body: unknown) =>
    api.request(method, path, { body, token: admin });

  it.each([
    ['a NUL', NUL, /contains a NUL character/],
    ['an unpaired surrogate', LONE_SURROGATE, /contains an unpaired UTF-16 surrogate/],
  ])(
    'refuses %s in any string property of any JSON body, naming the property',
    async (_what, bad, message) => {
      const problems: string[] = [];
      let sent = 0;
      for (const { method, path, bodySchema } of operations) {
        const concrete = path.replace(/\{[^}]+\}/g, randomUUID());
        for (const [name, property] of Object.entries(bodySchema?.properties ?? {})) {
          if (property.type !== 'string') continue;
          const answer = await sendJson(method, concrete, { [name]: bad });
          sent++;
          const error = answer.body?.error;
          if (
            answer.status !== 400 ||
            error?.code !== 'validation_failed' ||
            error.param !== name ||
            !message.test(error.message)
          )
            problems.push(`${method} ${path} {${name}} → ${answer.status} ${answer.text.slice(0, 160)}`);
        }
      }
      expect(sent).toBeGreaterThanOrEqual(40);
      expect(problems).toEqual([]);
    },
  );

  it('names the field deep inside a body, and a key', async () => {
    const deep = await sendJson('POST', '/v1/chat/completions', {
      messages: [
        { role: 'system', content: 'be brief' },
        { role: 'user', content: [{ type: 'text', text: NUL }] },
      ],
    });
    expect(deep.status).toBe(400);
    expect(deep.body.error).toMatchObject({
      code: 'validation_failed',
      param: 'messages[1].content[0].text',
      message: 'messages[1].content[0].text contains a NUL character (\\u0000), which is not accepted',
    });
    const key = await sendJson('POST', '/v1/chat/completions', { messages: [{ [LONE_SURROGATE]: 1 }] });
    expect(key.status).toBe(400);
    expect(key.body.error.param).toBe('messages[0]');
    expect(key.body.error.message).toMatch(/^messages\[0\] has a key that contains an unpaired/);
  });

  it('accepts surrogate pairs and a backslash followed by u0000 as text', async () => {
    const { token } = await api.user();
    const raw = '{"name": "\\ud83d\\ude00 \\\\u0000"}'; // an emoji as escapes, and the text \u0000
    const created = await api.request('POST', '/api/v1/me/api-keys', {
      raw,
      token,
      headers: { 'content-type': 'application/json' },
    });
    expect(created.status).toBe(201);
    expect(created.body.name).toBe('😀 \\u0000');
  });

  it('refuses a body that is not UTF-8', async () => {
    const response = await fetch(`${api.url}/api/v1/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: Buffer.concat([Buffer.from('{"email": "'), Buffer.from([0xff, 0xfe]), Buffer.from('"}')]),
    });
    expect(response.status).toBe(400);
    expect(((await response.json()) as { error: unknown }).error).toMatchObject({
      code: 'validation_failed',
      param: 'body',
      message: 'The request body is not valid UTF-8',
    });
  });

  it('refuses a NUL in any path parameter of any route, naming the parameter', async () => {
    const problems: string[] = [];
    const withPathParameters = operations.filter(({ path }) => path.includes('{'));
    expect(withPathParameters.length).toBeGreaterThanOrEqual(25);
    for (const { method, path } of withPathParameters) {
      const name = /\{([^}]+)\}/.exec(path)![1];
      const concrete = path.replace(`{${name}}`, 'a%00b').replace(/\{[^}]+\}/g, randomUUID());
      const answer = await api.request(method, concrete, { token: admin });
      if (answer.status !== 400 || answer.body?.error?.param !== name)
        problems.push(`${method} ${concrete} → ${answer.status} ${answer.text.slice(0, 160)}`);
    }
    expect(problems).toEqual([]);
  });

  it('refuses a NUL in any query parameter, naming it', async () => {
    const problems: string[] = [];
    let sent = 0;
    for (const { method, path, parameters } of operations) {
      const concrete = path.replace(/\{[^}]+\}/g, randomUUID());
      for (const { name } of parameters.filter((parameter) => parameter.in === 'query')) {
        const answer = await api.request(method, `${concrete}?${name}=x%00`, { token: admin });
        sent++;
        if (answer.status !== 400 || answer.body?.error?.param !== name)
          problems.push(`${method} ${path}?${name} → ${answer.status} ${answer.text.slice(0, 160)}`);
      }
    }
    expect(sent).toBeGreaterThanOrEqual(10);
    expect(problems).toEqual([]);
  });

  it('answers a path it cannot decode in the error shape, with a request id', async () => {
    const answer = await api.request('GET', '/v1/batches/%ED%A0%80', { token: admin });
    expect(answer.status).toBe(400);
    expect(answer.body).toEqual({
      error: {
        message: 'The URL is not valid: a percent-escape in its path does not encode UTF-8 text',
        type: 'invalid_request_error',
        code: 'validation_failed',
        param: 'url',
      },
      request_id: expect.any(String),
    });
    expect(answer.headers.get('x-request-id')).toBe(answer.body.request_id);
  });

  it('refuses a NUL in a multipart field and in an uploaded file name', async () => {
    const upload = async (purpose: string, fileName: string) => {
      const form = new FormData();
      form.append('purpose', purpose);
      form.append('file', new Blob(['{}\n'], { type: 'application/jsonl' }), fileName);
      const response = await fetch(`${api.url}/v1/files`, {
        method: 'POST',
        headers: { authorization: `Bearer ${admin}` },
        body: form,
      });
      return { status: response.status, error: ((await response.json()) as { error: unknown }).error };
    };
    const field = await upload(`batch${'\u0000'}`, 'requests.jsonl');
    expect(field.status).toBe(400);
    expect(field.error).toMatchObject({ code: 'validation_failed', param: 'purpose' });
    const fileName = await upload('batch', `requests${'\u0000'}.jsonl`);
    expect(fileName.status).toBe(400);
    expect(fileName.error).toMatchObject({ code: 'validation_failed', param: 'file' });
  });

  it('names a form field with no name, and one cut short by the field size limit', async () => {
    const send = async (part: string) => {
      const response = await fetch(`${api.url}/v1/audio/transcriptions`, {
        method: 'POST',
        headers: { authorization: `Bearer ${admin}`, 'content-type': 'multipart/form-data; boundary=b' },
        body: `--b\r\n${part}\r\n--b--\r\n`,
      });
      return { status: response.status, error: ((await response.json()) as { error: unknown }).error };
    };
    expect(await send('Content-Disposition: form-data\r\n\r\nx')).toEqual({
      status: 400,
      error: expect.objectContaining({ message: 'A form field has no name' }),
    });
    expect(await send(`Content-Disposition: form-data; name="prompt"\r\n\r\n${'p'.repeat(70_000)}`)).toEqual({
      status: 400,
      error: expect.objectContaining({ param: 'prompt', message: 'prompt is longer than 65536 bytes' }),
    });
  });
});
