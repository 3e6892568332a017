import { Injectable, OnApplicationShutdown, OnModuleInit } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { AuditService, type AuditActor } from '@tiergate/audit';
import { ProviderRegistry } from '@tiergate/provider';
import { ChangeBus, SharedSnapshot } from '@tiergate/redis';
import { ModelConfigEntity } from './entities/model-config.entity';
import {
  applyModelConfigPatch,
  checkModelConfigPatch,
  type ModelConfigPatch,
} from './model-config.validation';
import type { ModelConfigDocument } from './model-config.types';

/** The model configuration: stored as one document, held in memory by every instance. */
@Injectable()
export class ModelConfigService implements OnModuleInit, OnApplicationShutdown {
  private readonly snapshot: SharedSnapshot<ModelConfigDocument>;

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly audit: AuditService,
    private readonly providers: ProviderRegistry,
    bus: ChangeBus,
  ) {
    this.snapshot = new SharedSnapshot('model-config', bus, () => this.load());
  }

  onModuleInit(): Promise<void> {
    return this.snapshot.start();
  }

  onApplicationShutdown(): void {
    this.snapshot.stop();
  }

  get document(): ModelConfigDocument {
    return this.snapshot.value;
  }

  /** Checks and applies a partial configuration, audited with the documents before and after. */
  async update(actor: AuditActor, change: ModelConfigPatch): Promise<ModelConfigDocument> {
    const patch = checkModelConfigPatch(
      change,
      this.providers.all().map((provider) => provider.id),
    );
    await this.dataSource.transaction(async (manager) => {
      const repository = manager.getRepository(ModelConfigEntity);
      const row = await repository.findOne({ where: { id: 1 }, lock: { mode: 'pessimistic_write' } });
      const before = row!.document;
      const after = applyModelConfigPatch(before, patch);
      await manager.query(
        `UPDATE model_config SET document = $1, updated_by = $2, updated_at = now() WHERE id = 1`,
        [JSON.stringify(after), actor.id],
      );
      await this.audit.record(
        actor,
        { action: 'model_config.update', targetType: 'model_config', targetId: null, before, after },
        manager,
      );
    });
    await this.snapshot.changed();
    return this.snapshot.value;
  }

  private async load(): Promise<ModelConfigDocument> {
    const row = await this.dataSource.getRepository(ModelConfigEntity).findOneBy({ id: 1 });
    return (
      row?.document ?? {
        tiers: { free: { routes: {} }, premium: { routes: {} }, enterprise: { routes: {} } },
        models: {},
      }
    );
  }
}
