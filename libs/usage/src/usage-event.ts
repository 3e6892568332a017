/** What a request used: what it is priced by, settled by and recorded with. */
export interface RequestUsage {
  promptTokens: number;
  completionTokens: number;
  totalTokens: number;
  images: number;
  /** Priced, not kept in the ledger. */
  megapixels: number;
  audioSeconds: number;
  characters: number;
}

export const NO_USAGE: Readonly<RequestUsage> = {
  promptTokens: 0,
  completionTokens: 0,
  totalTokens: 0,
  images: 0,
  megapixels: 0,
  audioSeconds: 0,
  characters: 0,
};

/**
 * One gateway request in the ledger: every request, whatever its outcome, produces exactly one;
 * plus one per failed attempt on a model that a fallback then replaced (`attemptOf`).
 */
export interface UsageEvent extends Omit<RequestUsage, 'megapixels'> {
  requestId: string;
  /** ISO time the request started; with the request id, the row's identity. */
  occurredAt: string;
  userId: string;
  tier: string;
  feature: string;
  modality: string;
  requestedModel: string | null;
  servedModel: string | null;
  provider: string | null;
  keySource: 'system' | 'user';
  isFallback: boolean;
  fallbackStrategy: string | null;
  cached: boolean;
  costUsd: number;
  latencyMs: number;
  ttftMs: number | null;
  status: number;
  errorCode: string | null;
  /**
   * Set on the row of a failed attempt that the fallback chain passed over on the way to an answer:
   * the request it belonged to (the row's own id is `<that id>~<n>`). Such rows are in the raw
   * ledger (the Request Log, exports) but not in the rollups, which count requests.
   */
  attemptOf?: string | null;
}

/** The queue the api puts events on and the worker writes from. */
export const USAGE_QUEUE = 'usage-events';

export interface UsageJob {
  events: UsageEvent[];
}

/** Latency bucket upper bounds (ms) of the rollups; the last bucket holds everything slower. */
export const LATENCY_BUCKETS_MS = [50, 100, 250, 500, 1000, 2500, 5000, 10000, 30000] as const;
