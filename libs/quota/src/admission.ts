import type { Tier } from '@tiergate/common';
import type { QuotaStore, ReservationAmounts, ReservationKeys } from './quota-store';
import type { Feature } from './quota.types';

/** What one request will use, as far as it is known before the upstream call. */
export interface QuotaDemand {
  caller: { id: string; tier: Tier };
  feature: Feature;
  /** Prompt tokens (counted with a tokenizer) for text features; undefined for others. */
  promptTokens?: number;
  /** The most each answer may generate. */
  maxTokens?: number;
  /** How many answers are generated (`n`); one when absent. */
  choices?: number;
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
