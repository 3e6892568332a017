import type { IncomingHttpHeaders } from 'node:http';

/** The vendor-neutral request and answer types every provider adapter speaks. */

export type ChatRole = 'system' | 'user' | 'assistant' | 'tool';

export type ContentPart = { type: 'text'; text: string } | { type: 'image_url'; image_url: { url: string } };

export interface ChatMessage {
  role: ChatRole;
  /** Text, or parts (text and images) for vision models; '' for an assistant turn of tool calls only. */
  content: string | ContentPart[];
  name?: string;
  /** An assistant turn's calls of the caller's tools. */
  toolCalls?: ToolCall[];
  /** A `tool` message: the call it answers. */
  toolCallId?: string;
}

/** A function the model may call, as the caller describes it (`parameters` is a JSON Schema). */
export interface ToolDefinition {
  type: 'function';
  function: { name: string; description?: string; parameters?: JsonObject; strict?: boolean };
}

/** Whether the model may (`auto`), must (`required`, or a named function) or must not call a tool. */
export type ToolChoice = 'auto' | 'none' | 'required' | { type: 'function'; function: { name: string } };

/** The caller's tools for one chat. */
export interface ToolOptions {
  definitions: ToolDefinition[];
  choice?: ToolChoice;
  /** Whether the model may call several tools in one turn. */
  parallel?: boolean;
}

/** A call the model made: the function's name and its arguments as a JSON string. */
export interface ToolCall {
  id: string;
  type: 'function';
  function: { name: string; arguments: string };
}

/** A JSON object as the caller wrote it (a JSON Schema, for instance), passed on unchanged. */
export type JsonObject = { [key: string]: unknown };

/**
 * The form the answer must take, in OpenAI's words (Together speaks them too): free text, any JSON
 * object, JSON matching a schema, or text matching a regular expression (Together's own).
 */
export type ResponseFormat =
  | { type: 'text' }
  | { type: 'json_object' }
  | {
      type: 'json_schema';
      json_schema: { name: string; description?: string; schema?: JsonObject; strict?: boolean };
    }
  | { type: 'regex'; pattern: string };

/** Sampling options shared by chat and text completions: one type from the DTOs to the adapters. */
export interface Sampling {
  maxTokens?: number;
  temperature?: number;
  topP?: number;
  /** Only the k likeliest tokens are considered (Together's extension). */
  topK?: number;
  /** Tokens less likely than this share of the likeliest one are dropped (Together's extension). */
  minP?: number;
  /** −2 to 2: penalises tokens already present (presence) or by how often they occur (frequency). */
  presencePenalty?: number;
  frequencyPenalty?: number;
  /** Together's multiplicative penalty on repeated tokens (1 is none). */
  repetitionPenalty?: number;
  /** Token id (as a string) → a bias from −100 to 100 added to its logit. */
  logitBias?: Record<string, number>;
  responseFormat?: ResponseFormat;
  /** How hard a reasoning model thinks before answering (GPT-OSS and others that take it). */
  reasoningEffort?: 'low' | 'medium' | 'high';
  /** Turns a hybrid model's thinking on or off (Together's `reasoning.enabled`); its default if absent. */
  reasoningEnabled?: boolean;
  /** Return each generated token's log probability, with this many likeliest alternatives (0–20). */
  logprobs?: number;
  /** With `logprobs`, also return the prompt's tokens and theirs (legacy completions' `echo`). */
  echo?: boolean;
  stop?: string[];
  /** The sampling seed (reproducible answers where the model supports it). */
  seed?: number;
  /** How many answers to generate (OpenAI's and Together's `n`); one when absent. */
  choices?: number;
}

export interface GenerationOptions extends Sampling {
  model: string;
}

export interface ChatRequest extends GenerationOptions {
  messages: ChatMessage[];
  tools?: ToolOptions;
}

/** A legacy text completion: one prompt string, continued by the model. */
export interface CompletionRequest extends GenerationOptions {
  prompt: string;
}

export interface TokenUsage {
  promptTokens: number;
  completionTokens: number;
  totalTokens: number;
}

/** `stop`, `length`, `tool_calls`, `content_filter`, ... as the upstream reports it. */
export type FinishReason = string;

/** A generated text (chat or completion). */
export interface TextGeneration {
  id: string;
  model: string;
  content: string;
  /** The tools the model called instead of (or besides) answering; finishReason `tool_calls`. */
  toolCalls?: ToolCall[];
  /** Each token's log probability, when the request asked for them (`logprobs`). */
  logprobs?: TokenLogprob[];
  /** The prompt's tokens and their log probabilities (`echo` with `logprobs`); the first has none. */
  promptLogprobs?: TokenLogprob[];
  /** What a reasoning model thought before answering (its tokens are completion tokens). */
  reasoning?: string;
  finishReason: FinishReason;
  usage: TokenUsage;
  /** The other answers, when more than one was asked for (`choices`); `usage` counts them all. */
  alternatives?: TextChoice[];
}

