import { Injectable } from '@nestjs/common';
import { DomainError, ErrorCode, httpErrorFor } from '@tiergate/common';
import type { FailedAttempt } from '@tiergate/fallback-manager';
import { UpstreamKeyResolver } from '@tiergate/key-manager';
import { Metrics } from '@tiergate/metrics';
import type { ModelCandidate } from '@tiergate/model-selector';
import { featureOf, QuotaService, type Admission } from '@tiergate/quota';
import { PriceBook, UsageRecorder } from '@tiergate/usage';
import { CatalogService } from '@tiergate/catalog';
import type { AnswerSource, GatewayRequestBase, Modality } from './gateway.types';
import { NO_USAGE, type Metering, type UsageFacts } from './metering';

export interface MeterReading {
  request: GatewayRequestBase;
  modality: Modality;
  startedAt: number;
  source?: AnswerSource;
  facts?: Partial<UsageFacts>;
  ttftMs?: number;
  error?: unknown;
}

/**
 * Turns a finished request into its cost and its one usage event, and settles its quota to the
 * same facts. Recording is off the response path (the recorder batches and queues).
 */
@Injectable()
export class UsageMeter {
  constructor(
    private readonly prices: PriceBook,
    private readonly catalog: CatalogService,
    private readonly recorder: UsageRecorder,
    private readonly quota: QuotaService,
    private readonly keys: UpstreamKeyResolver,
    private readonly metrics: Metrics,
  ) {}

  /**
   * Reserves the request against the caller's quota and rate limits, once, before the first
   * model is called (on the caller's own key for that model's provider: rate limits only).
   */
  async reserve(
    request: GatewayRequestBase,
    modality: Modality,
    primary: ModelCandidate,
    demand: Metering<unknown>['demand'],
  ): Promise<Admission> {
    return this.quota.admit({
      ...demand,
      caller: request.caller,
      feature: featureOf(modality),
      ownKey: await this.keys.usesOwnKey(request.caller, primary.providerId),
    });
  }

  /** Gives a reservation back in full (no model answered). */
  refund(admission: Admission): Promise<void> {
    return this.quota.refund(admission);
  }

  /** The request's cost in USD, from the catalog's token prices and the price table. */
  async costOf(
    modality: Modality,
    model: string | null,
    facts: UsageFacts,
    cached: boolean,
  ): Promise<number> {
    if (cached) return 0;
    const pricing = model ? (await this.catalog.find(model).catch(() => undefined))?.pricing : undefined;
    return this.prices.cost({ ...facts, model, modality }, pricing);
  }

  /** Records a finished request (answered or failed); returns its cost. */
  async record(reading: MeterReading): Promise<number> {
    const { request, modality, source, error } = reading;
    const facts = { ...NO_USAGE, ...reading.facts };
    const cost = source && !error ? await this.costOf(modality, source.servedModel, facts, source.cached) : 0;
    const code = error instanceof DomainError ? error.code : error ? ErrorCode.Internal : null;
    const status = code ? httpErrorFor(code).status : 200;
    const latencyMs = Math.max(0, Date.now() - reading.startedAt);
    this.observe(reading, status, latencyMs);
    this.recorder.record({
      requestId: request.requestId,
      occurredAt: new Date(reading.startedAt).toISOString(),
      userId: request.caller.id,
      tier: request.caller.tier,
      feature: featureOf(modality),
      modality,
      requestedModel: request.model ?? null,
      servedModel: source?.servedModel ?? null,
      provider: source?.providerId ?? null,
      keySource: source?.keySource ?? 'system',
      isFallback: source?.isFallback ?? false,
      fallbackStrategy: source?.fallbackStrategy ?? null,
      cached: source?.cached ?? false,
      promptTokens: facts.promptTokens,
      completionTokens: facts.completionTokens,
      totalTokens: facts.totalTokens,
      images: facts.images,
      audioSeconds: facts.audioSeconds,
      characters: facts.characters,
      costUsd: cost,
      latencyMs,
      ttftMs: reading.ttftMs ?? null,
      status,
      errorCode: code,
    });
    return cost;
  }

  /**
   * The models the fallback chain called and passed over on the way to the answer: one ledger row
   * each (once per model, whatever the retries), so operators see them. The request keeps its own
   * one row. A row: id `<request id>~<n>`, `attempt_of` the request, the model and provider tried,
   * the failure's status and code, zero tokens and cost, the attempt's time. Models skipped
   * without a call (an open breaker) leave none.
   */
  recordFailedAttempts(
    request: GatewayRequestBase,
    modality: Modality,
    failures: readonly FailedAttempt[],
    keySourceOf: (failure: FailedAttempt) => 'system' | 'user',
  ): void {
    failures
      .filter((failure) => failure.error)
      .forEach((failure, i) => {
        const code = failure.error!.code;
        this.recorder.record({
          requestId: attemptRequestId(request.requestId, i + 1),
          attemptOf: request.requestId,
          occurredAt: new Date(failure.startedAt ?? Date.now()).toISOString(),
          userId: request.caller.id,
          tier: request.caller.tier,
          feature: featureOf(modality),
          modality,
          requestedModel: request.model ?? null,
          servedModel: failure.candidate.model,
          provider: failure.candidate.providerId,
          keySource: keySourceOf(failure),
          isFallback: false,
          fallbackStrategy: null,
          cached: false,
          promptTokens: 0,
          completionTokens: 0,
          totalTokens: 0,
          images: 0,
          audioSeconds: 0,
          characters: 0,
          costUsd: 0,
          latencyMs: Math.max(0, failure.durationMs ?? 0),
          ttftMs: null,
          status: httpErrorFor(code).status,
          errorCode: code,
        });
      });
  }

  private observe({ request, modality, source }: MeterReading, status: number, latencyMs: number): void {
    const labels = {
      modality,
      model: source?.servedModel ?? request.model ?? 'none',
      tier: request.caller.tier,
      status: String(status),
    };
    this.metrics.gatewayRequests.inc(labels);
    this.metrics.gatewayDuration.observe(labels, latencyMs / 1000);
    if (source?.cached) this.metrics.cacheHits.inc({ modality });
    if (source?.isFallback)
      this.metrics.fallbacks.inc({
        strategy: source.fallbackStrategy ?? 'unknown',
        reason: source.fallbackReason ?? 'unknown',
      });
  }

  /** Settles a reservation to the facts (tokens for text, seconds for audio). */
  settle(admission: Admission | undefined, facts: Partial<UsageFacts>, textual: boolean): Promise<void> {
    if (!admission) return Promise.resolve();
    return this.quota.settle(admission, {
      tokens: textual ? (facts.totalTokens ?? 0) : undefined,
      audioSeconds: facts.audioSeconds,
    });
  }
}

/** The ledger id of a request's n-th failed attempt: `~` never occurs in a request id, and it fits the column. */
export function attemptRequestId(requestId: string, n: number): string {
  const suffix = `~${n}`;
  return requestId.slice(0, 128 - suffix.length) + suffix;
}
