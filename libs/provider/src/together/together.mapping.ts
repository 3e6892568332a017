import { randomUUID } from 'node:crypto';
import { FormData } from 'undici';
import type {
  CatalogModel,
  ChatMessage,
  ChatRequest,
  CompletionRequest,
  EmbeddingRequest,
  Embeddings,
  GenerationOptions,
  ImageRequest,
  SpeechRequest,
  TextChoice,
  TextGeneration,
  TokenLogprob,
  TokenUsage,
  ToolCall,
  ToolOptions,
  Transcription,
  TranscriptionRequest,
} from '../llm-provider';
import { protocolError, type ErrorContext } from './together-errors';
import type {
  TogetherChoice,
  TogetherEmbeddings,
  TogetherGeneration,
  TogetherMessage,
  TogetherModel,
  TogetherToolCall,
  TogetherTranscription,
  TogetherUsage,
} from './together.types';

// Together's wire format (JSON and forms) to and from our types. An answer that lacks what we
// need is a protocol error, raised here with the caller's error context.

export const SPEECH_CONTENT_TYPES = { mp3: 'audio/mpeg', wav: 'audio/wav', raw: 'application/octet-stream' };

export function toUsage(usage: TogetherUsage | null | undefined): TokenUsage | null {
  if (!usage || typeof usage.prompt_tokens !== 'number' || typeof usage.completion_tokens !== 'number')
    return null;
  return {
    promptTokens: usage.prompt_tokens,
    completionTokens: usage.completion_tokens,
    totalTokens: usage.total_tokens ?? usage.prompt_tokens + usage.completion_tokens,
  };
}

/** The text of a choice: chat `message.content`, stream `delta.content`, completion `text`. */
function choiceText(choice: TogetherChoice | undefined): string {
  return choice?.message?.content ?? choice?.delta?.content ?? choice?.text ?? '';
}

function samplingFields(request: GenerationOptions) {
  return {
    model: request.model,
    max_tokens: request.maxTokens,
    temperature: request.temperature,
    top_p: request.topP,
    top_k: request.topK,
    min_p: request.minP,
    presence_penalty: request.presencePenalty,
    frequency_penalty: request.frequencyPenalty,
    repetition_penalty: request.repetitionPenalty,
    logit_bias: request.logitBias,
    response_format: request.responseFormat,
    reasoning_effort: request.reasoningEffort,
    reasoning: request.reasoningEnabled === undefined ? undefined : { enabled: request.reasoningEnabled },
    // Together returns the chosen token among the alternatives: at least one is asked for.
    logprobs: request.logprobs === undefined ? undefined : Math.max(1, request.logprobs),
    echo: request.echo,
    stop: request.stop,
    seed: request.seed,
    n: request.choices,
  };
}

export function chatRequestBody(request: ChatRequest) {
  const { messages, tools } = request;
  return {
    ...samplingFields(request),
    // Most chats have no tool turns: their messages are already in Together's words.
    messages: messages.some(isToolTurn) ? messages.map(wireMessage) : messages,
    ...(tools && toolFields(tools)),
  };
}

const isToolTurn = (message: ChatMessage) =>
  message.toolCalls !== undefined || message.toolCallId !== undefined;

function wireMessage(message: ChatMessage) {
  if (!isToolTurn(message)) return message;
  const { toolCalls, toolCallId, ...rest } = message;
  return {
    ...rest,
    // An assistant turn of calls only has no content (null, as OpenAI and Together write it).
    ...(toolCalls && { tool_calls: toolCalls, content: rest.content === '' ? null : rest.content }),
    ...(toolCallId !== undefined && { tool_call_id: toolCallId }),
  };
}

function toolFields(tools: ToolOptions) {
  return { tools: tools.definitions, tool_choice: tools.choice, parallel_tool_calls: tools.parallel };
}

/** A reasoning model's thinking, under whichever key the model sends it. */
export function reasoningOf(message: TogetherMessage | undefined): string | undefined {
  return message?.reasoning || message?.reasoning_content || undefined;
}

/**
 * A stream chunk's logprobs: Together's spec types them as one number (the chunk's token), and the
 * legacy object is read as in a whole answer.
 */
export function chunkLogprobs(
  logprobs: TogetherChoice['logprobs'],
  content: string,
): TokenLogprob[] | undefined {
  if (typeof logprobs === 'number') return [{ token: content, logprob: logprobs, top: [] }];
  return toLogprobs(logprobs);
}

/** Together's token-by-token logprobs as ours; undefined when the answer has none. */
function toLogprobs(logprobs: TogetherChoice['logprobs']): TokenLogprob[] | undefined {
  if (typeof logprobs !== 'object' || !logprobs?.tokens?.length) return undefined;
  return logprobs.tokens.map((token, i) => ({
    token,
    logprob: logprobs.token_logprobs?.[i] ?? 0,
    top: Object.entries(logprobs.top_logprobs?.[i] ?? {}).map(([alternative, logprob]) => ({
      token: alternative,
      logprob,
    })),
  }));
}

