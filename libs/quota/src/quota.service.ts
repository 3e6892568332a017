import { randomBytes } from 'node:crypto';
import { Inject, Injectable, Logger } from '@nestjs/common';
import type { Tier } from '@tiergate/common';
import { Metrics } from '@tiergate/metrics';
import { Admission, type QuotaDemand, type UsageActuals } from './admission';
import {
  cappedMaxTokens,
  quotaExceededError,
  rateLimitHeaders,
  reservationLimits,
  reservedTokens,
} from './admission.policy';
import { DAY_TTL_MARGIN_SECONDS, QuotaClock, utcDay } from './quota-clock';
import { QuotaOutage } from './quota-outage';
import { QuotaPolicies } from './quota-policy.service';
import { QuotaSeeder } from './quota-seeder';
import { MemoryQuotaStore } from './memory-quota-store';
import {
  QuotaStore,
  type DayUsage,
  type ReserveOutcome,
  type ReservationAmounts,
  type ReservationKeys,
  type ReservationLimits,
} from './quota-store';
import { QuotaUnavailableError } from './quota.errors';
import {
  FEATURES,
  type Feature,
  type FeatureLimits,
  type FeatureQuotaView,
  type RedisFailureMode,
} from './quota.types';

export const FALLBACK_QUOTA_STORE = Symbol('FALLBACK_QUOTA_STORE');

/** A demand with the limits it is held to, worked out once per request (`QuotaService.plan`). */
export interface QuotaPlan {
  readonly demand: QuotaDemand;
  readonly limits: FeatureLimits;
  readonly checked: ReservationLimits;
  readonly failureMode: RedisFailureMode;
  /** Whether the reservation could refuse the demand (else it only counts it). */
  readonly refusable: boolean;
}

/**
 * Quotas and rate limits, enforced before the upstream call: one atomic reservation of the
 * request, its token estimate and its audio minutes; settled to the real usage afterwards,
 * refunded in full when the call fails. Redis unreachable: a tier that fails closed gets 503,
 * one that fails open is held to the same limits per instance until Redis is back.
 *
 * Counters the store lost (Redis emptied, embedded mode restarted) are rebuilt from the usage
 * ledger before the user's next request is counted (QuotaSeeder); seeded counters cost one store
 * call per reservation. Ledger unreachable while a rebuild is needed: the same rule as Redis, a
 * tier that fails closed gets 503, one that fails open is counted without the rebuild.
 */
@Injectable()
export class QuotaService {
  private readonly logger = new Logger(QuotaService.name);
  private readonly outage: QuotaOutage;
  private reservations = 0;
  private readonly instance = randomBytes(6).toString('base64url');

  constructor(
    private readonly store: QuotaStore,
    @Inject(FALLBACK_QUOTA_STORE) private readonly fallbackStore: MemoryQuotaStore,
    private readonly policies: QuotaPolicies,
    private readonly clock: QuotaClock,
    private readonly metrics: Metrics,
    private readonly seeder: QuotaSeeder,
  ) {
    this.outage = new QuotaOutage(store, fallbackStore, clock, this.logger);
  }

  /**
   * The limits a demand is held to, worked out once per request, and whether the reservation
   * could refuse it: some limit applies (a rate limit, a daily quota, a per-request cap), or Redis
   * is known to be down. When none does, the reservation only counts, and the caller need not
   * wait for it to call the model: if it fails after all (Redis refusing a tier that fails
   * closed), the call is abandoned.
   */
  plan(demand: QuotaDemand): QuotaPlan {
    const policy = this.policies.tier(demand.caller.tier);
    const limits = demand.ownKey
      ? {}
      : this.policies.limitsFor(demand.caller.id, demand.caller.tier, demand.feature);
    const checked = reservationLimits(limits, policy.rate_limits, demand.stream);
    const refusable =
      this.outage.redisKnownDown() ||
      (demand.promptTokens !== undefined && limits.tokens_per_request != null) ||
      Object.values(checked).some((limit) => limit != null);
    return { demand, limits, checked, failureMode: policy.on_redis_failure, refusable };
  }

