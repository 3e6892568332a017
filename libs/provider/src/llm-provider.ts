/** The vendor-neutral request and answer types every provider adapter speaks. */

export type ChatRole = 'system' | 'user' | 'assistant' | 'tool';

export interface ChatMessage {
  role: ChatRole;
  content: string;
  name?: string;
}

export interface ChatRequest {
  model: string;
  messages: ChatMessage[];
  maxTokens?: number;
  temperature?: number;
  topP?: number;
  stop?: string[];
  seed?: number;
}

export interface TokenUsage {
  promptTokens: number;
  completionTokens: number;
  totalTokens: number;
}

/** `stop`, `length`, `tool_calls`, `content_filter`, ... as the upstream reports it. */
export type FinishReason = string;

export interface ChatCompletion {
  id: string;
  model: string;
  content: string;
  finishReason: FinishReason;
  usage: TokenUsage;
}

export type ChatStreamEvent =
  { type: 'delta'; content: string } | { type: 'end'; finishReason: FinishReason; usage: TokenUsage | null };

/** A started stream: the upstream answered 200, the events have not all arrived yet. */
export interface ChatStream extends AsyncIterable<ChatStreamEvent> {
  readonly id: string;
  readonly model: string;
}

/** Per-call context: which key to send, and the signal that aborts the call (client gone, deadline). */
export interface ProviderCallContext {
  apiKey: string;
  signal?: AbortSignal;
  requestId?: string;
}

export interface CatalogModel {
  id: string;
  displayName: string;
  type: string;
  contextLength: number | null;
  pricing: { inputPerMillion: number; outputPerMillion: number };
}

/** One upstream vendor. Adapters translate vendor errors into ProviderError codes. */
export interface LlmProvider {
  readonly id: string;
  readonly displayName: string;
  chat(request: ChatRequest, context: ProviderCallContext): Promise<ChatCompletion>;
  /** Resolves once the upstream has accepted the stream (status 200); errors before that reject. */
  chatStream(request: ChatRequest, context: ProviderCallContext): Promise<ChatStream>;
  listModels(context: ProviderCallContext): Promise<CatalogModel[]>;
  /** Cheap reachability check for readiness probes. */
  ping(context: ProviderCallContext): Promise<void>;
}

export const LLM_PROVIDERS = Symbol('LLM_PROVIDERS');
