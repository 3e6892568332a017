/** The parts of Together's wire format we read (see shared/reference/together-api.md). */

export interface TogetherUsage {
  prompt_tokens?: number;
  completion_tokens?: number;
  total_tokens?: number;
}

/** A tool call whole (in an answer) or in pieces (in stream chunks, by `index`). */
export interface TogetherToolCall {
  index?: number;
  id?: string;
  type?: string;
  function?: { name?: string; arguments?: string };
}

/** An answer's message, or a stream chunk's delta. */
export interface TogetherMessage {
  content?: string | null;
  tool_calls?: TogetherToolCall[] | null;
  /** Reasoning models' thinking: `reasoning` (GPT-OSS, Qwen3.5) or `reasoning_content` (Kimi, DeepSeek, GLM, MiniMax). */
  reasoning?: string | null;
  reasoning_content?: string | null;
}

/** Together's logprobs: the legacy completions shape, token by token (reference §2.5). */
export interface TogetherLogprobs {
  tokens?: string[];
  token_logprobs?: Array<number | null>;
  top_logprobs?: Array<Record<string, number> | null> | null;
}

export interface TogetherChoice {
  finish_reason?: string | null;
  /** An object in whole answers; a number (or null) in stream chunks. */
  logprobs?: TogetherLogprobs | number | null;
  message?: TogetherMessage;
  /** Completions (and a mirror field on chat chunks). */
  text?: string | null;
  delta?: TogetherMessage;
}

/** A chat or text completion, or one stream chunk of either. */
export interface TogetherGeneration {
  id?: string;
  model?: string;
  choices?: TogetherChoice[];
  /** With `echo`: the prompt, and its tokens' logprobs when they were asked for. */
  prompt?: Array<{ text?: string; logprobs?: TogetherLogprobs | null }>;
  usage?: TogetherUsage | null;
  error?: { message?: string; type?: string; code?: string };
}

export interface TogetherModel {
  id?: string;
  type?: string;
  display_name?: string;
  organization?: string;
  context_length?: number;
  pricing?: { input?: number; output?: number };
}

export interface TogetherImageResponse {
  id?: string;
  model?: string;
  data?: Array<{ b64_json?: string | null; url?: string | null }>;
}

export interface TogetherTranscription {
  text?: string;
  language?: string;
  duration?: number;
  segments?: Array<{ start?: number; end?: number; text?: string }>;
}

export interface TogetherEmbeddings {
  model?: string;
  data?: Array<{ embedding?: number[]; index?: number }>;
  usage?: TogetherUsage | null;
}