  /** Reserves the demand (planned by `plan`, or planned here) or refuses it. */
  async admit(planned: QuotaPlan | QuotaDemand): Promise<Admission> {
    const { demand, limits, checked, failureMode } = 'checked' in planned ? planned : this.plan(planned);
    const now = this.clock.now();
    const { day, secondsLeft, resetsAt } = utcDay(now);
    const maxTokens = cappedMaxTokens(demand, limits);
    const tokens = reservedTokens(demand, maxTokens);
    const keys: ReservationKeys = {
      userId: demand.caller.id,
      feature: demand.feature,
      day,
      second: Math.floor(now / 1000),
      minute: Math.floor(now / 60_000),
      dayTtlSeconds: secondsLeft + DAY_TTL_MARGIN_SECONDS,
      reservation: `${this.instance}.${(++this.reservations).toString(36)}`,
    };
    const amounts: ReservationAmounts = {
      tokens,
      audioMs: Math.ceil((demand.audioSeconds ?? 0) * 1000),
      stream: demand.stream,
      quota: !demand.ownKey,
    };
    const { store, outcome } = await this.reserve(keys, checked, amounts, failureMode);
    if (!outcome.ok) {
      // Not reached: reserve() rebuilds the counters, or counts them unseeded, or refuses.
      if ('unseeded' in outcome) throw new QuotaUnavailableError();
      const { tier } = demand.caller;
      this.metrics.quotaRejections.inc({ tier, feature: demand.feature, limit: outcome.limit });
      throw quotaExceededError(demand, outcome.limit, outcome.limitValue, resetsAt, now);
    }
    return new Admission(
      { ...keys, seed: outcome.seed },
      amounts,
      store,
      maxTokens,
      rateLimitHeaders(limits, outcome.requestsUsed, resetsAt),
    );
  }

  /** Moves the reservation to what was really used (refunding the rest). */
  async settle(admission: Admission, actual: UsageActuals): Promise<void> {
    if (!admission.claim()) return;
    const tokenDelta = actual.tokens === undefined ? 0 : actual.tokens - admission.amounts.tokens;
    const audioDelta =
      actual.audioSeconds === undefined
        ? 0
        : Math.ceil(actual.audioSeconds * 1000) - admission.amounts.audioMs;
    await admission.store
      .settle(admission.keys, admission.amounts, tokenDelta, audioDelta)
      .catch((error: Error) => this.logger.error(`could not settle a quota reservation: ${error.message}`));
  }

  /** Gives the whole reservation back (the upstream call failed). */
  async refund(admission: Admission): Promise<void> {
    if (!admission.claim()) return;
    await admission.store
      .refund(admission.keys, admission.amounts)
      .catch((error: Error) => this.logger.error(`could not refund a quota reservation: ${error.message}`));
  }

  /**
   * Counts usage that was served without a reservation and is already in the ledger (a batch
   * job's results, recorded when the job ends) against the user's quota for the day it was
   * recorded, once per `id` however often it is repeated. Throws when the store cannot be reached,
   * so the caller tries again later; the ledger, which a rebuild reads, already holds it.
   */
  async countRecorded(
    userId: string,
    feature: Feature,
    usage: DayUsage,
    at: Date,
    id: string,
  ): Promise<void> {
    if (usage.requests === 0 && usage.tokens === 0 && usage.audioMs === 0) return;
    const today = utcDay(this.clock.now());
    if (utcDay(at.getTime()).day !== today.day) return; // a past day's counters are gone
    const ttlSeconds = today.secondsLeft + DAY_TTL_MARGIN_SECONDS;
    // Seeded from the ledger after this point, the counters already hold it.
    await this.store.carryOver(userId, today.day, feature, usage, Date.now(), ttlSeconds, id);
  }

