import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { TestApi } from './support/test-api';

const ROOT = resolve(__dirname, '../../..');
const API_TYPES_FILE = 'apps/dashboard/src/api/schema.d.ts';

/**
 * Renders the types exactly as `npm run api:types` does, in plain Node (openapi-typescript loads
 * ESM dependencies that Jest's module system cannot): the compiled scripts/openapi/api-types.js,
 * which the test setup builds.
 */
function renderApiTypes(document: unknown): string {
  const script = `require(${JSON.stringify(resolve(ROOT, 'dist/scripts/openapi/api-types.js'))})
    .renderApiTypes(JSON.parse(require('node:fs').readFileSync(0, 'utf8')))
    .then((types) => process.stdout.write(types));`;
  return execFileSync(process.execPath, ['-e', script], {
    input: JSON.stringify(document),
    maxBuffer: 64 * 1024 * 1024,
  }).toString();
}

/**
 * The dashboard's API types are generated from this api's OpenAPI document and committed; this
 * fails when an endpoint or DTO changed without `npm run api:types`, so the two cannot drift.
 */
describe("the dashboard's generated API types (e2e)", () => {
  let api: TestApi;

  beforeAll(async () => {
    api = await TestApi.start();
  });
  afterAll(() => api.close());

  it('match the OpenAPI document the api serves', async () => {
    const document = await api.get('/docs/openapi.json');
    expect(document.status).toBe(200);
    const expected = renderApiTypes(document.body);
    const committed = readFileSync(resolve(ROOT, API_TYPES_FILE), 'utf8');
    if (committed !== expected) {
      throw new Error(`${API_TYPES_FILE} is stale: run \`npm run api:types\` and commit the result`);
    }
    expect(committed).toContain('"/api/v1/auth/session"');
  });
});
