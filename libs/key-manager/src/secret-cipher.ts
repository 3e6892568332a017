import { createCipheriv, createDecipheriv, createHmac, hkdfSync, randomBytes } from 'node:crypto';

/** A secret as it is stored: AES-256-GCM output and the version of the key that sealed it. */
export interface SealedSecret {
  ciphertext: Buffer;
  nonce: Buffer;
  authTag: Buffer;
  keyVersion: string;
}

const ALGORITHM = 'aes-256-gcm';
const NONCE_BYTES = 12;

/** A key's version: a short, one-way name for it, so rows say which key sealed them. */
export function encryptionKeyVersion(key: Buffer): string {
  return createHmac('sha256', key).update('tiergate:key-version').digest('hex').slice(0, 16);
}

export class UnknownEncryptionKeyError extends Error {
  constructor(version: string) {
    super(
      `A secret was sealed with encryption key version ${version}, which is neither ENCRYPTION_KEY ` +
        'nor in ENCRYPTION_KEY_PREVIOUS; add the old key to ENCRYPTION_KEY_PREVIOUS',
    );
  }
}

/**
 * Seals provider keys with AES-256-GCM under ENCRYPTION_KEY. Secrets sealed under an earlier key
 * stay readable while that key is listed in ENCRYPTION_KEY_PREVIOUS; `keys:reencrypt` moves them
 * to the current one. The additional data binds a ciphertext to its row, so a ciphertext copied
 * into another row does not open.
 */
export class SecretCipher {
  readonly currentVersion: string;
  private readonly keys: Map<string, Buffer>;
  private readonly fingerprintKeys: Buffer[];

  constructor(current: Buffer, previous: Buffer[] = []) {
    this.currentVersion = encryptionKeyVersion(current);
    this.keys = new Map([...previous, current].map((key) => [encryptionKeyVersion(key), key]));
    this.fingerprintKeys = [current, ...previous].map((key) =>
      Buffer.from(hkdfSync('sha256', key, Buffer.alloc(0), 'tiergate:provider-key-fingerprint', 32)),
    );
  }

  seal(plaintext: string, associatedData: string): SealedSecret {
    const nonce = randomBytes(NONCE_BYTES);
    const cipher = createCipheriv(ALGORITHM, this.keys.get(this.currentVersion)!, nonce);
    cipher.setAAD(Buffer.from(associatedData));
    const ciphertext = Buffer.concat([cipher.update(plaintext, 'utf8'), cipher.final()]);
    return { ciphertext, nonce, authTag: cipher.getAuthTag(), keyVersion: this.currentVersion };
  }

  open(sealed: SealedSecret, associatedData: string): string {
    const key = this.keys.get(sealed.keyVersion);
    if (!key) throw new UnknownEncryptionKeyError(sealed.keyVersion);
    const decipher = createDecipheriv(ALGORITHM, key, sealed.nonce);
    decipher.setAAD(Buffer.from(associatedData));
    decipher.setAuthTag(sealed.authTag);
    return Buffer.concat([decipher.update(sealed.ciphertext), decipher.final()]).toString('utf8');
  }

  /** A keyed, one-way digest of a secret: finds duplicates without storing anything reversible. */
  fingerprint(plaintext: string): string {
    return this.fingerprintUnder(this.fingerprintKeys[0], plaintext);
  }

  /** The secret's fingerprint under every known key, to find rows not yet re-encrypted. */
  fingerprints(plaintext: string): string[] {
    return this.fingerprintKeys.map((key) => this.fingerprintUnder(key, plaintext));
  }

  private fingerprintUnder(key: Buffer, plaintext: string): string {
    return createHmac('sha256', key).update(plaintext).digest('hex');
  }
}
