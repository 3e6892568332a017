import { Injectable, OnApplicationShutdown, OnModuleInit } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import type { Tier } from '@tiergate/common';
import { ChangeBus, SharedSnapshot } from '@tiergate/redis';
import type { Feature, FeatureLimits, QuotaConfigDocument, TierQuotaPolicy } from './quota.types';

interface Policies {
  tiers: QuotaConfigDocument;
  /** userId → feature → the limits an admin set for that user (they replace the tier's). */
  overrides: Map<string, Partial<Record<Feature, FeatureLimits>>>;
}

/** Quota policies and per-user overrides, held in memory by every instance (reloaded on change). */
@Injectable()
export class QuotaPolicies implements OnModuleInit, OnApplicationShutdown {
  private readonly snapshot: SharedSnapshot<Policies>;

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    bus: ChangeBus,
  ) {
    this.snapshot = new SharedSnapshot('quota-policies', bus, () => this.load());
  }

  onModuleInit(): Promise<void> {
    return this.snapshot.start();
  }

  onApplicationShutdown(): void {
    this.snapshot.stop();
  }

  tier(tier: Tier): TierQuotaPolicy {
    return this.snapshot.value.tiers[tier];
  }

  /** The user's limits for a feature: their override field by field, else their tier's. */
  limitsFor(userId: string, tier: Tier, feature: Feature): FeatureLimits {
    const base = this.tier(tier)?.features[feature] ?? {};
    const override = this.snapshot.value.overrides.get(userId)?.[feature];
    return override ? { ...base, ...override } : base;
  }

  overridesOf(userId: string): Partial<Record<Feature, FeatureLimits>> {
    return this.snapshot.value.overrides.get(userId) ?? {};
  }

  changed(): Promise<void> {
    return this.snapshot.changed();
  }

  private async load(): Promise<Policies> {
    const [config] = await this.dataSource.query<Array<{ document: QuotaConfigDocument }>>(
      `SELECT document FROM quota_config WHERE id = 1`,
    );
    const rows = await this.dataSource.query<
      Array<{ user_id: string; feature: Feature; limits: FeatureLimits }>
    >(`SELECT user_id, feature, limits FROM quota_overrides`);
    const overrides = new Map<string, Partial<Record<Feature, FeatureLimits>>>();
    for (const row of rows)
      overrides.set(row.user_id, { ...overrides.get(row.user_id), [row.feature]: row.limits });
    return { tiers: config.document, overrides };
  }
}