/** The whole tool calls of an answer; undefined when it made none. */
function toToolCalls(calls: TogetherToolCall[] | null | undefined): ToolCall[] | undefined {
  if (!calls?.length) return undefined;
  return calls.map((call) => ({
    id: call.id ?? `call_${randomUUID()}`,
    type: 'function',
    function: { name: call.function?.name ?? '', arguments: call.function?.arguments ?? '' },
  }));
}

export function completionRequestBody(request: CompletionRequest) {
  return { ...samplingFields(request), prompt: request.prompt };
}

export function toTextGeneration(json: TogetherGeneration, model: string, ctx: ErrorContext): TextGeneration {
  const [first, ...others] = json.choices ?? [];
  const usage = toUsage(json.usage);
  if (!first || !usage) throw protocolError('the answer had no choices or no usage', ctx);
  const promptLogprobs = toLogprobs(json.prompt?.[0]?.logprobs);
  return {
    id: json.id ?? randomUUID(),
    model: json.model ?? model,
    ...toTextChoice(first),
    ...(promptLogprobs && { promptLogprobs }),
    usage,
    ...(others.length && { alternatives: others.map(toTextChoice) }),
  };
}

function toTextChoice(choice: TogetherChoice): TextChoice {
  const toolCalls = toToolCalls(choice.message?.tool_calls);
  const logprobs = toLogprobs(choice.logprobs);
  const reasoning = reasoningOf(choice.message);
  return {
    content: choiceText(choice),
    ...(toolCalls && { toolCalls }),
    ...(logprobs && { logprobs }),
    ...(reasoning && { reasoning }),
    finishReason: choice.finish_reason ?? 'stop',
  };
}

export function imageRequestBody(request: ImageRequest) {
  return {
    model: request.model,
    prompt: request.prompt,
    negative_prompt: request.negativePrompt,
    width: request.width,
    height: request.height,
    steps: request.steps,
    n: request.n,
    seed: request.seed,
    response_format: 'base64', // Together's word; the answer's field is still `b64_json`
  };
}

export function transcriptionForm(request: TranscriptionRequest): FormData {
  const form = new FormData();
  // `model` before `file`, so the upstream can route without buffering the upload.
  form.append('model', request.model);
  form.append('response_format', 'verbose_json');
  if (request.language) form.append('language', request.language);
  if (request.prompt) form.append('prompt', request.prompt);
  if (request.temperature !== undefined) form.append('temperature', String(request.temperature));
  form.append('file', new Blob([request.audio], { type: request.contentType }), request.filename);
  return form;
}

export function toTranscription(json: TogetherTranscription, ctx: ErrorContext): Transcription {
  if (typeof json.text !== 'string') throw protocolError('the answer had no text', ctx);
  return {
    text: json.text,
    language: json.language,
    durationSeconds: typeof json.duration === 'number' ? json.duration : undefined,
    segments: json.segments?.map((s) => ({ start: s.start ?? 0, end: s.end ?? 0, text: s.text ?? '' })),
  };
}

export function speechRequestBody(request: SpeechRequest) {
  return {
    model: request.model,
    input: request.input,
    voice: request.voice,
    response_format: request.format,
    language: request.language,
  };
}

/** Together rejects unknown fields (`user`, `dimensions`): send exactly these two. */
export function embeddingRequestBody(request: EmbeddingRequest) {
  return { model: request.model, input: request.input };
}

export function toEmbeddings(
  json: TogetherEmbeddings,
  request: EmbeddingRequest,
  ctx: ErrorContext,
): Embeddings {
  const data = [...(json.data ?? [])].sort((a, b) => (a.index ?? 0) - (b.index ?? 0));
  if (data.length !== request.input.length || data.some((d) => !Array.isArray(d.embedding)))
    throw protocolError('the answer did not hold one embedding per input', ctx);
  return {
    model: json.model ?? request.model,
    vectors: data.map((d) => d.embedding!),
    usage: toUsage(json.usage),
  };
}

/** The model list, bare or wrapped in `data`; entries without an id are skipped. */
export function toCatalogModels(json: TogetherModel[] | { data?: TogetherModel[] }): CatalogModel[] {
  const list = Array.isArray(json) ? json : (json.data ?? []);
  return list
    .filter((m): m is TogetherModel & { id: string } => typeof m?.id === 'string')
    .map((m) => ({
      id: m.id,
      displayName: m.display_name ?? m.id,
      type: m.type ?? 'chat',
      organization: m.organization ?? null,
      contextLength: typeof m.context_length === 'number' ? m.context_length : null,
      pricing: { inputPerMillion: m.pricing?.input ?? 0, outputPerMillion: m.pricing?.output ?? 0 },
    }));
}
