/** The limits of an upstream account, as carried by a system key; null means unlimited. */
export interface KeyLimits {
  requestsPerSecond: number | null;
  requestsPerMinute: number | null;
  tokensPerMinute: number | null;
}

export const NO_LIMITS: KeyLimits = {
  requestsPerSecond: null,
  requestsPerMinute: null,
  tokensPerMinute: null,
};

export function hasLimits(limits: KeyLimits | null | undefined): limits is KeyLimits {
  return (
    !!limits &&
    (limits.requestsPerSecond !== null ||
      limits.requestsPerMinute !== null ||
      limits.tokensPerMinute !== null)
  );
}

/** Which window was full: one of the key's own limits, or the room the upstream last reported. */
export type PaceLimitName =
  | 'requests_per_second'
  | 'requests_per_minute'
  | 'tokens_per_minute'
  | 'reported_requests'
  | 'reported_tokens';

/** `slot`: the second the request was counted in (its tokens are corrected there afterwards). */
export type PaceOutcome =
  { ok: true; slot: number } | { ok: false; limit: PaceLimitName; retryAfterMs: number };

/** The room the upstream reported in its `x-ratelimit-*` headers, followed until `resetMs` passes. */
export interface ReportedRoom {
  requests: number | null;
  tokens: number | null;
  resetMs: number;
}

/**
 * The windows are a little longer than their names: a call counted at the end of our second may
 * reach the provider at the start of its next one (network, event loop), so a second is measured
 * as 1.1 s and a minute as 60.1 s. The provider never sees more than the limit in any of its own.
 */
export const WINDOW_MARGIN_MS = 100;
export const SECOND_WINDOW_MS = 1_000 + WINDOW_MARGIN_MS;
export const MINUTE_WINDOW_MS = 60_000 + WINDOW_MARGIN_MS;
/** Tokens are counted in one-second buckets; a bucket counts for this many seconds. */
export const TOKEN_WINDOW_SECONDS = 61;

/**
 * Outbound pacing windows per upstream key, shared by every api instance: a sliding log of the
 * requests (per second and per minute), tokens in one-second buckets over a minute, and the room
 * the upstream last reported. `acquire` checks every window and counts the request in one atomic
 * step, so concurrent calls on any number of instances never overrun a limit together. Redis in
 * production (one Lua script, keys hash-tagged per key id); memory in embedded mode.
 */
export abstract class Pacer {
  /** Counts one request (and `tokens`) when every window has room; else which is full and for how long. */
  abstract acquire(keyId: string, limits: KeyLimits, tokens: number): Promise<PaceOutcome>;
  /** Adds `delta` tokens (negative: gives them back) to the bucket of the slot a request was counted in. */
  abstract correctTokens(keyId: string, slot: number, delta: number): Promise<void>;
  /** Records the room the upstream reported; `acquire` follows it (and counts it down) until it resets. */
  abstract report(keyId: string, room: ReportedRoom): Promise<void>;
}
