import openapiTS, { astToString } from 'openapi-typescript';

export const API_TYPES_FILE = 'apps/dashboard/src/api/schema.d.ts';

const HEADER = `/**
 * Generated from the api's OpenAPI document by \`npm run api:types\`: do not edit by hand.
 * A test (apps/api/test/openapi-types.e2e-spec.ts) fails when this file is stale.
 */

`;

/** The dashboard's API types, rendered from an OpenAPI document. */
export async function renderApiTypes(document: object): Promise<string> {
  const ast = await openapiTS(document as Parameters<typeof openapiTS>[0], {
    alphabetize: true,
    exportType: false,
  });
  return HEADER + astToString(ast);
}
