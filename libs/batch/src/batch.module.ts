import { DynamicModule, Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { CatalogModule } from '@tiergate/catalog';
import { KeyManagerModule } from '@tiergate/key-manager';
import { ModelSelectorModule } from '@tiergate/model-selector';
import { ProviderModule } from '@tiergate/provider';
import { QuotaModule } from '@tiergate/quota';
import { UsageModule } from '@tiergate/usage';
import { BatchCredentials } from './batch-credentials';
import { BatchFollower } from './batch-follower';
import { BatchUsage } from './batch-usage';
import { BatchRepository } from './batch.repository';
import { BatchService } from './batch.service';
import { BATCH_SETTINGS, DEFAULT_BATCH_SETTINGS, type BatchSettings } from './batch.settings';
import { BatchFileEntity } from './entities/batch-file.entity';
import { BatchJobEntity } from './entities/batch-job.entity';

/** Batch jobs: files, submission to Together, and the follower that records their usage. */
@Module({})
export class BatchModule {
  static forRoot(settings: Partial<BatchSettings> = {}): DynamicModule {
    return {
      module: BatchModule,
      imports: [
        TypeOrmModule.forFeature([BatchFileEntity, BatchJobEntity]),
        CatalogModule,
        ProviderModule,
        KeyManagerModule,
        ModelSelectorModule,
        QuotaModule,
        UsageModule.forApi(),
      ],
      providers: [
        { provide: BATCH_SETTINGS, useValue: { ...DEFAULT_BATCH_SETTINGS, ...settings } },
        BatchRepository,
        BatchCredentials,
        BatchUsage,
        BatchService,
        BatchFollower,
      ],
      exports: [BatchService, BatchFollower, BATCH_SETTINGS],
    };
  }
}
