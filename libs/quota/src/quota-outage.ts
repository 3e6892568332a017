import type { Logger } from '@nestjs/common';
import { DAY_TTL_MARGIN_SECONDS, QuotaClock, utcDay } from './quota-clock';
import type { MemoryQuotaStore } from './memory-quota-store';
import type { QuotaStore, ReservationAmounts, ReservationKeys } from './quota-store';

/** After a failed call to Redis, fail-open tiers use the per-instance store this long before Redis is tried again. */
const REDIS_RETRY_AFTER_MS = 2_000;

/** Reservations with a lost reply remembered for taking back (beyond it, they stay counted). */
const MAX_UNANSWERED = 10_000;

/**
 * One QuotaService's view of an outage of the shared store (Redis): whether it is known to be down,
 * the reservations whose replies were lost in it, and what this instance counted on its own store
 * while failing open. Once Redis answers again, both are reconciled with the shared counters.
 */
export class QuotaOutage {
  /** Until when Redis counts as down (0: up). */
  private redisDownUntil = 0;
  /** When this instance first counted a request on its own store in the current outage. */
  private failOpenSince?: number;
  private carryingOver?: Promise<void>;
  /** Reservations sent to Redis whose outcome never arrived: taken back once Redis answers again. */
  private unanswered: Array<{ keys: ReservationKeys; amounts: ReservationAmounts }> = [];

  constructor(
    private readonly store: QuotaStore,
    private readonly fallbackStore: MemoryQuotaStore,
    private readonly clock: QuotaClock,
    private readonly logger: Logger,
  ) {}

  /** While Redis is known to be down, fail-open tiers go straight to the per-instance store. */
  redisKnownDown(): boolean {
    return this.redisDownUntil > Date.now();
  }

  /** Redis answered: the outage (if any) is over, and what it left behind is reconciled. */
  redisAnswered(): void {
    this.redisDownUntil = 0;
    if (this.failOpenSince !== undefined || this.unanswered.length) this.carryOverFailOpenCounts();
  }

  /**
   * A reservation's call to Redis failed. Redis may have counted it before the reply was lost: it
   * is taken back when Redis answers again.
   */
  replyLost(keys: ReservationKeys, amounts: ReservationAmounts, error: unknown): void {
    if (this.unanswered.length < MAX_UNANSWERED) this.unanswered.push({ keys, amounts });
    this.markRedisDown(error);
  }

  /** A request is about to be counted on the per-instance store (failing open). */
  countingOnFallback(): void {
    this.failOpenSince ??= Date.now();
  }

  /** Remembers the outage for 2 s (then Redis is tried again); logs once per outage. */
  private markRedisDown(error: unknown): void {
    if (!this.redisDownUntil) this.logger.error(`Quota counters unreachable: ${(error as Error).message}`);
    this.redisDownUntil = Date.now() + REDIS_RETRY_AFTER_MS;
  }

  /**
   * Redis is back: what this instance counted on its own while failing open is added to the
   * shared counters (today's only), off the request path, so nobody keeps the outage's allowance.
   */
  private carryOverFailOpenCounts(): void {
    if (this.carryingOver) return;
    const since = this.failOpenSince;
    this.failOpenSince = undefined;
    const unanswered = this.unanswered;
    this.unanswered = [];
    this.carryingOver = (async () => {
      // First the reservations whose replies were lost: counted here or refused, so not in Redis.
      while (unanswered.length) {
        const { keys, amounts } = unanswered[0];
        await this.store.undoLost(keys, amounts);
        unanswered.shift();
      }
      if (since === undefined) return;
      const { day: today, secondsLeft } = utcDay(this.clock.now());
      const ttlSeconds = secondsLeft + DAY_TTL_MARGIN_SECONDS;
      for (const { userId, day, feature, usage } of this.fallbackStore.dayCounters()) {
        if (day !== today) continue;
        await this.store.carryOver(userId, day, feature, usage, since, ttlSeconds);
        this.fallbackStore.subtract(userId, day, feature, usage, ttlSeconds);
      }
    })()
      .catch((error: Error) => {
        // Tried again after the next reservation that reaches Redis.
        if (since !== undefined) this.failOpenSince ??= since;
        this.unanswered = [...unanswered, ...this.unanswered].slice(0, MAX_UNANSWERED);
        this.logger.error(`Could not carry the fail-open counts over to Redis: ${error.message}`);
      })
      .finally(() => (this.carryingOver = undefined));
  }
}
