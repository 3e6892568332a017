import type { Admission } from '@tiergate/quota';
import type { RequestUsage } from '@tiergate/usage';
import { SPAN } from '@tiergate/tracing';
import type { AnswerSource, GatewayRequestBase, Modality } from './gateway.types';
import type { UsageMeter } from './usage-meter';

/**
 * One admitted request's account with the platform: what admission granted (the `max_tokens` to
 * send, the rate-limit figures), then exactly one ending: `settle` to what the answer used (the
 * quota settled to it, the request priced and recorded), or `fail` (the reservation given back,
 * the failure recorded). Whichever comes first wins; later calls get the same outcome.
 */
export class UsageTicket {
  private ending?: Promise<number>;

  constructor(
    private readonly meter: UsageMeter,
    private readonly request: GatewayRequestBase,
    private readonly modality: Modality,
    private readonly startedAt: number,
    private readonly admission: Admission,
    /** Text requests settle their tokens; the others their audio seconds. */
    private readonly textual: boolean,
  ) {}

  /** The max_tokens to send upstream: the caller's, capped so the answer fits the reservation. */
  get maxTokens(): number | undefined {
    return this.admission.maxTokens;
  }

  /** X-RateLimit-* for the answer. */
  get rateLimit(): Record<string, string> {
    return this.admission.headers;
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
    await this.meter.refund(this.admission);
    void this.meter.record({ ...this.entry(), source, error });
  }

  private async settled(usage: Partial<RequestUsage>, source: AnswerSource, ttftMs?: number) {
    const { trace } = this.request;
    trace?.begin(SPAN.settle);
    void this.meter.settle(this.admission, usage, this.textual);
    const costUsd = await this.meter.record({ ...this.entry(), source, usage, ttftMs });
    trace?.end(SPAN.settle, { 'tiergate.cost_usd': costUsd });
    return costUsd;
  }

  private entry() {
    return { request: this.request, modality: this.modality, startedAt: this.startedAt };
  }
}
