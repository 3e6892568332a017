import { Injectable } from '@nestjs/common';
import { DomainError, ErrorCode, httpErrorFor } from '@tiergate/common';
import type { FailedAttempt } from '@tiergate/fallback-manager';
import { UpstreamKeyResolver } from '@tiergate/key-manager';
import { Metrics } from '@tiergate/metrics';
import type { ModelCandidate } from '@tiergate/model-selector';
import { featureOf, QuotaService, type Admission, type QuotaDemand } from '@tiergate/quota';
import { NO_USAGE, PriceBook, UsageRecorder, type RequestUsage, type UsageEvent } from '@tiergate/usage';
import { CatalogService } from '@tiergate/catalog';
import type { AnswerSource, GatewayRequestBase, Modality } from './gateway.types';
import { UsageTicket } from './usage-ticket';

/** What a request will use, as far as it is known before the upstream call. */
export type UsageDemand = Pick<QuotaDemand, 'promptTokens' | 'maxTokens' | 'audioSeconds' | 'stream'>;

/** A finished request (answered or failed), as the ledger receives it. */
export interface LedgerEntry {
  request: GatewayRequestBase;
  modality: Modality;
  startedAt: number;
  source?: AnswerSource;
  usage?: Partial<RequestUsage>;
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
   * The ticket says what was granted, and ends the request's account exactly once.
   */
  async admit(
    request: GatewayRequestBase,
    modality: Modality,
    primary: ModelCandidate,
    demand: UsageDemand,
    startedAt: number,
  ): Promise<UsageTicket> {
    const admission = await this.quota.admit({
      ...demand,
      caller: request.caller,
      feature: featureOf(modality),
      ownKey: await this.keys.usesOwnKey(request.caller, primary.providerId),
    });
    return new UsageTicket(this, request, modality, startedAt, admission, demand.promptTokens !== undefined);
  }

  /** Gives a reservation back in full (no model answered). */
  refund(admission: Admission): Promise<void> {
    return this.quota.refund(admission);
  }

  /** The request's cost in USD, from the catalog's token prices and the price table. */
  async costOf(
    modality: Modality,
    model: string | null,
    usage: RequestUsage,
    cached: boolean,
  ): Promise<number> {
    if (cached) return 0;
    const pricing = model ? (await this.catalog.find(model).catch(() => undefined))?.pricing : undefined;
    return this.prices.cost({ ...usage, model, modality }, pricing);
  }

  /** Records a finished request (answered or failed); returns its cost. */
  async record(entry: LedgerEntry): Promise<number> {
    const { request, modality, source, error } = entry;
    const usage = { ...NO_USAGE, ...entry.usage };
    const cost = source && !error ? await this.costOf(modality, source.servedModel, usage, source.cached) : 0;
    const code = error instanceof DomainError ? error.code : error ? ErrorCode.Internal : null;
    const status = code ? httpErrorFor(code).status : 200;
    const latencyMs = Math.max(0, Date.now() - entry.startedAt);
    this.observe(entry, status, latencyMs);
    const { megapixels: _priced, ...counted } = usage;
    this.recorder.record({
      ...ledgerBase(request, modality, entry.startedAt),
      servedModel: source?.servedModel ?? null,
      provider: source?.providerId ?? null,
      keySource: source?.keySource ?? 'system',
      isFallback: source?.isFallback ?? false,
      fallbackStrategy: source?.fallbackStrategy ?? null,
      cached: source?.cached ?? false,
      ...counted,
      costUsd: cost,
      latencyMs,
      ttftMs: entry.ttftMs ?? null,
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
        const { megapixels: _none, ...nothing } = NO_USAGE;
        this.recorder.record({
          ...ledgerBase(request, modality, failure.startedAt ?? Date.now()),
          requestId: attemptRequestId(request.requestId, i + 1),
          attemptOf: request.requestId,
          servedModel: failure.candidate.model,
          provider: failure.candidate.providerId,
          keySource: keySourceOf(failure),
          isFallback: false,
          fallbackStrategy: null,
          cached: false,
          ...nothing,
          costUsd: 0,
          latencyMs: Math.max(0, failure.durationMs ?? 0),
          ttftMs: null,
          status: httpErrorFor(code).status,
          errorCode: code,
        });
      });
  }

  private observe({ request, modality, source }: LedgerEntry, status: number, latencyMs: number): void {
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

  /** Settles a reservation to the usage (tokens for text, seconds for audio). */
  settle(admission: Admission, usage: Partial<RequestUsage>, textual: boolean): Promise<void> {
    return this.quota.settle(admission, {
      tokens: textual ? (usage.totalTokens ?? 0) : undefined,
      audioSeconds: usage.audioSeconds,
    });
  }
}

/** What every ledger row of a request says about who asked for what, and when. */
function ledgerBase(request: GatewayRequestBase, modality: Modality, startedAt: number) {
  return {
    requestId: request.requestId,
    occurredAt: new Date(startedAt).toISOString(),
    userId: request.caller.id,
    tier: request.caller.tier,
    feature: featureOf(modality),
    modality,
    requestedModel: request.model ?? null,
  } satisfies Partial<UsageEvent>;
}

/** The ledger id of a request's n-th failed attempt: `~` never occurs in a request id, and it fits the column. */
export function attemptRequestId(requestId: string, n: number): string {
  const suffix = `~${n}`;
  return requestId.slice(0, 128 - suffix.length) + suffix;
}
