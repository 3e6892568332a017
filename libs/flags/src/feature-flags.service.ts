import { Injectable, Logger, OnApplicationShutdown, OnModuleInit } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, In } from 'typeorm';
import { AuditService, SYSTEM_ACTOR, type AuditActor } from '@tiergate/audit';
import { FEATURE_FLAG_NAMES, FEATURE_FLAGS, type FeatureFlag } from '@tiergate/common';
import { ApiConfig } from '@tiergate/config';
import { ChangeBus } from '@tiergate/redis';
import { FeatureFlagEntity } from './entities/feature-flag.entity';

const TOPIC = 'flags.changed';
/** A safety net under the change bus: even a missed message is picked up within this time. */
const REFRESH_INTERVAL_MS = 30_000;

export type FlagChanges = Partial<Record<FeatureFlag, boolean>>;

/**
 * Feature flags, stored in PostgreSQL and held in memory by every instance. A change is written
 * (with its audit entry) in one transaction, then announced on the change bus; every instance
 * reloads within milliseconds, so reads on the hot path never touch the database.
 */
@Injectable()
export class FeatureFlagsService implements OnModuleInit, OnApplicationShutdown {
  private readonly logger = new Logger(FeatureFlagsService.name);
  private values = new Map<FeatureFlag, boolean>();
  private rows: FeatureFlagEntity[] = [];
  private refreshTimer?: NodeJS.Timeout;

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly audit: AuditService,
    private readonly bus: ChangeBus,
    private readonly config: ApiConfig,
  ) {}

  async onModuleInit(): Promise<void> {
    const overrides = this.config.featureFlagOverrides as FlagChanges;
    if (Object.keys(overrides).length) await this.update(SYSTEM_ACTOR, overrides, 'flags.config_override');
    await this.reload();
    this.bus.subscribe(TOPIC, () => void this.reloadQuietly());
    this.bus.onReconnect(() => void this.reloadQuietly());
    this.refreshTimer = setInterval(() => void this.reloadQuietly(), REFRESH_INTERVAL_MS).unref();
  }

  onApplicationShutdown(): void {
    clearInterval(this.refreshTimer);
  }

  isEnabled(flag: FeatureFlag): boolean {
    return this.values.get(flag) ?? false;
  }

  list(): FeatureFlagEntity[] {
    return this.rows;
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
    await this.reload();
    await this.bus
      .publish(TOPIC)
      .catch((error: Error) =>
        this.logger.warn(`flag change saved, but could not be announced: ${error.message}`),
      );
    return this.rows;
  }

  private async reload(): Promise<void> {
    const rows = await this.dataSource.getRepository(FeatureFlagEntity).find({ order: { name: 'ASC' } });
    const known = rows.filter((row) => FEATURE_FLAG_NAMES.includes(row.name as FeatureFlag));
    this.values = new Map(known.map((row) => [row.name as FeatureFlag, row.enabled]));
    this.rows = known;
  }

  private async reloadQuietly(): Promise<void> {
    await this.reload().catch((error: Error) =>
      this.logger.warn(`could not reload feature flags (keeping the last known values): ${error.message}`),
    );
  }
}
