import { DataSource } from 'typeorm';
import { sealContext } from './provider-keys.repository';
import { SecretCipher } from './secret-cipher';

interface SealedRow {
  id: string;
  ciphertext: Buffer;
  nonce: Buffer;
  auth_tag: Buffer;
  key_version: string;
}

/**
 * Re-seals every provider key still sealed under an older ENCRYPTION_KEY with the current one
 * (and recomputes its fingerprint), in one transaction: all rows move, or none. Returns how many.
 */
export async function reencryptProviderKeys(dataSource: DataSource, cipher: SecretCipher): Promise<number> {
  return dataSource.transaction(async (manager) => {
    const rows: SealedRow[] = await manager.query(
      `SELECT id, ciphertext, nonce, auth_tag, key_version FROM provider_keys
        WHERE ciphertext IS NOT NULL AND key_version <> $1 FOR UPDATE`,
      [cipher.currentVersion],
    );
    for (const row of rows) {
      const secret = cipher.open(
        { ciphertext: row.ciphertext, nonce: row.nonce, authTag: row.auth_tag, keyVersion: row.key_version },
        sealContext(row.id),
      );
      const sealed = cipher.seal(secret, sealContext(row.id));
      await manager.query(
        `UPDATE provider_keys SET ciphertext = $2, nonce = $3, auth_tag = $4, key_version = $5,
                fingerprint = $6, updated_at = now() WHERE id = $1`,
        [
          row.id,
          sealed.ciphertext,
          sealed.nonce,
          sealed.authTag,
          sealed.keyVersion,
          cipher.fingerprint(secret),
        ],
      );
    }
    return rows.length;
  });
}
