import { ArtifactUrlSigner } from './signed-urls';

describe('ArtifactUrlSigner', () => {
  const signer = new ArtifactUrlSigner(Buffer.alloc(32, 7), 3600);
  const key = '0b6f1c1e-7c53-4c1a-9a55-1f3c5b7d9e21.png';
  const parts = (path: string) => {
    const url = new URL(path, 'http://x');
    return [
      url.searchParams.get('expires') ?? undefined,
      url.searchParams.get('signature') ?? undefined,
    ] as const;
  };

  it('accepts its own link until it expires', () => {
    const now = Date.UTC(2026, 10, 21);
    const { path, expiresAt } = signer.path(key, now);
    expect(expiresAt.getTime()).toBe(now + 3600_000);
    expect(signer.verify(key, ...parts(path), now + 1000)).toBe('valid');
    expect(signer.verify(key, ...parts(path), now + 3601_000)).toBe('expired');
  });

  it('refuses a link for another file, a changed expiry, or another key', () => {
    const { path } = signer.path(key);
    const [expires, signature] = parts(path);
    expect(signer.verify(key.replace('0b6f', '1b6f'), expires, signature)).toBe('invalid');
    expect(signer.verify(key, String(Number(expires) + 60), signature)).toBe('invalid');
    expect(new ArtifactUrlSigner(Buffer.alloc(32, 8), 3600).verify(key, expires, signature)).toBe('invalid');
    expect(signer.verify(key, expires, undefined)).toBe('invalid');
    expect(signer.verify('../../etc/passwd', expires, signature)).toBe('invalid');
  });
});
