import { Inject, Injectable } from '@nestjs/common';
import { CatalogService } from '@tiergate/catalog';
import { PriceBook, type UsageEvent } from '@tiergate/usage';
import type { BatchLineResult } from './batch-results';
import { BATCH_SETTINGS, type BatchSettings } from './batch.settings';
import type { BatchJobEntity } from './entities/batch-job.entity';

/** The ledger's request id of one batch line: unique, so the ledger keeps it once. */
export const batchRequestId = (batchId: string, customId: string) => `batch:${batchId}:${customId}`;

/**
 * One usage event per line of a finished batch, at the batch price: the serverless price (the
 * price table's override, else the catalog's) times `priceFactor` (50 %). Failed lines cost
 * nothing but are in the ledger with their status. Every event of a job carries the time the job
 * was first seen finished, so re-recording a job produces the same row identities.
 */
@Injectable()
export class BatchUsage {
  constructor(
    private readonly prices: PriceBook,
    private readonly catalog: CatalogService,
    @Inject(BATCH_SETTINGS) private readonly settings: BatchSettings,
  ) {}

  async events(job: BatchJobEntity, results: BatchLineResult[]): Promise<UsageEvent[]> {
    const occurredAt = (job.finalizingAt ?? job.createdAt).toISOString();
    const catalogPrices = new Map<
      string,
      { inputPerMillion: number; outputPerMillion: number } | undefined
    >();
    const events: UsageEvent[] = [];
    for (const line of results) {
      const model = line.model ?? job.model;
      if (!catalogPrices.has(model))
        catalogPrices.set(model, (await this.catalog.find(model).catch(() => undefined))?.pricing);
      const serverless = this.prices.cost(
        {
          model,
          modality: 'chat',
          promptTokens: line.promptTokens,
          completionTokens: line.completionTokens,
          images: 0,
          megapixels: 0,
          audioSeconds: 0,
          characters: 0,
        },
        catalogPrices.get(model),
      );
      events.push({
        requestId: batchRequestId(job.id, line.customId),
        occurredAt,
        userId: job.userId,
        tier: job.tier,
        feature: 'text_generation',
        modality: 'chat',
        requestedModel: job.model,
        servedModel: line.error ? null : model,
        provider: job.provider,
        keySource: job.keySource,
        isFallback: false,
        fallbackStrategy: null,
        cached: false,
        promptTokens: line.promptTokens,
        completionTokens: line.completionTokens,
        totalTokens: line.promptTokens + line.completionTokens,
        images: 0,
        audioSeconds: 0,
        characters: 0,
        costUsd: Math.round(serverless * this.settings.priceFactor * 1e8) / 1e8,
        latencyMs: 0,
        ttftMs: null,
        status: line.statusCode,
        errorCode: line.error?.code.slice(0, 64) ?? null,
      });
    }
    return events;
  }
}
