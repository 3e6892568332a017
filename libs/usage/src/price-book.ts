import { Injectable, OnApplicationShutdown, OnModuleInit } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { AuditService, type AuditActor } from '@tiergate/audit';
import { ChangeBus, SharedSnapshot } from '@tiergate/redis';
import type { RequestUsage } from './usage-event';

/** Prices for what the catalog does not price, per modality, with per-model overrides (USD). */
export interface PriceTable {
  image_per_megapixel: number;
  speech_per_million_characters: number;
  transcription_per_minute: number;
  /** Monthly credit allocation per tier, consumed at cost by requests on system keys. */
  tier_credits_usd?: Record<string, number>;
  models: Record<
    string,
    {
      input_per_million?: number;
      output_per_million?: number;
      per_image?: number;
      per_megapixel?: number;
      per_million_characters?: number;
      per_minute?: number;
    }
  >;
}

/** What a request used, on which model and modality: what it is priced by. */
export interface PricedUsage extends Omit<RequestUsage, 'totalTokens'> {
  model: string | null;
  modality: string;
}

export const DEFAULT_TIER_CREDITS_USD: Record<string, number> = { free: 1, premium: 25, enterprise: 500 };

/** Dollars to the ledger's precision (eight decimals), wherever costs are added up. */
export const roundUsd = (usd: number): number => Math.round(usd * 1e8) / 1e8;

@Injectable()
export class PriceBook implements OnModuleInit, OnApplicationShutdown {
  private readonly snapshot: SharedSnapshot<PriceTable>;

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly audit: AuditService,
    bus: ChangeBus,
  ) {
    this.snapshot = new SharedSnapshot('price-table', bus, async () => {
      const [row] = await this.dataSource.query<Array<{ document: PriceTable }>>(
        `SELECT document FROM price_table WHERE id = 1`,
      );
      return row.document;
    });
  }

  onModuleInit(): Promise<void> {
    return this.snapshot.start();
  }

  onApplicationShutdown(): void {
    this.snapshot.stop();
  }

  get table(): PriceTable {
    return this.snapshot.value;
  }

  creditsFor(tier: string): number {
    return this.table.tier_credits_usd?.[tier] ?? DEFAULT_TIER_CREDITS_USD[tier] ?? 0;
  }

  /** The cost of a request: catalog token prices, else the admin-edited price table. */
  cost(facts: PricedUsage, catalog?: { inputPerMillion: number; outputPerMillion: number }): number {
    const table = this.table;
    const model = (facts.model && table.models[facts.model]) || {};
    const input = model.input_per_million ?? catalog?.inputPerMillion ?? 0;
    const output = model.output_per_million ?? catalog?.outputPerMillion ?? 0;
    let usd = (facts.promptTokens * input + facts.completionTokens * output) / 1_000_000;
    if (facts.images)
      usd +=
        model.per_image !== undefined
          ? facts.images * model.per_image
          : facts.megapixels * (model.per_megapixel ?? table.image_per_megapixel);
    if (facts.characters)
      usd +=
        (facts.characters * (model.per_million_characters ?? table.speech_per_million_characters)) /
        1_000_000;
    if (facts.audioSeconds && facts.modality === 'audio_stt')
      usd += (facts.audioSeconds / 60) * (model.per_minute ?? table.transcription_per_minute);
    return roundUsd(usd);
  }

  /**
   * Replaces the given fields of the price table (the admin API's DTO has checked them: prices in
   * USD, 0 or more); audited.
   */
  async update(actor: AuditActor, changes: Partial<PriceTable>): Promise<PriceTable> {
    const before = this.table;
    const after = { ...before, ...changes };
    await this.dataSource.transaction(async (manager) => {
      await manager.query(
        `UPDATE price_table SET document = $1, updated_by = $2, updated_at = now() WHERE id = 1`,
        [JSON.stringify(after), actor.id],
      );
      await this.audit.record(
        actor,
        { action: 'prices.update', targetType: 'price_table', before, after },
        manager,
      );
    });
    await this.snapshot.changed();
    return this.table;
  }
}
