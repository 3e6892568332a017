import type { Readable } from 'node:stream';

export interface StoredArtifact {
  body: Readable;
  contentType: string;
  size?: number;
}

/**
 * Where Tiergate keeps the files it generates (images, speech). Keys are opaque ids chosen by
 * Tiergate (`<uuid>.<ext>`), never user input.
 */
export abstract class ArtifactStore {
  abstract put(key: string, body: Buffer, contentType: string): Promise<void>;
  /** The file, or undefined when there is none under that key. */
  abstract open(key: string): Promise<StoredArtifact | undefined>;
}

export const CONTENT_TYPES: Record<string, string> = {
  png: 'image/png',
  jpg: 'image/jpeg',
  webp: 'image/webp',
  mp3: 'audio/mpeg',
  wav: 'audio/wav',
  pcm: 'application/octet-stream',
};

export const EXTENSIONS: Record<string, string> = Object.fromEntries(
  Object.entries(CONTENT_TYPES).map(([ext, type]) => [type, ext]),
);
