import type { FastifyReply } from 'fastify';
import type { SimModel } from '../catalog';
import { jsonAnswer } from '../json-answer';
import { completionWords, countPromptTokens, directives, type ChatLikeMessage } from '../content';
import { simToolCall, type SimToolCall } from '../tool-calls';
import {
  chatChunk,
  chatCompletion,
  completionChunk,
  finalChatChunk,
  FINAL_TOKEN_ID,
  textCompletion,
  togetherId,
  toolCallChunks,
  toolCallCompletion,
  usage,
  type UsageCounts,
} from '../together-shapes';
import {
  applyBodyFault,
  applyPreContentFault,
  contextLengthExceeded,
  customModel,
  endpointNotRunning,
  invalidParams,
  modelNotAvailable,
  modelOfType,
  sendError,
  streamChunks,
  takeFault,
  type SimContext,
} from './sim-context';

interface GenerationBody {
  model?: unknown;
  messages?: unknown;
  prompt?: unknown;
  max_tokens?: unknown;
  stream?: unknown;
  seed?: unknown;
  response_format?: { type?: unknown; [field: string]: unknown };
  logprobs?: unknown;
  tools?: unknown;
  tool_choice?: unknown;
  echo?: unknown;
  /** How many answers (1–128). */
  n?: unknown;
  /** Together's switch for hybrid models: `{enabled: false}` answers without thinking. */
  reasoning?: { enabled?: unknown };
}

/** Options that change which tokens a real model picks: here they change the words, as a seed does. */
const DECODING_OPTIONS = [
  'top_k',
  'min_p',
  'presence_penalty',
  'frequency_penalty',
  'repetition_penalty',
  'logit_bias',
  'reasoning_effort',
] as const;

function determinismSeed(body: GenerationBody): string {
  const seed = typeof body.seed === 'number' ? String(body.seed) : '';
  const record = body as Record<string, unknown>;
  const options = DECODING_OPTIONS.filter((name) => record[name] !== undefined);
  return options.length ? seed + JSON.stringify(options.map((name) => [name, record[name]])) : seed;
}

/** In JSON mode (`json_object`, `json_schema`) the words become one JSON document (json-answer.ts). */
function shapedWords(words: string[], body: GenerationBody): string[] {
  const format = body.response_format;
  if (format?.type !== 'json_object' && format?.type !== 'json_schema') return words;
  return jsonAnswer(words, format);
}

const TEXT_TYPES = ['chat', 'language', 'code'] as const;

function hasImageParts(messages: ChatLikeMessage[]): boolean {
  return messages.some(
    (m) =>
      Array.isArray(m.content) && m.content.some((part: { type?: unknown }) => part?.type === 'image_url'),
  );
}

type Chunk = { choices: Array<{ logprobs: unknown }> };

/** How one endpoint shapes its answer: stream chunks, the final chunk, the whole JSON answer. */
interface TextShapes {
  chunk(id: string, created: number, model: string, text: string, tokenId: number): Chunk;
  final(id: string, created: number, model: string, finish: string, counts: UsageCounts): object;
  whole(id: string, model: string, text: string, finish: string, counts: UsageCounts): object;
  /** Whether the endpoint is chat (which can call tools and show a reasoning model's thinking). */
  chat: boolean;
}

const CHAT_SHAPES: TextShapes = {
  chunk: chatChunk,
  final: finalChatChunk,
  whole: chatCompletion,
  chat: true,
};

const COMPLETION_SHAPES: TextShapes = {
  chunk: (id, created, model, text, tokenId) => completionChunk(id, created, model, text, tokenId),
  final: (id, created, model, finish, counts) =>
    completionChunk(id, created, model, '', FINAL_TOKEN_ID, finish, counts),
  whole: textCompletion,
  chat: false,
};

/**
 * The flow both text endpoints share: faults, the model check, the endpoint's own input check
 * (`read` answers the input as chat messages with its prompt token count, or sends a 400), then
 * deterministic words, streamed or whole.
 */
