import { randomBytes } from 'node:crypto';
import { Inject, Injectable, Logger } from '@nestjs/common';
import type { Tier } from '@tiergate/common';
import { Metrics } from '@tiergate/metrics';
import { Admission, type QuotaDemand, type UsageActuals } from './admission';
import { QuotaClock, utcDay } from './quota-clock';
import { QuotaPolicies } from './quota-policy.service';
import { QuotaSeeder } from './quota-seeder';
import { MemoryQuotaStore } from './memory-quota-store';
import {
  QuotaStore,
  type DayUsage,
  type LimitName,
  type ReserveOutcome,
  type ReservationAmounts,
  type ReservationKeys,
  type ReservationLimits,
} from './quota-store';
import { QuotaExceededError, QuotaUnavailableError, RequestTooLargeError } from './quota.errors';
import {
  FEATURES,
  type Feature,
  type FeatureLimits,
  type FeatureQuotaView,
  type RedisFailureMode,
} from './quota.types';

/** Token reservation for a request that names no max_tokens and has no per-request cap. */
const DEFAULT_COMPLETION_ESTIMATE = 512;
/** After a failed call to Redis, fail-open tiers use the per-instance store this long before Redis is tried again. */
const REDIS_RETRY_AFTER_MS = 2_000;

/** The day's counters (and their seed mark) are kept this long after midnight UTC. */
const DAY_TTL_MARGIN_SECONDS = 3600;

/** Reservations with a lost reply remembered for taking back (beyond it, they stay counted). */
const MAX_UNANSWERED = 10_000;

