import type { Principal } from '@tiergate/auth';
import type { RequestTimings } from '@tiergate/common';
import type { SavedArtifact } from '@tiergate/media';
import type { RequestedProvider } from '@tiergate/model-selector';
import type {
  ChatMessage,
  Embeddings,
  FinishReason,
  ImageRequest,
  ReasoningDelta,
  Sampling,
  SpeechFormat,
  SpeechToTextTask,
  TextGeneration,
  TokenLogprob,
  TokenUsage,
  ToolCallDelta,
  ToolOptions,
  Transcription,
} from '@tiergate/provider';
import type { RequestTrace } from '@tiergate/tracing';

export { MODALITIES, type Modality } from '@tiergate/common';
export type { RequestedProvider } from '@tiergate/model-selector';

/** Who asks, and how the request may be cut short: common to every gateway request. */
export interface GatewayRequestBase {
  caller: Principal;
  requestId: string;
  /** A model the caller named; otherwise the platform chooses. */
  model?: string;
  /** The provider the caller asked for (`x-provider` header or a `provider` body field). */
  provider?: RequestedProvider;
  purpose?: string;
  /** Fires when the client goes away; the upstream call is aborted with it. */
  signal?: AbortSignal;
  /**
   * The caller accepts an earlier answer to the same request (`Cache-Control: max-stale`, or
   * `cache: true` in a Together-surface body). Honoured only for deterministic requests (temperature 0).
   */
  preferCached?: boolean;
  /** Where the request's time goes (Server-Timing, the overhead histogram): fed by each step. */
  timings?: RequestTimings;
  /** The request's trace, only when tracing is on and the request sampled: a span per step. */
  trace?: RequestTrace;
}

export interface GatewayChatRequest extends GatewayRequestBase {
  /** `chat` by default; the Together surface's text, code and image-analysis endpoints are chats too. */
  modality?: 'chat' | 'text' | 'code' | 'vision';
  messages: ChatMessage[];
  /** As the caller asked; `max_tokens` may be capped by the tier before it goes upstream. */
  sampling: Sampling;
  /** The caller's functions the model may call (the OpenAI surface). */
  tools?: ToolOptions;
}

export interface GatewayCompletionRequest extends GatewayRequestBase {
  prompt: string;
  sampling: Sampling;
}

export interface GatewayImageRequest extends GatewayRequestBase, Omit<ImageRequest, 'model'> {}

export interface GatewayTranscriptionRequest extends GatewayRequestBase {
  task?: SpeechToTextTask;
  audio: Buffer;
  filename: string;
  /** The field the audio came from (`file` or `audio_url`), for error messages. */
  field: string;
  contentType?: string;
  language?: string;
  prompt?: string;
  temperature?: number;
}

export interface GatewaySpeechRequest extends GatewayRequestBase {
  input: string;
  voice?: string;
  format: SpeechFormat;
  language?: string;
  /** Keep the audio and return a signed link (the Together surface); otherwise only the bytes. */
  store: boolean;
}

export interface GatewayEmbeddingRequest extends GatewayRequestBase {
  input: string[];
}

/** Where an answer came from. */
export interface AnswerSource {
  providerId: string;
  providerName: string;
  requestedModel: string | null;
  servedModel: string;
  /** Upstream attempts made (1 when the first one succeeded). */
  attempts: number;
  /** Whose upstream key served it: the platform's or the caller's own. */
  keySource: 'system' | 'user';
  /** A fallback produced the answer (another model, another provider, or the cache). */
  isFallback: boolean;
  fallbackStrategy: 'SAME_PROVIDER_DIFFERENT_MODEL' | 'DIFFERENT_PROVIDER' | 'CACHED_RESPONSE' | null;
  /** Why the primary was passed over (`timeout`, `upstream_error`, `circuit_open`, ...). */
  fallbackReason: string | null;
  /** Served from the cache of earlier answers. */
  cached: boolean;
  /** What the request cost in USD, once known (set before the response or the final stream event). */
  costUsd: number | null;
  /** The specification's model-source indicator; null when the together_ai_ui_indicators flag is off. */
  indicator: ModelSourceIndicator | null;
}

export interface ModelSourceIndicator {
  providerId: string;
  displayName: string;
  isFreeTier: boolean;
  isFallback: boolean;
}

/** An answer, where it came from, and the caller's quota figures: the HTTP edge turns them into headers. */
export interface Served<T> {
  result: T;
  source: AnswerSource;
  /** X-RateLimit-* of the admitted request (empty when the tier sets no daily request cap). */
  rateLimit: Record<string, string>;
}

export type GatewayTextResult = Served<TextGeneration>;

/**
 * A stream's events as the gateway hands them out: the text, then one final event with the
 * usage and where the whole answer came from (another model may have finished it), priced.
 */
export type GatewayStreamEvent =
  | { type: 'delta'; content: string; logprobs?: TokenLogprob[] }
  | ReasoningDelta
  | ToolCallDelta
  | { type: 'end'; finishReason: FinishReason; usage: TokenUsage; source: AnswerSource };

/** A stream whose first event has arrived: where it comes from is known before the first byte. */
export interface GatewayTextStream {
  source: AnswerSource;
  rateLimit: Record<string, string>;
  events: AsyncIterable<GatewayStreamEvent>;
}

export interface GeneratedImageFile extends SavedArtifact {
  /** The bytes, for callers that asked for base64. */
  data: Buffer;
}

export interface TranscriptionResult extends Transcription {
  /** Measured by Tiergate from the audio itself. */
  durationSeconds: number;
}

export interface SpeechResult {
  audio: Buffer;
  contentType: string;
  durationSeconds: number;
  characters: number;
  artifact?: SavedArtifact;
}

export type { Embeddings, Sampling, TokenUsage };
