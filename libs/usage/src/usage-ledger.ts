import { Injectable } from '@nestjs/common';
import { CatalogService } from '@tiergate/catalog';
import { DomainError, ErrorCode, httpErrorFor } from '@tiergate/common';
import { Metrics } from '@tiergate/metrics';
import { PriceBook } from './price-book';
import { NO_USAGE, type RequestUsage, type UsageEvent } from './usage-event';
import { UsageRecorder } from './usage-recorder';

/** Who asked for what, and when: what every ledger row of a request says. */
export interface LedgerRequest {
  requestId: string;
  userId: string;
  tier: string;
  feature: string;
  modality: string;
  requestedModel: string | null;
  /** When the request started (ms since the epoch). */
  startedAt: number;
}

/** Where an answer came from, as far as the ledger is concerned. */
export interface LedgerSource {
  providerId: string;
  servedModel: string;
  keySource: 'system' | 'user';
  isFallback: boolean;
  fallbackStrategy: string | null;
  fallbackReason: string | null;
  cached: boolean;
}

/** A finished request: answered (with its source and usage) or failed (with its error). */
export interface LedgerEntry {
  request: LedgerRequest;
  source?: LedgerSource;
  usage?: Partial<RequestUsage>;
  ttftMs?: number;
  error?: unknown;
}

/** One model the fallback chain called and passed over on the way to the answer. */
export interface PassedOverAttempt {
  providerId: string;
  model: string;
  keySource: 'system' | 'user';
  code: ErrorCode;
  startedAt?: number;
  durationMs?: number;
}

const { megapixels: _notKept, ...NOTHING_COUNTED } = NO_USAGE;

/**
 * A finished request's cost and its one usage event (plus the request metrics). Recording is off
 * the response path: the recorder batches and queues.
 */
@Injectable()
export class UsageLedger {
  constructor(
    private readonly prices: PriceBook,
    private readonly catalog: CatalogService,
    private readonly recorder: UsageRecorder,
    private readonly metrics: Metrics,
  ) {}

  /** The request's cost in USD, from the catalog's token prices and the price table. */
  async costOf(
    modality: string,
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
    const { request, source, error } = entry;
    const used = { ...NO_USAGE, ...entry.usage };
    const cost =
      source && !error ? await this.costOf(request.modality, source.servedModel, used, source.cached) : 0;
    const code = error instanceof DomainError ? error.code : error ? ErrorCode.Internal : null;
    const status = code ? httpErrorFor(code).status : 200;
    const latencyMs = Math.max(0, Date.now() - request.startedAt);
    this.observe(entry, status, latencyMs);
    // One literal, field by field: this runs for every request.
    this.recorder.record({
      requestId: request.requestId,
      occurredAt: new Date(request.startedAt).toISOString(),
      userId: request.userId,
      tier: request.tier,
      feature: request.feature,
      modality: request.modality,
      requestedModel: request.requestedModel,
      servedModel: source?.servedModel ?? null,
      provider: source?.providerId ?? null,
      keySource: source?.keySource ?? 'system',
      isFallback: source?.isFallback ?? false,
      fallbackStrategy: source?.fallbackStrategy ?? null,
      cached: source?.cached ?? false,
      promptTokens: used.promptTokens,
      completionTokens: used.completionTokens,
      totalTokens: used.totalTokens,
      images: used.images,
      audioSeconds: used.audioSeconds,
      characters: used.characters,
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
   * without a call (an open breaker) are not attempts and leave none.
   */
  recordPassedOver(request: LedgerRequest, attempts: readonly PassedOverAttempt[]): void {
    attempts.forEach((attempt, i) =>
      this.recorder.record({
        ...rowOf(request, attempt.startedAt ?? Date.now()),
        requestId: attemptRequestId(request.requestId, i + 1),
        attemptOf: request.requestId,
        servedModel: attempt.model,
        provider: attempt.providerId,
        keySource: attempt.keySource,
        isFallback: false,
        fallbackStrategy: null,
        cached: false,
        ...NOTHING_COUNTED,
        costUsd: 0,
        latencyMs: Math.max(0, attempt.durationMs ?? 0),
        ttftMs: null,
        status: httpErrorFor(attempt.code).status,
        errorCode: attempt.code,
      }),
    );
  }

  private observe({ request, source }: LedgerEntry, status: number, latencyMs: number): void {
    const { modality } = request;
    const labels = {
      modality,
      model: source?.servedModel ?? request.requestedModel ?? 'none',
      tier: request.tier,
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
}

function rowOf(request: LedgerRequest, at: number) {
  const { requestId, userId, tier, feature, modality, requestedModel } = request;
  return {
    requestId,
    occurredAt: new Date(at).toISOString(),
    userId,
    tier,
    feature,
    modality,
    requestedModel,
  } satisfies Partial<UsageEvent>;
}

/** The ledger id of a request's n-th failed attempt: `~` never occurs in a request id, and it fits the column. */
export function attemptRequestId(requestId: string, n: number): string {
  const suffix = `~${n}`;
  return requestId.slice(0, 128 - suffix.length) + suffix;
}
