import type { Admission, QuotaDemand } from '@tiergate/quota';

/** What a request used, as far as the ledger and the price book are concerned. */
export interface UsageFacts {
  promptTokens: number;
  completionTokens: number;
  totalTokens: number;
  images: number;
  megapixels: number;
  audioSeconds: number;
  characters: number;
}

export const NO_USAGE: UsageFacts = {
  promptTokens: 0,
  completionTokens: 0,
  totalTokens: 0,
  images: 0,
  megapixels: 0,
  audioSeconds: 0,
  characters: 0,
};

/**
 * How one kind of request is counted: its quota demand before the call, what it used after.
 * `deferred` requests (streams, speech) are settled and recorded by their method once the real
 * usage is known (the stream's end, the measured audio).
 */
export interface Metering<T> {
  demand: Pick<QuotaDemand, 'promptTokens' | 'maxTokens' | 'audioSeconds' | 'stream'>;
  /** Adjusts the request to its reservation (max_tokens capped by tokens_per_request). */
  apply?: (admission: Admission) => void;
  facts: (result: T) => Partial<UsageFacts>;
  deferred?: boolean;
}
