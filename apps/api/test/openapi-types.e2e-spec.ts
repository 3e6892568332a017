import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { API_TYPES_FILE, renderApiTypes } from '../../../scripts/openapi/api-types';
import { TestApi } from './support/test-api';

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
    const expected = await renderApiTypes(document.body);
    const committed = readFileSync(resolve(__dirname, '../../..', API_TYPES_FILE), 'utf8');
    if (committed !== expected) {
      throw new Error(`${API_TYPES_FILE} is stale: run \`npm run api:types\` and commit the result`);
    }
    expect(committed).toContain("'/api/v1/auth/session'");
  });
});