/** One of several answers to the same request. */
export type TextChoice = Pick<
  TextGeneration,
  'content' | 'toolCalls' | 'logprobs' | 'reasoning' | 'finishReason'
>;

/** A piece of a reasoning model's thinking, streamed before (or between) the answer's text. */
export interface ReasoningDelta {
  type: 'reasoning';
  content: string;
}

/** A generated token, its log probability, and the likeliest alternatives at its place. */
export interface TokenLogprob {
  token: string;
  logprob: number;
  top: Array<{ token: string; logprob: number }>;
}

/**
 * A piece of a tool call as it streams: the first piece of each call (by `index`) carries its id
 * and function name, the following ones more of its arguments.
 */
export interface ToolCallDelta {
  type: 'tool_call';
  index: number;
  id?: string;
  name?: string;
  arguments: string;
}

export type TextStreamEvent =
  /** A piece of the answer; with `logprobs` asked for, its tokens' log probabilities where the upstream sends them. */
  | { type: 'delta'; content: string; logprobs?: TokenLogprob[] }
  | ReasoningDelta
  | ToolCallDelta
  | { type: 'end'; finishReason: FinishReason; usage: TokenUsage | null };

/** A started stream: the upstream answered 200, the events have not all arrived yet. */
export interface TextStream extends AsyncIterable<TextStreamEvent> {
  readonly id: string;
  readonly model: string;
}

export interface ImageRequest {
  model: string;
  prompt: string;
  negativePrompt?: string;
  width?: number;
  height?: number;
  steps?: number;
  n?: number;
  seed?: number;
}

/** One generated image's bytes (the adapter fetches it when the upstream answers with a URL). */
export interface GeneratedImage {
  data: Buffer;
  contentType: string;
}

export interface ImageGeneration {
  id: string;
  model: string;
  images: GeneratedImage[];
}

/** What a speech-to-text call makes of the audio: its text in its language, or in English. */
export type SpeechToTextTask = 'transcribe' | 'translate';

export interface TranscriptionRequest {
  model: string;
  /** `transcribe` unless said; `translate` renders the speech in English (`language`: the target). */
  task?: SpeechToTextTask;
  audio: Buffer;
  filename: string;
  contentType: string;
  language?: string;
  prompt?: string;
  temperature?: number;
}

export interface Transcription {
  text: string;
  /** The language the upstream detected or was told (a name such as `english`), when it says. */
  language?: string;
  durationSeconds?: number;
  segments?: Array<{ start: number; end: number; text: string }>;
}

export type SpeechFormat = 'mp3' | 'wav' | 'raw';

export interface SpeechRequest {
  model: string;
  input: string;
  voice: string;
  format: SpeechFormat;
  language?: string;
}

export interface SpeechAudio {
  audio: Buffer;
  contentType: string;
  format: SpeechFormat;
}

export interface EmbeddingRequest {
  model: string;
  input: string[];
}

export interface Embeddings {
  model: string;
  vectors: number[][];
  /** Some upstream models send no usage. */
  usage: TokenUsage | null;
}

/** Per-call context: which key to send, and the signal that aborts the call (client gone, deadline). */
export interface ProviderCallContext {
  apiKey: string;
  signal?: AbortSignal;
  requestId?: string;
  /** Told the headers of every upstream answer, errors included (rate-limit room for pacing). */
  onHeaders?: (headers: IncomingHttpHeaders) => void;
}

/** A model as the upstream's catalog describes it (`type` is the vendor's own word). */
export interface CatalogModel {
  id: string;
  displayName: string;
  type: string;
  organization: string | null;
  contextLength: number | null;
  pricing: { inputPerMillion: number; outputPerMillion: number };
}

/** One upstream vendor. Adapters translate vendor errors into ProviderError codes. */
export interface LlmProvider {
  readonly id: string;
  readonly displayName: string;
  chat(request: ChatRequest, context: ProviderCallContext): Promise<TextGeneration>;
  /** Resolves once the upstream has accepted the stream (status 200); errors before that reject. */
  chatStream(request: ChatRequest, context: ProviderCallContext): Promise<TextStream>;
  complete(request: CompletionRequest, context: ProviderCallContext): Promise<TextGeneration>;
  completeStream(request: CompletionRequest, context: ProviderCallContext): Promise<TextStream>;
  generateImages(request: ImageRequest, context: ProviderCallContext): Promise<ImageGeneration>;
  transcribe(request: TranscriptionRequest, context: ProviderCallContext): Promise<Transcription>;
  speak(request: SpeechRequest, context: ProviderCallContext): Promise<SpeechAudio>;
  embed(request: EmbeddingRequest, context: ProviderCallContext): Promise<Embeddings>;
  listModels(context: ProviderCallContext): Promise<CatalogModel[]>;
  /** Cheap reachability check for readiness probes. */
  ping(context: ProviderCallContext): Promise<void>;
}

export const LLM_PROVIDERS = Symbol('LLM_PROVIDERS');
