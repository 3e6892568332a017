/**
 * `npm run keys:reencrypt`: after ENCRYPTION_KEY was replaced (the old key moved to
 * ENCRYPTION_KEY_PREVIOUS), re-seals every stored provider key under the new one. Safe to run
 * again; once it reports 0, the old key can be dropped from ENCRYPTION_KEY_PREVIOUS.
 */
import { DataSource } from 'typeorm';
import { loadApiConfig, processEnv } from '@tiergate/config';
import { dataSourceOptions } from '@tiergate/database';
import { reencryptProviderKeys } from '../reencrypt';
import { SecretCipher } from '../secret-cipher';

async function main(): Promise<void> {
  const config = loadApiConfig(processEnv());
  const target = config.database.url
    ? { url: config.database.url }
    : { embeddedDir: config.database.dataDir };
  // The embedded database is migrated on open, as the api does; production runs `migration:run` first.
  const dataSource = new DataSource(dataSourceOptions(target, { runMigrations: !config.database.url }));
  await dataSource.initialize();
  try {
    const cipher = new SecretCipher(config.encryptionKey, config.previousEncryptionKeys);
    const count = await reencryptProviderKeys(dataSource, cipher);
    console.log(
      `Re-encrypted ${count} provider key(s) under encryption key version ${cipher.currentVersion}.`,
    );
  } finally {
    await dataSource.destroy();
  }
}

main().catch((error: unknown) => {
  console.error(
    `Re-encryption failed (nothing was changed): ${error instanceof Error ? error.message : String(error)}`,
  );
  process.exit(1);
});
