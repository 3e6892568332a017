/**
 * The limits a reservation can check, in the order the stores check them: a request past several
 * is refused naming the first (rate windows, then streams, then the day's quota).
 */
export const LIMIT_NAMES = [
  'requests_per_second',
  'requests_per_minute',
  'tokens_per_minute',
  'concurrent_streams',
  'requests_per_day',
  'tokens_per_day',
  'minutes_per_day',
] as const;

export type LimitName = (typeof LIMIT_NAMES)[number];

/**
 * The limits one reservation checks, by name, in the units the counters use (`minutes_per_day`
 * in audio milliseconds); null (or absent) means unlimited.
 */
export type ReservationLimits = Readonly<Partial<Record<LimitName, number | null>>>;

/** Where one reservation's counters live (computed once, so settling hits the same windows). */
export interface ReservationKeys {
  userId: string;
  feature: string;
  day: string;
  second: number;
  minute: number;
  /** Seconds the day's counters are kept (until a little after midnight UTC). */
  dayTtlSeconds: number;
  /**
   * The seeding the reservation was counted under ('' when counted unseeded), from its outcome.
   * Settling touches the day's counters only while that seeding holds (see QuotaStore).
   */
  seed?: string;
  /**
   * This reservation's id, unique per process and request. The store keeps a trace of the
   * reservation until it is settled or refunded, so one whose reply was lost (a timeout, a cut
   * connection) can be taken back exactly once when the store answers again (`undoLost`).
   */
  reservation?: string;
}

export interface ReservationAmounts {
  tokens: number;
  audioMs: number;
  stream: boolean;
  /** Count against the daily quota (false for requests on the caller's own key: rate limits only). */
  quota: boolean;
}

export type ReserveOutcome =
  | { ok: true; requestsUsed: number; tokensUsed: number; audioMsUsed: number; seed: string }
  | { ok: false; limit: LimitName; limitValue: number }
  /** The user's counters for the day were never seeded from the ledger (nothing was counted). */
  | { ok: false; unseeded: true };

export interface DayUsage {
  requests: number;
  tokens: number;
  audioMs: number;
}

/** A user's counters for one day, and whether they were seeded from the ledger yet. */
export interface DayCounters {
  seeded: boolean;
  features: Record<string, DayUsage>;
}

/**
 * The counters behind quotas and rate limits. One reservation checks every limit and counts the
 * request in one atomic step, so concurrent requests, on any number of instances, can never get
 * past a limit together. Redis in production (one Lua script, keys hash-tagged per user); memory
 * in embedded mode, and as the per-instance fallback when Redis is down for tiers that fail open.
 *
 * Counters survive losing the store: a user's daily counters carry a per-user, per-day seed mark,
 * set when they are rebuilt from the usage ledger (`seed`). A quota reservation that finds no mark
 * counts nothing and says `unseeded` (with `requireSeed`), so the caller rebuilds first. A lost
 * store (Redis flushed or restarted empty, an embedded process restarted) has no marks, so every
 * user is rebuilt before their next request is counted. The mark lives beside the counters (the
 * same hash tag), so this works the same on a Redis Cluster.
 */
export abstract class QuotaStore {
  /** `requireSeed`: refuse to count against unseeded day counters (false: count them as they are). */
  abstract reserve(
    keys: ReservationKeys,
    limits: ReservationLimits,
    amounts: ReservationAmounts,
    requireSeed: boolean,
  ): Promise<ReserveOutcome>;
  /**
   * Seeds a user's counters for a day from the ledger's totals, once: each counter becomes the
   * larger of its value and the ledger's. False (nothing changed) when already seeded, so
   * instances racing to seed never count the ledger twice.
   */
  abstract seed(
    userId: string,
    day: string,
    totals: Readonly<Record<string, DayUsage>>,
    ttlSeconds: number,
  ): Promise<boolean>;
  /**
   * Moves a reservation to the real usage (a negative delta refunds). When the counters were
   * re-seeded after the reservation was counted, the request's full usage is added instead: its
   * usage event is written only after it settles, so the ledger the seeding read lacked it.
   */
  abstract settle(
    keys: ReservationKeys,
    amounts: ReservationAmounts,
    tokenDelta: number,
    audioMsDelta: number,
  ): Promise<void>;
  /** Gives everything back: the request, its tokens and minutes (a failed upstream call). */
  abstract refund(keys: ReservationKeys, amounts: ReservationAmounts): Promise<void>;
  /**
   * Takes back a reservation whose outcome never arrived, if the store applied it (its trace is
   * there); true when it did. The caller counted that request elsewhere (fail-open) or refused it.
   */
  abstract undoLost(keys: ReservationKeys, amounts: ReservationAmounts): Promise<boolean>;
  abstract dayUsage(userId: string, day: string, features: readonly string[]): Promise<DayCounters>;
  /**
   * Adds usage counted elsewhere (a fail-open period's per-instance counts) to a user's day
   * counters, unless they were seeded from the ledger at or after `since` (ms since the epoch):
   * that seeding read a ledger that may already hold the same requests. Unseeded counters take it,
   * as the seeding that follows keeps the larger of them and the ledger.
   *
   * `once`: an id for this usage (a batch job's results); the same id is added at most once a day,
   * so a caller that may repeat itself (a follower restarted half way) never counts it twice.
   */
  abstract carryOver(
    userId: string,
    day: string,
    feature: string,
    usage: DayUsage,
    since: number,
    ttlSeconds: number,
    once?: string,
  ): Promise<void>;
}

/** The limits that are set, as name/value pairs in the order they are checked. */
export function checkedLimits(limits: ReservationLimits): Array<[LimitName, number]> {
  const checked: Array<[LimitName, number]> = [];
  for (const name of LIMIT_NAMES) {
    const value = limits[name];
    if (value != null) checked.push([name, value]);
  }
  return checked;
}

/** A fresh seed mark: it only has to differ from the one the store lost; it starts with its time. */
export function newSeedMark(now = Date.now()): string {
  return `${now.toString(36)}.${Math.random().toString(36).slice(2, 8)}`;
}

/** When a seed mark was made (ms since the epoch). */
export function seedMarkTime(mark: string): number {
  return parseInt(mark.split('.')[0], 36);
}
