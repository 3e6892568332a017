import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AuditModule } from '@tiergate/audit';
import { ApiConfig } from '@tiergate/config';
import { ProviderModule } from '@tiergate/provider';
import { ProviderKeyEntity } from './entities/provider-key.entity';
import { UpstreamProviderEntity } from './entities/upstream-provider.entity';
import { ProviderDirectory } from './provider-directory.service';
import { KeyRetirement } from './key-retirement';
import { ProviderKeyVerifier } from './provider-key.verifier';
import { ProviderKeysRepository } from './provider-keys.repository';
import { SecretCipher } from './secret-cipher';
import { SystemKeysService } from './system-keys.service';
import { UpstreamKeyResolver } from './upstream-key.resolver';
import { UserKeysService } from './user-keys.service';

/** System keys and users' own keys: sealed at rest, verified before use, chosen per request. */
@Module({
  imports: [
    TypeOrmModule.forFeature([ProviderKeyEntity, UpstreamProviderEntity]),
    AuditModule,
    ProviderModule,
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
    ProviderDirectory,
  ],
  exports: [SystemKeysService, UserKeysService, UpstreamKeyResolver, ProviderDirectory],
})
export class KeyManagerModule {}
