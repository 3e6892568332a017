import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

export interface EmbeddedSecrets {
  jwtSecret: string;
  encryptionKey: string;
}

/**
 * Embedded mode only: the JWT secret and encryption key are generated on first start and kept in
 * DATA_DIR/secrets.json (mode 0600), so tokens and ciphertexts survive restarts.
 */
export function loadOrCreateEmbeddedSecrets(dataDir: string): EmbeddedSecrets {
  const file = join(dataDir, 'secrets.json');
  if (existsSync(file)) {
    const stored = JSON.parse(readFileSync(file, 'utf8')) as Partial<EmbeddedSecrets>;
    if (stored.jwtSecret && stored.encryptionKey) return stored as EmbeddedSecrets;
  }
  const secrets: EmbeddedSecrets = {
    jwtSecret: randomBytes(48).toString('base64url'),
    encryptionKey: randomBytes(32).toString('base64'),
  };
  mkdirSync(dataDir, { recursive: true });
  writeFileSync(file, JSON.stringify(secrets, null, 2), { mode: 0o600 });
  return secrets;
}