function registerTextRoute(
  context: SimContext,
  path: string,
  shapes: TextShapes,
  read: (
    body: GenerationBody,
    reply: FastifyReply,
    model: SimModel,
  ) => { messages: ChatLikeMessage[]; promptTokens: number } | undefined,
): void {
  context.app.post(path, async (request, reply) => {
    const body = (request.body ?? {}) as GenerationBody;
    const fault = takeFault(context, request, reply, typeof body.model === 'string' ? body.model : undefined);
    if (await applyPreContentFault(fault, request, reply)) return reply;
    if (typeof body.model !== 'string') return invalidParams(reply, 'model', 'model is required');
    const custom = customModel(context, body.model);
    if (custom === 'not_running') return endpointNotRunning(reply, body.model);
    const model = custom ?? modelOfType(body.model, [...TEXT_TYPES]);
    if (!model) return modelNotAvailable(reply, body.model);
    const choices = body.n ?? 1;
    if (typeof choices !== 'number' || !Number.isInteger(choices) || choices < 1 || choices > 128)
      return invalidParams(reply, 'n', 'n must be an integer between 1 and 128');
    const input = read(body, reply, model);
    if (!input) return reply;
    const maxTokens = typeof body.max_tokens === 'number' ? body.max_tokens : undefined;
    if (input.promptTokens + (maxTokens ?? 0) > model.context_length)
      return contextLengthExceeded(reply, model.context_length, input.promptTokens + (maxTokens ?? 0));
    const call = shapes.chat ? simToolCall(body, input.messages) : undefined;
    if (call) return answerWithToolCall(context, reply, model.id, call, input.promptTokens, body, fault);
    const completion = completionWords(input.messages, maxTokens, determinismSeed(body));
    const { truncated } = completion;
    const words = shapedWords(completion.words, body);
    const thinking =
      shapes.chat && body.reasoning?.enabled !== false ? thinkingOf(model.id, input.messages) : undefined;
    // The other answers (n > 1, never streamed by the gateway): words of their own.
    const others = Array.from({ length: choices - 1 }, (_, i) => {
      const other = completionWords(input.messages, maxTokens, `${determinismSeed(body)}/${i + 1}`);
      return { words: shapedWords(other.words, body), finish: other.truncated ? 'length' : 'stop' };
    });
    const otherWords = others.reduce((sum, other) => sum + other.words.length, 0);
    const counts = usage(input.promptTokens, words.length + (thinking?.words.length ?? 0) + otherWords);
    const finish = truncated ? 'length' : 'stop';
    if (body.stream === true) {
      const id = togetherId();
      const created = Math.floor(Date.now() / 1000);
      return streamChunks(
        context,
        reply,
        [
          ...(thinking?.words.map((word, i) =>
            thinkingChunk(id, created, model.id, thinking.key, word, 900 + i),
          ) ?? []),
          ...words.map((word, i) =>
            withChunkLogprob(shapes.chunk(id, created, model.id, word, 1000 + i), i, body.logprobs),
          ),
        ],
        shapes.final(id, created, model.id, finish, counts),
        fault,
        directives(input.messages).delayMs ?? 0,
      );
    }
    if (applyBodyFault(fault, reply)) return reply;
    const id = togetherId();
    const answer = withThinking(shapes.whole(id, model.id, words.join(''), finish, counts), thinking);
    const whole = withEcho(withLogprobs(answer, words, body.logprobs), body) as { choices: object[] };
    const otherChoices = others.map((other, i) => {
      const shaped = shapes.whole(id, model.id, other.words.join(''), other.finish, counts);
      const [choice] = (withLogprobs(shaped, other.words, body.logprobs) as { choices: object[] }).choices;
      return { ...choice, index: i + 1 };
    });
    return { ...whole, choices: [...whole.choices, ...otherChoices] };
  });
}

/** A reasoning model's thinking: its words, and the key the model sends them under. */
interface Thinking {
  key: 'reasoning' | 'reasoning_content';
  words: string[];
}

/**
 * `#sim reasoning=N` makes a chat model think N words before answering, under `reasoning` (GPT-OSS,
 * Qwen3.5, as Together sends theirs) or `reasoning_content` (every other model).
 */
function thinkingOf(model: string, messages: ChatLikeMessage[]): Thinking | undefined {
  const count = directives(messages).reasoning;
  if (!count) return undefined;
  const key = /^(openai\/gpt-oss|Qwen\/Qwen3\.5)/.test(model) ? 'reasoning' : 'reasoning_content';
  const words = Array.from(
    { length: count },
    (_, i) => `${i ? ' ' : ''}${THINKING_WORDS[i % THINKING_WORDS.length]}`,
  );
  return { key, words };
}

const THINKING_WORDS = ['first', 'consider', 'the', 'question', 'then', 'answer', 'it'];

function withThinking(answer: object, thinking: Thinking | undefined): object {
  if (!thinking) return answer;
  const choices = (answer as { choices: Array<{ message: object }> }).choices.map((choice) => ({
    ...choice,
    message: { ...choice.message, [thinking.key]: thinking.words.join('') },
  }));
  return { ...answer, choices };
}

/** A stream chunk of thinking: no content, the word under the model's reasoning key. */
function thinkingChunk(
  id: string,
  created: number,
  model: string,
  key: Thinking['key'],
  word: string,
  tokenId: number,
) {
  const chunk = chatChunk(id, created, model, '', tokenId);
  return {
    ...chunk,
    choices: [{ ...chunk.choices[0], delta: { ...chunk.choices[0].delta, content: null, [key]: word } }],
  };
}

