import { createHmac, hkdfSync, timingSafeEqual } from 'node:crypto';

export const ARTIFACT_KEY_PATTERN = /^[0-9a-f-]{36}\.[a-z0-9]{2,4}$/;

/**
 * Signed, expiring links to generated files: `/api/v1/together/files/<key>?expires=<unix>&signature=<hmac>`.
 * The signing key is derived from ENCRYPTION_KEY (HKDF), so it is never stored or shown.
 */
export class ArtifactUrlSigner {
  private readonly key: Buffer;

  constructor(
    masterKey: Buffer,
    private readonly ttlSeconds: number,
  ) {
    this.key = Buffer.from(hkdfSync('sha256', masterKey, Buffer.alloc(0), 'tiergate artifact urls v1', 32));
  }

  path(key: string, now = Date.now()): { path: string; expiresAt: Date } {
    const expires = Math.floor(now / 1000) + this.ttlSeconds;
    const signature = this.sign(key, expires);
    return {
      path: `/api/v1/together/files/${key}?expires=${expires}&signature=${signature}`,
      expiresAt: new Date(expires * 1000),
    };
  }

  /** 'valid', 'expired' or 'invalid' (a wrong or missing signature). */
  verify(key: string, expires: string | undefined, signature: string | undefined, now = Date.now()) {
    if (!ARTIFACT_KEY_PATTERN.test(key) || !expires || !/^\d{1,12}$/.test(expires) || !signature)
      return 'invalid';
    const expected = Buffer.from(this.sign(key, Number(expires)));
    const given = Buffer.from(signature);
    if (expected.length !== given.length || !timingSafeEqual(expected, given)) return 'invalid';
    return Number(expires) * 1000 < now ? 'expired' : 'valid';
  }

  private sign(key: string, expires: number): string {
    return createHmac('sha256', this.key).update(`${key}\n${expires}`).digest('base64url');
  }
}
