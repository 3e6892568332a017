import { createReadStream } from 'node:fs';
import { mkdir, rename, stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { ArtifactStore, CONTENT_TYPES, StoredArtifact } from './artifact-store';

/** Files under a directory (DATA_DIR/artifacts by default), written atomically. */
export class LocalDiskArtifactStore extends ArtifactStore {
  constructor(private readonly dir: string) {
    super();
  }

  async put(key: string, body: Buffer): Promise<void> {
    await mkdir(this.dir, { recursive: true });
    const temporary = join(this.dir, `.${key}.tmp`);
    await writeFile(temporary, body, { mode: 0o600 });
    await rename(temporary, join(this.dir, key));
  }

  async open(key: string): Promise<StoredArtifact | undefined> {
    const path = join(this.dir, key);
    try {
      const info = await stat(path);
      const ext = key.split('.').pop() ?? '';
      return {
        body: createReadStream(path),
        size: info.size,
        contentType: CONTENT_TYPES[ext] ?? 'application/octet-stream',
      };
    } catch {
      return undefined;
    }
  }
}
