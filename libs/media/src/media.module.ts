import { Inject, Injectable, Module, OnApplicationShutdown } from '@nestjs/common';
import { ApiConfig } from '@tiergate/config';
import { ArtifactService } from './artifacts/artifact.service';
import { ArtifactStore } from './artifacts/artifact-store';
import { LocalDiskArtifactStore } from './artifacts/local-disk.store';
import { S3ArtifactStore } from './artifacts/s3.store';
import { ArtifactUrlSigner } from './artifacts/signed-urls';
import { RemoteFileFetcher } from './remote/remote-file.fetcher';

@Injectable()
class MediaLifecycle implements OnApplicationShutdown {
  constructor(
    @Inject(RemoteFileFetcher) private readonly fetcher: RemoteFileFetcher,
    @Inject(ArtifactStore) private readonly store: ArtifactStore,
  ) {}

  async onApplicationShutdown(): Promise<void> {
    await this.fetcher.close();
    if (this.store instanceof S3ArtifactStore) this.store.destroy();
  }
}

/** Generated files (stored, served by signed links), guarded fetching of user URLs, audio metadata. */
@Module({
  providers: [
    {
      provide: ArtifactStore,
      inject: [ApiConfig],
      useFactory: ({ media }: ApiConfig) =>
        media.artifacts.store === 's3'
          ? new S3ArtifactStore(media.artifacts)
          : new LocalDiskArtifactStore(media.artifacts.dir),
    },
    {
      provide: ArtifactUrlSigner,
      inject: [ApiConfig],
      useFactory: (config: ApiConfig) =>
        new ArtifactUrlSigner(config.encryptionKey, config.media.artifacts.urlTtlSeconds),
    },
    {
      provide: RemoteFileFetcher,
      inject: [ApiConfig],
      useFactory: (config: ApiConfig) => new RemoteFileFetcher(config.media.remoteFetch),
    },
    ArtifactService,
    MediaLifecycle,
  ],
  exports: [ArtifactService, RemoteFileFetcher],
})
export class MediaModule {}
