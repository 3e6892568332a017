import type { Principal } from '@tiergate/auth';
import type { ChatCompletion, ChatMessage, ChatStreamEvent } from '@tiergate/provider';

/** One internal request type for every surface (the seed's shapes and, later, OpenAI's). */
export interface GatewayChatRequest {
  caller: Principal;
  requestId: string;
  messages: ChatMessage[];
  /** A model the caller named; otherwise the platform chooses. */
  model?: string;
  purpose?: string;
  maxTokens?: number;
  temperature?: number;
  topP?: number;
  stop?: string[];
  seed?: number;
  /** Fires when the client goes away; the upstream call is aborted with it. */
  signal?: AbortSignal;
}

/** Where an answer came from. */
export interface AnswerSource {
  providerId: string;
  providerName: string;
  requestedModel: string | null;
  servedModel: string;
}

export interface GatewayChatResult {
  completion: ChatCompletion;
  source: AnswerSource;
}

export interface GatewayChatStream {
  source: AnswerSource;
  events: AsyncIterable<ChatStreamEvent>;
}
