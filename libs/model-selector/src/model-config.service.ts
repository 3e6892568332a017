import { Injectable, OnApplicationShutdown, OnModuleInit } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { AuditService, type AuditActor } from '@tiergate/audit';
import { ChangeBus, SharedSnapshot } from '@tiergate/redis';
import { ModelConfigEntity } from './entities/model-config.entity';
import { applyModelConfigPatch, type CheckedModelConfigPatch } from './model-config.validation';
import type { ModelConfigDocument } from './model-config.types';

/** The model configuration: stored as one document, held in memory by every instance. */
@Injectable()
export class ModelConfigService implements OnModuleInit, OnApplicationShutdown {
  private readonly snapshot: SharedSnapshot<ModelConfigDocument>;

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly audit: AuditService,
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

  /**
   * Applies a partial configuration that `checkModelConfigPatch` accepted, audited with the
   * documents before and after (a new route without its primary is refused here, against the
   * document it would change).
   */
  async update(actor: AuditActor, patch: CheckedModelConfigPatch): Promise<ModelConfigDocument> {
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
