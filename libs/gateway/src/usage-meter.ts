import { Injectable, Logger } from '@nestjs/common';
import type { FailedAttempt } from '@tiergate/fallback-manager';
import { UpstreamKeyResolver } from '@tiergate/key-manager';
import type { ModelCandidate } from '@tiergate/common';
import { featureOf, QuotaService, type Admission, type QuotaDemand } from '@tiergate/quota';
import { UsageLedger, type LedgerRequest, type RequestUsage } from '@tiergate/usage';
import type { AnswerSource, GatewayRequestBase, Modality } from './gateway.types';
import { UsageTicket, type Grant } from './usage-ticket';

/** What a request will use, as far as it is known before the upstream call. */
export type UsageDemand = Pick<
  QuotaDemand,
  'promptTokens' | 'maxTokens' | 'choices' | 'audioSeconds' | 'stream'
>;

/**
 * A reservation under way, and the request's ticket: once Redis has answered when the reservation
 * may refuse the request, at once when it can only count it.
 */
export interface Reservation {
  ticket: Promise<UsageTicket>;
  /**
   * The model may be called before the ticket comes, but the answer must wait for it: nothing can
   * refuse the request except Redis failing, on a tier that fails closed.
   */
  callBeside: boolean;
}

/** A finished request (answered or failed), as the pipeline reports it. */
export interface MeteredRequest {
  request: GatewayRequestBase;
  modality: Modality;
  startedAt: number;
  source?: AnswerSource;
  usage?: Partial<RequestUsage>;
  ttftMs?: number;
  error?: unknown;
}

/**
 * A gateway request against the caller's quota and in the ledger: reserved once before the first
 * model is called (the ticket), then settled to what it used and recorded (UsageLedger prices
 * it), or refunded and recorded as failed.
 */
@Injectable()
export class UsageMeter {
  private readonly logger = new Logger(UsageMeter.name);

  constructor(
    private readonly quota: QuotaService,
    private readonly keys: UpstreamKeyResolver,
    private readonly ledger: UsageLedger,
  ) {}

  /**
   * Reserves the request against the caller's quota and rate limits, once, before the first
   * model is called (on the caller's own key for that model's provider: rate limits only). The
   * reservation is under way when this returns. When a limit can refuse the request, its ticket
   * comes once Redis has answered. When none can, what it grants is known already (the caller's
   * max_tokens, uncapped; no X-RateLimit figures): on a tier that fails open the ticket comes at
   * once and the answer never waits for Redis; on one that fails closed the model is called
   * beside the reservation, and the answer waits for it (`callBeside`).
   */
  async admit(
    request: GatewayRequestBase,
    modality: Modality,
    primary: ModelCandidate,
    demand: UsageDemand,
    startedAt: number,
  ): Promise<Reservation> {
    const quotaDemand: QuotaDemand = {
      ...demand,
      caller: request.caller,
      feature: featureOf(modality),
      ownKey: await this.keys.usesOwnKey(request.caller, primary.providerId),
    };
    const textual = demand.promptTokens !== undefined;
    const plan = this.quota.plan(quotaDemand);
    const admitting = this.quota.admit(plan);
    const ticket = (admission: Promise<Admission | undefined>, grant: Grant) =>
      new UsageTicket(this, request, modality, startedAt, admission, grant, textual);
    if (plan.refusable || plan.failureMode === 'closed') {
      return {
        callBeside: !plan.refusable,
        ticket: admitting.then((admission) =>
          ticket(admitting, { maxTokens: admission.maxTokens, rateLimit: admission.headers }),
        ),
      };
    }
    const counted = admitting.catch((error: Error) => {
      this.logger.error(`could not count request ${request.requestId} against its quota: ${error.message}`);
      return undefined;
    });
    return {
      callBeside: false,
      ticket: Promise.resolve(ticket(counted, { maxTokens: demand.maxTokens, rateLimit: {} })),
    };
  }

  /** Settles a reservation to the usage (tokens for text, seconds for audio). */
  settle(admission: Admission, usage: Partial<RequestUsage>, textual: boolean): Promise<void> {
    return this.quota.settle(admission, {
      tokens: textual ? (usage.totalTokens ?? 0) : undefined,
      audioSeconds: usage.audioSeconds,
    });
  }

  /** Gives a reservation back in full (no model answered). */
  refund(admission: Admission): Promise<void> {
    return this.quota.refund(admission);
  }

  /** Records a finished request (answered or failed); returns its cost. */
  record({ request, modality, startedAt, ...outcome }: MeteredRequest): Promise<number> {
    return this.ledger.record({ request: ledgerRequest(request, modality, startedAt), ...outcome });
  }

  /**
   * The models the chain called and passed over on the way to the answer: a ledger row each, so
   * operators see them (models skipped without a call, behind an open breaker, leave none).
   */
  recordFailedAttempts(
    request: GatewayRequestBase,
    modality: Modality,
    startedAt: number,
    failures: readonly FailedAttempt[],
    keySourceOf: (failure: FailedAttempt) => 'system' | 'user',
  ): void {
    const called = failures.filter((failure) => failure.error);
    if (!called.length) return;
    this.ledger.recordPassedOver(
      ledgerRequest(request, modality, startedAt),
      called.map((failure) => ({
        providerId: failure.candidate.providerId,
        model: failure.candidate.model,
        keySource: keySourceOf(failure),
        code: failure.error!.code,
        startedAt: failure.startedAt,
        durationMs: failure.durationMs,
      })),
    );
  }
}

function ledgerRequest(request: GatewayRequestBase, modality: Modality, startedAt: number): LedgerRequest {
  return {
    requestId: request.requestId,
    userId: request.caller.id,
    tier: request.caller.tier,
    feature: featureOf(modality),
    modality,
    requestedModel: request.model ?? null,
    startedAt,
  };
}
