import { DynamicModule, Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AuditModule } from '@tiergate/audit';
import { CatalogModule } from '@tiergate/catalog';
import { KeyManagerModule } from '@tiergate/key-manager';
import { ModelSelectorModule } from '@tiergate/model-selector';
import { ProviderModule } from '@tiergate/provider';
import { UsageModule } from '@tiergate/usage';
import { DedicatedCatalog } from './dedicated-catalog';
import { DedicatedCredentials } from './dedicated-credentials';
import { DedicatedEndpointsService } from './dedicated-endpoints.service';
import { DedicatedFollower } from './dedicated-follower';
import { DedicatedStats } from './dedicated-stats';
import { DedicatedRepository } from './dedicated.repository';
import { DEDICATED_SETTINGS, DEFAULT_DEDICATED_SETTINGS, type DedicatedSettings } from './dedicated.settings';
import { EndpointStates } from './endpoint-states';
import { DedicatedEndpointEntity } from './entities/dedicated-endpoint.entity';
import { EndpointRunEntity } from './entities/endpoint-run.entity';
import { ModelUploadEntity } from './entities/model-upload.entity';
import { ModelUploadsService } from './model-uploads.service';

/** Dedicated endpoints and uploaded models: admin services, their follower, catalog entries, statistics. */
@Module({})
export class DedicatedModule {
  static forRoot(settings: Partial<DedicatedSettings> = {}): DynamicModule {
    return {
      module: DedicatedModule,
      imports: [
        TypeOrmModule.forFeature([DedicatedEndpointEntity, EndpointRunEntity, ModelUploadEntity]),
        CatalogModule,
        ProviderModule,
        KeyManagerModule,
        ModelSelectorModule,
        UsageModule.forApi(),
        AuditModule,
      ],
      providers: [
        { provide: DEDICATED_SETTINGS, useValue: { ...DEFAULT_DEDICATED_SETTINGS, ...settings } },
        DedicatedRepository,
        DedicatedCredentials,
        DedicatedCatalog,
        EndpointStates,
        DedicatedEndpointsService,
        ModelUploadsService,
        DedicatedFollower,
        DedicatedStats,
      ],
      exports: [
        DedicatedEndpointsService,
        ModelUploadsService,
        DedicatedFollower,
        DedicatedStats,
        DEDICATED_SETTINGS,
      ],
    };
  }
}
