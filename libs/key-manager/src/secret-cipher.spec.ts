import { randomBytes } from 'node:crypto';
import { encryptionKeyVersion, SecretCipher, UnknownEncryptionKeyError } from './secret-cipher';

describe('SecretCipher', () => {
  const oldKey = randomBytes(32);
  const newKey = randomBytes(32);

  it('seals with a fresh nonce and opens what it sealed', () => {
    const cipher = new SecretCipher(newKey);
    const a = cipher.seal('tgp_v1_secret-value', 'provider_key:1');
    const b = cipher.seal('tgp_v1_secret-value', 'provider_key:1');
    expect(a.nonce.equals(b.nonce)).toBe(false);
    expect(a.ciphertext.toString('utf8')).not.toContain('secret-value');
    expect(a.keyVersion).toBe(encryptionKeyVersion(newKey));
    expect(cipher.open(a, 'provider_key:1')).toBe('tgp_v1_secret-value');
  });

  it('refuses a ciphertext moved to another row, or tampered with', () => {
    const cipher = new SecretCipher(newKey);
    const sealed = cipher.seal('secret', 'provider_key:1');
    expect(() => cipher.open(sealed, 'provider_key:2')).toThrow();
    const tampered = { ...sealed, ciphertext: Buffer.from(sealed.ciphertext) };
    tampered.ciphertext[0] ^= 1;
    expect(() => cipher.open(tampered, 'provider_key:1')).toThrow();
  });

  it('reads secrets sealed under a previous key, and names a missing one', () => {
    const sealedOld = new SecretCipher(oldKey).seal('old-secret', 'row');
    const rotated = new SecretCipher(newKey, [oldKey]);
    expect(rotated.open(sealedOld, 'row')).toBe('old-secret');
    expect(rotated.seal('x', 'row').keyVersion).toBe(encryptionKeyVersion(newKey));
    expect(() => new SecretCipher(newKey).open(sealedOld, 'row')).toThrow(UnknownEncryptionKeyError);
  });

  it('fingerprints deterministically per key, without revealing the secret', () => {
    const cipher = new SecretCipher(newKey);
    expect(cipher.fingerprint('abc')).toBe(cipher.fingerprint('abc'));
    expect(cipher.fingerprint('abc')).not.toBe(cipher.fingerprint('abd'));
    expect(new SecretCipher(oldKey).fingerprint('abc')).not.toBe(cipher.fingerprint('abc'));
  });
});