  /** The specification's quota view: used and limit per feature today (minutes for audio). */
  async status(user: { id: string; tier: Tier }) {
    const { day, secondsLeft, resetsAt } = utcDay(this.clock.now());
    const usage = await this.dayUsage(user.id, day, secondsLeft + DAY_TTL_MARGIN_SECONDS);
    const features = Object.fromEntries(
      FEATURES.map((feature) => {
        const limits = this.policies.limitsFor(user.id, user.tier, feature);
        const used = usage[feature];
        const view: FeatureQuotaView = {
          requests_used: used.requests,
          requests_limit: limits.requests_per_day ?? null,
        };
        if (feature === 'text_generation' || feature === 'code_generation' || limits.tokens_per_day != null) {
          view.tokens_used = used.tokens;
          view.tokens_limit = limits.tokens_per_day ?? null;
          view.tokens_per_request_limit = limits.tokens_per_request ?? null;
        }
        if (feature === 'audio_tts' || feature === 'audio_stt' || limits.minutes_per_day != null) {
          view.minutes_used = Math.round((used.audioMs / 60_000) * 1000) / 1000;
          view.minutes_limit = limits.minutes_per_day ?? null;
        }
        return [feature, view];
      }),
    ) as Record<Feature, FeatureQuotaView>;
    return { features, resetsAt, rateLimits: this.policies.tier(user.tier).rate_limits };
  }

  /**
   * One store call when the user's counters for the day are seeded; otherwise they are rebuilt
   * from the ledger first. Redis down: 503 for a tier that fails closed, the per-instance store
   * for one that fails open.
   */
  private async reserve(
    keys: ReservationKeys,
    limits: ReservationLimits,
    amounts: ReservationAmounts,
    mode: RedisFailureMode,
  ): Promise<{ store: QuotaStore; outcome: ReserveOutcome }> {
    if (!(this.outage.redisKnownDown() && mode === 'open')) {
      try {
        const outcome = await this.reserveSeeded(keys, limits, amounts, mode);
        this.outage.redisAnswered();
        return { store: this.store, outcome };
      } catch (error) {
        if (error instanceof QuotaUnavailableError) throw error;
        // Redis may have counted it before the reply was lost: taken back when Redis answers again.
        this.outage.replyLost(keys, amounts, error);
        if (mode === 'closed') throw new QuotaUnavailableError();
      }
    }
    this.outage.countingOnFallback();
    return {
      store: this.fallbackStore,
      outcome: await this.fallbackStore.reserve(keys, limits, amounts, false),
    };
  }

  /**
   * Reserves on the shared store; unseeded counters are rebuilt from the ledger, then the
   * reservation is tried again (a second loss in between rebuilds again, three times at most).
   * Ledger unreachable: 503 for a tier that fails closed; one that fails open is counted as is.
   */
  private async reserveSeeded(
    keys: ReservationKeys,
    limits: ReservationLimits,
    amounts: ReservationAmounts,
    mode: RedisFailureMode,
  ): Promise<ReserveOutcome> {
    let outcome = await this.store.reserve(keys, limits, amounts, true);
    for (let attempt = 1; !outcome.ok && 'unseeded' in outcome; attempt++) {
      const seeded =
        attempt <= 3 &&
        (await this.seeder.ensureSeeded(this.store, keys.userId, keys.day, keys.dayTtlSeconds));
      if (!seeded && mode === 'closed') throw new QuotaUnavailableError();
      outcome = await this.store.reserve(keys, limits, amounts, seeded);
    }
    return outcome;
  }

  /** Today's counters for the quota view, rebuilt first when the store lost them. */
  private async dayUsage(userId: string, day: string, ttlSeconds: number): Promise<Record<string, DayUsage>> {
    try {
      let counters = await this.store.dayUsage(userId, day, FEATURES);
      if (!counters.seeded && (await this.seeder.ensureSeeded(this.store, userId, day, ttlSeconds)))
        counters = await this.store.dayUsage(userId, day, FEATURES);
      return counters.features;
    } catch {
      return (await this.fallbackStore.dayUsage(userId, day, FEATURES)).features;
    }
  }
}
