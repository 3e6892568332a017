import type { Tier } from '@tiergate/common';

/**
 * Batch limits and per-tier access. Kept here rather than in the quota policy document
 * (libs/quota): whether a tier may submit batches is a product switch, not a counter, and it
 * must not change the quota document's shape that admins edit. Free is off by default.
 */
export interface BatchSettings {
  /** Largest input file accepted (stored in PostgreSQL as bytea, hence below Together's 100 MB). */
  maxFileBytes: number;
  /** Largest output or error file stored for download. */
  maxResultFileBytes: number;
  /** Together's limit per batch. */
  maxLines: number;
  maxLineBytes: number;
  maxCustomIdLength: number;
  tiers: Record<Tier, boolean>;
  /** How often the follower looks for batches due a poll (the BullMQ repeatable job's period). */
  sweepIntervalMs: number;
  /** A batch's polls back off from `minPollDelayMs`, doubling, to `maxPollDelayMs`. */
  minPollDelayMs: number;
  maxPollDelayMs: number;
  /** A claimed batch is left alone this long (a follower that died mid-way is retried after it). */
  claimLeaseMs: number;
  /** Batch price as a share of the serverless price. */
  priceFactor: number;
}

export const DEFAULT_BATCH_SETTINGS: BatchSettings = {
  maxFileBytes: 50 * 1024 * 1024,
  maxResultFileBytes: 200 * 1024 * 1024,
  maxLines: 50_000,
  maxLineBytes: 1024 * 1024,
  maxCustomIdLength: 64,
  tiers: { free: false, premium: true, enterprise: true },
  sweepIntervalMs: 1_000,
  minPollDelayMs: 500,
  maxPollDelayMs: 60_000,
  claimLeaseMs: 120_000,
  priceFactor: 0.5,
};

export const BATCH_SETTINGS = Symbol('BATCH_SETTINGS');

/** The delay before a batch's next poll: doubling from the minimum, capped. */
export function pollDelayMs(settings: BatchSettings, polls: number): number {
  return Math.min(settings.maxPollDelayMs, settings.minPollDelayMs * 2 ** Math.min(polls, 20));
}
