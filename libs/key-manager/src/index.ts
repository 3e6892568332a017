export { KeyManagerModule } from './key-manager.module';
export { SystemKeysService, type NewSystemKey, type RotationResult } from './system-keys.service';
export { UserKeysService, type NewUserKey } from './user-keys.service';
export {
  UpstreamKeyResolver,
  UserKeyRejectedError,
  NoSystemKeyError,
  type UpstreamCredential,
  type KeySource,
} from './upstream-key.resolver';
export { ProviderKeyRejectedError } from './provider-key.verifier';
export { SecretCipher, encryptionKeyVersion, type SealedSecret } from './secret-cipher';
export { reencryptProviderKeys } from './reencrypt';
export { summarizeKey, type ProviderKeySummary } from './provider-key.summary';
export {
  ProviderKeyEntity,
  PROVIDER_KEY_STATUSES,
  type ProviderKeyStatus,
} from './entities/provider-key.entity';
export { ProviderAdministration, type NewUpstreamProvider } from './provider-administration.service';
export { KeyPacing, MAX_PACING_WAIT_MS, type PacedKey, type PacingDemand } from './pacing/key-pacing.service';
export {
  Pacer,
  hasLimits,
  NO_LIMITS,
  type KeyLimits,
  type PaceOutcome,
  type PaceLimitName,
  type ReportedRoom,
} from './pacing/pacer';
export { RedisPacer } from './pacing/redis-pacer';
export { MemoryPacer } from './pacing/memory-pacer';
export { AccountRateLimitedError } from './pacing/pacing.errors';
