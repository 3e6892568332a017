/**
 * `npm run api:types`: boots the api in embedded mode on a throwaway data directory (nothing to
 * install, nothing listening), takes its OpenAPI document and writes the dashboard's API types.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { loadApiConfig } from '@tiergate/config';
import { createApiApp } from '../../apps/api/src/bootstrap';
import { buildOpenApiDocument } from '../../apps/api/src/http/openapi';
import { API_TYPES_FILE, renderApiTypes } from './api-types';

async function main(): Promise<void> {
  const dataDir = mkdtempSync(join(tmpdir(), 'tiergate-openapi-'));
  try {
    const app = await createApiApp(
      loadApiConfig({ DATA_DIR: dataDir, LOG_LEVEL: 'silent', TOGETHER_BASE_URL: 'http://127.0.0.1:9/v1' }),
    );
    const types = await renderApiTypes(buildOpenApiDocument(app));
    await app.close();
    writeFileSync(resolve(API_TYPES_FILE), types);
    console.log(`Wrote ${API_TYPES_FILE}`);
  } finally {
    rmSync(dataDir, { recursive: true, force: true });
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
