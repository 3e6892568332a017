import { Inject, Injectable, Logger } from '@nestjs/common';
import type { Tier } from '@tiergate/common';
import { Metrics } from '@tiergate/metrics';
import { QuotaClock, utcDay } from './quota-clock';
import { QuotaPolicies } from './quota-policy.service';
import {
  MemoryQuotaStore,
  QuotaStore,
  type LimitName,
  type ReserveOutcome,
  type ReservationAmounts,
  type ReservationKeys,
  type ReservationLimits,
} from './quota-store';
import { QuotaExceededError, QuotaUnavailableError, RequestTooLargeError } from './quota.errors';
import { FEATURES, type Feature, type FeatureLimits, type FeatureQuotaView } from './quota.types';

/** Token reservation for a request that names no max_tokens and has no per-request cap. */
const DEFAULT_COMPLETION_ESTIMATE = 512;
/** After a failed call to Redis, fail-open tiers use the per-instance store this long before Redis is tried again. */
const REDIS_RETRY_AFTER_MS = 2_000;

export const FALLBACK_QUOTA_STORE = Symbol('FALLBACK_QUOTA_STORE');

/** What one request will use, as far as it is known before the upstream call. */
export interface QuotaDemand {
  caller: { id: string; tier: Tier };
  feature: Feature;
  /** Prompt tokens (counted with a tokenizer) for text features; undefined for others. */
  promptTokens?: number;
  maxTokens?: number;
  /** Audio seconds: measured (transcription) or estimated (speech). */
  audioSeconds?: number;
  stream: boolean;
  /** Sent with the caller's own key: no quota, rate limits only. */
  ownKey: boolean;
}

/** A reservation: settled to the real usage once, or refunded on failure. */
export class Admission {
  private done = false;

  constructor(
    readonly keys: ReservationKeys,
    readonly amounts: ReservationAmounts,
    readonly store: QuotaStore,
    /** The max_tokens to send upstream (capped so the answer fits the reservation). */
    readonly maxTokens: number | undefined,
    /** X-RateLimit-* for the response. */
    readonly headers: Record<string, string>,
  ) {}

  /** True the first time only, so a reservation is settled or refunded exactly once. */
  claim(): boolean {
    if (this.done) return false;
    this.done = true;
    return true;
  }
}

export interface UsageActuals {
  tokens?: number;
  audioSeconds?: number;
}

/**
 * Quotas and rate limits, enforced before the upstream call: one atomic reservation of the
 * request, its token estimate and its audio minutes; settled to the real usage afterwards,
 * refunded in full when the call fails. Redis unreachable: a tier that fails closed gets 503,
 * one that fails open is held to the same limits per instance until Redis is back.
 */
@Injectable()
export class QuotaService {
  private readonly logger = new Logger(QuotaService.name);
  /** Until when Redis counts as down (0: up). */
  private redisDownUntil = 0;

  constructor(
    private readonly store: QuotaStore,
    @Inject(FALLBACK_QUOTA_STORE) private readonly fallbackStore: MemoryQuotaStore,
    private readonly policies: QuotaPolicies,
    private readonly clock: QuotaClock,
    private readonly metrics: Metrics,
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
      dayTtlSeconds: secondsLeft + 3600,
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
    const mode = policy.on_redis_failure;
    let store = this.redisKnownDown() && mode === 'open' ? this.fallbackStore : this.store;
    let outcome: ReserveOutcome;
    try {
      outcome = await store.reserve(keys, reservationLimits, amounts);
    } catch (error) {
      if (store === this.fallbackStore) throw error;
      this.markRedisDown(error);
      if (mode === 'closed') throw new QuotaUnavailableError();
      store = this.fallbackStore;
      outcome = await store.reserve(keys, reservationLimits, amounts);
    }
    if (store === this.store) this.redisDownUntil = 0;
    if (!outcome.ok) throw this.exceeded(demand, outcome.limit, outcome.limitValue, resetsAt, now);
    return new Admission(
      keys,
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

  /** The seed's quota view: used and limit per feature today (minutes for audio). */
  async status(user: { id: string; tier: Tier }) {
    const { day, resetsAt } = utcDay(this.clock.now());
    const usage = await this.store
      .dayUsage(user.id, day, FEATURES)
      .catch(() => this.fallbackStore.dayUsage(user.id, day, FEATURES));
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
