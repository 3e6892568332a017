import { Injectable, OnApplicationShutdown, OnModuleInit } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, In } from 'typeorm';
import { AuditService, SYSTEM_ACTOR, type AuditActor } from '@tiergate/audit';
import { FEATURE_FLAG_NAMES, FEATURE_FLAGS, type FeatureFlag } from '@tiergate/common';
import { ApiConfig } from '@tiergate/config';
import { ChangeBus, SharedSnapshot } from '@tiergate/redis';
import { FeatureFlagEntity } from './entities/feature-flag.entity';

export type FlagChanges = Partial<Record<FeatureFlag, boolean>>;

/**
 * Feature flags, stored in PostgreSQL and held in memory by every instance (a SharedSnapshot). A
 * change is written with its audit entry in one transaction, then announced on the change bus.
 */
@Injectable()
export class FeatureFlagsService implements OnModuleInit, OnApplicationShutdown {
  private readonly snapshot: SharedSnapshot<FeatureFlagEntity[]>;

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly audit: AuditService,
    bus: ChangeBus,
    private readonly config: ApiConfig,
  ) {
    this.snapshot = new SharedSnapshot('flags', bus, () => this.load());
  }

  async onModuleInit(): Promise<void> {
    await this.snapshot.start();
    const overrides = this.config.featureFlagOverrides as FlagChanges;
    if (Object.keys(overrides).length) await this.update(SYSTEM_ACTOR, overrides, 'flags.config_override');
  }

  onApplicationShutdown(): void {
    this.snapshot.stop();
  }

  isEnabled(flag: FeatureFlag): boolean {
    return this.snapshot.value.some((row) => row.name === flag && row.enabled);
  }

  list(): FeatureFlagEntity[] {
    return this.snapshot.value;
  }

  /** Applies the changes that differ from what is stored; returns the flags afterwards. */
  async update(
    actor: AuditActor,
    changes: FlagChanges,
    action = 'flags.update',
  ): Promise<FeatureFlagEntity[]> {
    const names = Object.keys(changes) as FeatureFlag[];
    await this.dataSource.transaction(async (manager) => {
      const repository = manager.getRepository(FeatureFlagEntity);
      const current = await repository.find({
        where: { name: In(names) },
        lock: { mode: 'pessimistic_write' },
      });
      const before = new Map(current.map((row) => [row.name, row.enabled]));
      const changed = names.filter((name) => before.get(name) !== changes[name]);
      for (const name of changed) {
        await manager.query(
          `INSERT INTO feature_flags (name, enabled, description, updated_by, updated_at)
           VALUES ($1, $2, $3, $4, now())
           ON CONFLICT (name) DO UPDATE SET enabled = $2, updated_by = $4, updated_at = now()`,
          [name, changes[name], FEATURE_FLAGS[name], actor.id],
        );
      }
      if (changed.length) {
        await this.audit.record(
          actor,
          {
            action,
            targetType: 'feature_flag',
            targetId: changed.join(','),
            before: Object.fromEntries(changed.map((name) => [name, before.get(name) ?? null])),
            after: Object.fromEntries(changed.map((name) => [name, changes[name]])),
          },
          manager,
        );
      }
    });
    await this.snapshot.changed();
    return this.snapshot.value;
  }

  private async load(): Promise<FeatureFlagEntity[]> {
    const rows = await this.dataSource.getRepository(FeatureFlagEntity).find({ order: { name: 'ASC' } });
    return rows.filter((row) => FEATURE_FLAG_NAMES.includes(row.name as FeatureFlag));
  }
}