export const FALLBACK_QUOTA_STORE = Symbol('FALLBACK_QUOTA_STORE');

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
  /** Until when Redis counts as down (0: up). */
  private redisDownUntil = 0;
  /** When this instance first counted a request on its own store in the current outage. */
  private failOpenSince?: number;
  private carryingOver?: Promise<void>;
  /** Reservations sent to Redis whose outcome never arrived: taken back once Redis answers again. */
  private unanswered: Array<{ keys: ReservationKeys; amounts: ReservationAmounts }> = [];
  private reservations = 0;
  private readonly instance = randomBytes(6).toString('base64url');

  constructor(
    private readonly store: QuotaStore,
    @Inject(FALLBACK_QUOTA_STORE) private readonly fallbackStore: MemoryQuotaStore,
    private readonly policies: QuotaPolicies,
    private readonly clock: QuotaClock,
    private readonly metrics: Metrics,
    private readonly seeder: QuotaSeeder,
  ) {}

  async admit(demand: QuotaDemand): Promise<Admission> {
    const now = this.clock.now();
    const { day, secondsLeft, resetsAt } = utcDay(now);
    const policy = this.policies.tier(demand.caller.tier);
    const limits = demand.ownKey
      ? {}
      : this.policies.limitsFor(demand.caller.id, demand.caller.tier, demand.feature);
    const maxTokens = this.cappedMaxTokens(demand, limits);
    const tokens =
      demand.promptTokens === undefined
        ? 0
        : demand.promptTokens + (maxTokens ?? DEFAULT_COMPLETION_ESTIMATE);
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
    const rates = policy.rate_limits;
    const reservationLimits: ReservationLimits = {
      requestsPerDay: orUnlimited(limits.requests_per_day),
      tokensPerDay: orUnlimited(limits.tokens_per_day),
      audioMsPerDay: limits.minutes_per_day == null ? -1 : limits.minutes_per_day * 60_000,
      requestsPerSecond: orUnlimited(rates.requests_per_second),
      requestsPerMinute: orUnlimited(rates.requests_per_minute),
      tokensPerMinute: orUnlimited(rates.tokens_per_minute),
      concurrentStreams: demand.stream ? orUnlimited(rates.concurrent_streams) : -1,
    };
    const { store, outcome } = await this.reserve(keys, reservationLimits, amounts, policy.on_redis_failure);
    if (!outcome.ok) {
      // Not reached: reserve() rebuilds the counters, or counts them unseeded, or refuses.
      if ('unseeded' in outcome) throw new QuotaUnavailableError();
      throw this.exceeded(demand, outcome.limit, outcome.limitValue, resetsAt, now);
    }
    return new Admission(
      { ...keys, seed: outcome.seed },
      amounts,
      store,
      maxTokens,
      this.headers(limits, outcome.requestsUsed, resetsAt),
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

  /** The seed's quota view: used and limit per feature today (minutes for audio). */
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
    if (!(this.redisKnownDown() && mode === 'open')) {
      try {
        const outcome = await this.reserveSeeded(keys, limits, amounts, mode);
        this.redisDownUntil = 0;
        if (this.failOpenSince !== undefined || this.unanswered.length) this.carryOverFailOpenCounts();
        return { store: this.store, outcome };
      } catch (error) {
        if (error instanceof QuotaUnavailableError) throw error;
        // Redis may have counted it before the reply was lost: taken back when Redis answers again.
        if (this.unanswered.length < MAX_UNANSWERED) this.unanswered.push({ keys, amounts });
        this.markRedisDown(error);
        if (mode === 'closed') throw new QuotaUnavailableError();
      }
    }
    this.failOpenSince ??= Date.now();
    return {
      store: this.fallbackStore,
      outcome: await this.fallbackStore.reserve(keys, limits, amounts, false),
    };
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

  private cappedMaxTokens(demand: QuotaDemand, limits: FeatureLimits): number | undefined {
    const perRequest = limits.tokens_per_request;
    if (demand.promptTokens === undefined || perRequest == null) return demand.maxTokens;
    const needed = demand.promptTokens + (demand.maxTokens ?? 1);
    if (needed > perRequest) throw new RequestTooLargeError(demand.feature, needed, perRequest);
    return Math.min(demand.maxTokens ?? Infinity, perRequest - demand.promptTokens);
  }

  /** While Redis is known to be down, fail-open tiers go straight to the per-instance store. */
  private redisKnownDown(): boolean {
    return this.redisDownUntil > Date.now();
  }

  /** Remembers the outage for 2 s (then Redis is tried again); logs once per outage. */
  private markRedisDown(error: unknown): void {
    if (!this.redisDownUntil) this.logger.error(`Quota counters unreachable: ${(error as Error).message}`);
    this.redisDownUntil = Date.now() + REDIS_RETRY_AFTER_MS;
  }

  private headers(limits: FeatureLimits, used: number, resetsAt: Date): Record<string, string> {
    if (limits.requests_per_day == null) return {};
    return {
      'x-ratelimit-limit': String(limits.requests_per_day),
      'x-ratelimit-remaining': String(Math.max(0, limits.requests_per_day - used)),
      'x-ratelimit-reset': String(Math.ceil(resetsAt.getTime() / 1000)),
    };
  }

  private exceeded(
    demand: QuotaDemand,
    limit: LimitName,
    value: number,
    dayReset: Date,
    now: number,
  ): QuotaExceededError {
    this.metrics.quotaRejections.inc({ tier: demand.caller.tier, feature: demand.feature, limit });
    const resetsAt =
      limit === 'requests_per_second'
        ? new Date((Math.floor(now / 1000) + 1) * 1000)
        : limit === 'requests_per_minute' || limit === 'tokens_per_minute'
          ? new Date((Math.floor(now / 60_000) + 1) * 60_000)
          : limit === 'concurrent_streams'
            ? new Date(now + 1000)
            : dayReset;
    const shown = limit === 'minutes_per_day' ? value / 60_000 : value;
    const scope = limit.endsWith('_per_day')
      ? `${demand.feature} on the ${demand.caller.tier} tier`
      : `the ${demand.caller.tier} tier`;
    return new QuotaExceededError(
      `Limit reached: ${shown} ${limit.replace(/_/g, ' ')} for ${scope}; it resets at ${resetsAt.toISOString()}`,
      demand.feature,
      limit,
      shown,
      resetsAt,
      Math.max(1, Math.ceil((resetsAt.getTime() - now) / 1000)),
    );
  }
}

function orUnlimited(value: number | null | undefined): number {
  return value == null ? -1 : value;
}
