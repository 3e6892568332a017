import type { Admission } from '@tiergate/quota';
import type { RequestUsage } from '@tiergate/usage';
import { SPAN } from '@tiergate/tracing';
import type { AnswerSource, GatewayRequestBase, Modality } from './gateway.types';
import type { UsageMeter } from './usage-meter';

/** What admission granted the request: the `max_tokens` to send and the X-RateLimit-* figures. */
export interface Grant {
  maxTokens: number | undefined;
  rateLimit: Record<string, string>;
}

/**
 * One admitted request's account with the platform: what admission granted, then exactly one
 * ending: `settle` to what the answer used (the quota settled to it, the request priced and
 * recorded), or `fail` (the reservation given back, the failure recorded). Whichever comes first
 * wins; later calls get the same outcome.
 *
 * The reservation itself may still be on its way to Redis (a request no limit can refuse, on a
 * tier that fails open, does not wait for it): the quota is settled or refunded once it is in,
 * and a reservation that could not be made at all (`undefined`) has nothing to settle. The ledger
 * records the request either way.
 */
export class UsageTicket {
  private ending?: Promise<number>;

  constructor(
    private readonly meter: UsageMeter,
    private readonly request: GatewayRequestBase,
    private readonly modality: Modality,
    private readonly startedAt: number,
    private readonly admission: Promise<Admission | undefined>,
    private readonly grant: Grant,
    /** Text requests settle their tokens; the others their audio seconds. */
    private readonly textual: boolean,
  ) {}

  /** The max_tokens to send upstream: the caller's, capped so the answer fits the reservation. */
  get maxTokens(): number | undefined {
    return this.grant.maxTokens;
  }

  /** X-RateLimit-* for the answer. */
  get rateLimit(): Record<string, string> {
    return this.grant.rateLimit;
  }

  /**
   * Settles the quota to the usage (sent, not awaited: the answer does not wait for Redis, and
   * whatever reads the counters next on this instance goes down the same connection, behind it),
   * then prices and records the request. Returns its cost in USD.
   */
  settle(usage: Partial<RequestUsage>, source: AnswerSource, ttftMs?: number): Promise<number> {
    return (this.ending ??= this.settled(usage, source, ttftMs));
  }

  /** The upstream gave nothing: the reservation is given back in full and the failure recorded. */
  async fail(error: unknown, source?: AnswerSource): Promise<void> {
    if (this.ending) return;
    this.ending = Promise.resolve(0);
    const admission = await this.admission;
    if (admission) await this.meter.refund(admission);
    void this.meter.record({ ...this.entry(), source, error });
  }

  private async settled(usage: Partial<RequestUsage>, source: AnswerSource, ttftMs?: number) {
    const { trace } = this.request;
    trace?.begin(SPAN.settle);
    void this.admission.then((admission) => admission && this.meter.settle(admission, usage, this.textual));
    const costUsd = await this.meter.record({ ...this.entry(), source, usage, ttftMs });
    trace?.end(SPAN.settle, { 'tiergate.cost_usd': costUsd });
    return costUsd;
  }

  private entry() {
    return { request: this.request, modality: this.modality, startedAt: this.startedAt };
  }
}
