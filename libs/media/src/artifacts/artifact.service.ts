import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { ArtifactStore, EXTENSIONS, StoredArtifact } from './artifact-store';
import { ArtifactUrlSigner } from './signed-urls';

export interface SavedArtifact {
  key: string;
  /** The signed path below the api's base URL. */
  path: string;
  expiresAt: Date;
  contentType: string;
  bytes: number;
}

export type ArtifactLookup =
  { status: 'found'; artifact: StoredArtifact } | { status: 'invalid' | 'expired' | 'missing' };

/** Stores generated files and hands out signed, expiring links to them. */
@Injectable()
export class ArtifactService {
  constructor(
    private readonly store: ArtifactStore,
    private readonly signer: ArtifactUrlSigner,
  ) {}

  async save(data: Buffer, contentType: string): Promise<SavedArtifact> {
    const key = `${randomUUID()}.${EXTENSIONS[contentType] ?? 'bin'}`;
    await this.store.put(key, data, contentType);
    return { key, contentType, bytes: data.length, ...this.signer.path(key) };
  }

  async open(key: string, expires?: string, signature?: string): Promise<ArtifactLookup> {
    const verdict = this.signer.verify(key, expires, signature);
    if (verdict !== 'valid') return { status: verdict };
    const artifact = await this.store.open(key);
    return artifact ? { status: 'found', artifact } : { status: 'missing' };
  }
}
