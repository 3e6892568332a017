import type { Modality, Tier } from '@tiergate/common';

/** A model on a provider; the primary provider when `provider` is omitted. */
export interface ModelRef {
  model: string;
  provider?: string;
}

/** One route: the model to try first and the ordered fallbacks after it. */
export interface ModelRoute {
  primary: string | ModelRef;
  fallbacks: Array<string | ModelRef>;
}

export interface ModalityRoute extends ModelRoute {
  /** Per-purpose overrides (`coding`, `creative`, ...), else this route. */
  purposes?: Record<string, ModelRoute>;
}

export interface TierModels {
  routes: Partial<Record<Modality, ModalityRoute>>;
  /** Models the tier may name beyond those its routes use. */
  allowed_models?: string[];
}

export interface ModelSettings {
  /** The model can continue an answer from an assistant prefix (mid-stream rescue). */
  supports_continuation?: boolean;
  /**
   * The model's own fallbacks, tried in order when a caller named this model; they take
   * precedence over the route's (`[]`: none). Only models the caller's tier may use are tried.
   */
  fallbacks?: Array<string | ModelRef>;
}

/** The whole model configuration, as stored and as the admin API reads and writes it. */
export interface ModelConfigDocument {
  tiers: Record<Tier, TierModels>;
  models: Record<string, ModelSettings>;
}
