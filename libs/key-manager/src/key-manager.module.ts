import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AuditModule } from '@tiergate/audit';
import type { Cluster, Redis } from 'ioredis';
import { ApiConfig } from '@tiergate/config';
import { ProviderDirectoryModule, ProviderModule } from '@tiergate/provider';
import { REDIS_COUNTERS, REDIS_KEY_PREFIX } from '@tiergate/redis';
import { ProviderKeyEntity } from './entities/provider-key.entity';
import { KeyRetirement } from './key-retirement';
import { KeyPacing } from './pacing/key-pacing.service';
import { MemoryPacer } from './pacing/memory-pacer';
import { Pacer } from './pacing/pacer';
import { RedisPacer } from './pacing/redis-pacer';
import { ProviderAdministration } from './provider-administration.service';
import { ProviderKeyVerifier } from './provider-key.verifier';
import { ProviderKeysRepository } from './provider-keys.repository';
import { SecretCipher } from './secret-cipher';
import { SystemKeysService } from './system-keys.service';
import { UpstreamKeyResolver } from './upstream-key.resolver';
import { UserKeysService } from './user-keys.service';

/** System keys and users' own keys: sealed at rest, verified before use, chosen and paced per request. */
@Module({
  imports: [
    TypeOrmModule.forFeature([ProviderKeyEntity]),
    AuditModule,
    ProviderModule,
    ProviderDirectoryModule,
  ],
  providers: [
    {
      provide: SecretCipher,
      inject: [ApiConfig],
      useFactory: (config: ApiConfig) =>
        new SecretCipher(config.encryptionKey, config.previousEncryptionKeys),
    },
    ProviderKeysRepository,
    ProviderKeyVerifier,
    KeyRetirement,
    SystemKeysService,
    UserKeysService,
    UpstreamKeyResolver,
    ProviderAdministration,
    {
      // On the request path: the counters connection fails fast while Redis is down (pacing fails open).
      provide: Pacer,
      inject: [REDIS_KEY_PREFIX, { token: REDIS_COUNTERS, optional: true }],
      useFactory: (prefix: string, redis?: Redis | Cluster) =>
        redis ? new RedisPacer(redis, prefix) : new MemoryPacer(),
    },
    KeyPacing,
  ],
  exports: [SystemKeysService, UserKeysService, UpstreamKeyResolver, ProviderAdministration, KeyPacing],
})
export class KeyManagerModule {}
