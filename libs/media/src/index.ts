export { MediaModule } from './media.module';
export { ArtifactService, type SavedArtifact, type ArtifactLookup } from './artifacts/artifact.service';
export { ArtifactStore, type StoredArtifact } from './artifacts/artifact-store';
export { RemoteFileFetcher, type FetchedFile } from './remote/remote-file.fetcher';
export { AddressPolicy } from './remote/address-policy';
export { measureAudio, type AudioInfo } from './audio/audio-metadata';