/**
 * With `logprobs: N` (or true: 1) a whole answer carries Together's legacy logprobs: every word
 * (token) with a log probability, and N alternatives at its place, the word itself first.
 */
function withLogprobs(answer: object, words: string[], logprobs: unknown): object {
  const alternatives = alternativesAsked(logprobs);
  if (alternatives <= 0) return answer;
  const choices = (answer as { choices: object[] }).choices.map((choice) => ({
    ...choice,
    logprobs: legacyLogprobs(words, alternatives),
  }));
  return { ...answer, choices };
}

function alternativesAsked(logprobs: unknown): number {
  return logprobs === true ? 1 : typeof logprobs === 'number' ? logprobs : 0;
}

/** The simulated log probability of the i-th token of an answer (or of a prompt). */
const logprobOf = (i: number) => -((i * 37) % 100) / 1000;

/** A stream chunk's `logprobs`, when asked for: the spec's one number, its token's. */
function withChunkLogprob(chunk: Chunk, i: number, logprobs: unknown): Chunk {
  if (alternativesAsked(logprobs) <= 0) return chunk;
  return { ...chunk, choices: [{ ...chunk.choices[0], logprobs: logprobOf(i) }] };
}

/** Together's legacy logprobs of some tokens; a prompt's first token has no log probability. */
function legacyLogprobs(tokens: string[], alternatives: number, firstUnknown = false) {
  return {
    tokens,
    token_logprobs: tokens.map((_, i) => (firstUnknown && i === 0 ? null : logprobOf(i))),
    token_ids: tokens.map((_, i) => 1000 + i),
    top_logprobs: tokens.map((token, i) =>
      firstUnknown && i === 0
        ? null
        : Object.fromEntries(
            [token, ...WORD_ALTERNATIVES].slice(0, alternatives).map((other, k) => [other, logprobOf(i) - k]),
          ),
    ),
  };
}

/**
 * `echo` on a completion puts the prompt in the answer's `prompt` field, with its tokens' logprobs
 * when they are asked for (a word is a token here, as everywhere in the simulator).
 */
function withEcho(answer: object, body: GenerationBody): object {
  if (body.echo !== true || typeof body.prompt !== 'string') return answer;
  const alternatives = alternativesAsked(body.logprobs);
  const tokens = body.prompt.match(/\s*\S+|\s+$/g) ?? [];
  const logprobs = alternatives > 0 ? legacyLogprobs(tokens, alternatives, true) : null;
  return { ...answer, prompt: [{ text: body.prompt, logprobs }] };
}

const WORD_ALTERNATIVES = [' alpha', ' beta', ' gamma', ' delta', ' epsilon'];

/** A chat answered with a call of one of the request's tools, streamed or whole. */
function answerWithToolCall(
  context: SimContext,
  reply: FastifyReply,
  model: string,
  call: SimToolCall,
  promptTokens: number,
  body: GenerationBody,
  fault: ReturnType<typeof takeFault>,
) {
  const counts = usage(promptTokens, call.pieces.length);
  const id = togetherId();
  if (body.stream === true) {
    const created = Math.floor(Date.now() / 1000);
    const chunks = toolCallChunks(id, created, model, call);
    return streamChunks(
      context,
      reply,
      chunks,
      finalChatChunk(id, created, model, 'tool_calls', counts),
      fault,
      0,
    );
  }
  if (applyBodyFault(fault, reply)) return reply;
  return toolCallCompletion(id, model, call, counts);
}

/** `POST /v1/chat/completions` and `POST /v1/completions`: deterministic text, streamed or not. */
export function registerTextRoutes(context: SimContext): void {
  registerTextRoute(context, '/v1/chat/completions', CHAT_SHAPES, (body, reply, model) => {
    if (!Array.isArray(body.messages) || body.messages.length === 0) {
      void invalidParams(reply, 'messages', 'messages must be a non-empty array');
      return undefined;
    }
    const messages = body.messages as ChatLikeMessage[];
    if (hasImageParts(messages) && !model.vision) {
      void sendError(
        reply,
        400,
        `Model ${model.id} does not support image inputs.`,
        'invalid_request_error',
        'invalid_params',
        'messages',
      );
      return undefined;
    }
    return { messages, promptTokens: countPromptTokens(messages) };
  });

  registerTextRoute(context, '/v1/completions', COMPLETION_SHAPES, (body, reply) => {
    if (typeof body.prompt !== 'string' || body.prompt === '') {
      void invalidParams(reply, 'prompt', 'prompt must be a non-empty string');
      return undefined;
    }
    return {
      messages: [{ role: 'user', content: body.prompt }],
      promptTokens: body.prompt.split(/\s+/).filter(Boolean).length,
    };
  });
}
