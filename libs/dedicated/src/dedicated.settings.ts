/** How the follower polls endpoints and upload jobs (the BullMQ repeatable sweep's period, backoffs). */
export interface DedicatedSettings {
  /** How often the follower looks for endpoints and uploads due a poll. */
  sweepIntervalMs: number;
  /** Endpoints on their way somewhere, and running uploads: from this, doubling, to `maxPollDelayMs`. */
  minPollDelayMs: number;
  maxPollDelayMs: number;
  /** Settled endpoints (STARTED, STOPPED) are still looked at this often (Together stops idle ones). */
  steadyPollMs: number;
  /** A claimed endpoint or upload is left alone this long. */
  claimLeaseMs: number;
  /** How long the catalog's view of endpoints and uploads is reused in one process. */
  catalogCacheMs: number;
}

export const DEFAULT_DEDICATED_SETTINGS: DedicatedSettings = {
  sweepIntervalMs: 1_000,
  minPollDelayMs: 500,
  maxPollDelayMs: 30_000,
  steadyPollMs: 60_000,
  claimLeaseMs: 60_000,
  catalogCacheMs: 2_000,
};

export const DEDICATED_SETTINGS = Symbol('DEDICATED_SETTINGS');

export function pollDelayMs(settings: DedicatedSettings, polls: number): number {
  return Math.min(settings.maxPollDelayMs, settings.minPollDelayMs * 2 ** Math.min(polls, 20));
}

/** The queue of the follower's repeatable sweep, and its scheduler id (one schedule however many start). */
export const DEDICATED_QUEUE = 'dedicated-follow';
export const DEDICATED_SWEEP_SCHEDULER = 'dedicated-follow-sweep';
export type DedicatedSweepJob = Record<string, never>;
