import type { GatewayTextResult, GatewayTextStream } from '@tiergate/gateway';
import type { TextChoice, TokenLogprob, TokenUsage, ToolCallDelta } from '@tiergate/provider';
import { sseData } from '../http/sse';

/**
 * OpenAI's own model names, for clients written against OpenAI: they mean "the platform's
 * default for this modality" (the caller's tier decides), not a model Together serves.
 */
const OPENAI_ALIASES =
  /^(whisper-1|tts-1(-hd)?|gpt-4o(-mini)?-(tts|transcribe)|dall-e-[23]|gpt-image-1|text-embedding-(ada-002|3-small|3-large))$/;
const OPENAI_VOICES = new Set([
  'alloy',
  'ash',
  'ballad',
  'coral',
  'echo',
  'fable',
  'nova',
  'onyx',
  'sage',
  'shimmer',
  'verse',
]);

export function resolveModelAlias(model: string | undefined): string | undefined {
  return model && OPENAI_ALIASES.test(model) ? undefined : model;
}

/** An OpenAI voice name with an OpenAI model alias means the platform's default voice. */
export function resolveVoice(model: string, voice: string): string | undefined {
  return OPENAI_ALIASES.test(model) && OPENAI_VOICES.has(voice) ? undefined : voice;
}

function usage(usage: TokenUsage) {
  return {
    prompt_tokens: usage.promptTokens,
    completion_tokens: usage.completionTokens,
    total_tokens: usage.totalTokens,
  };
}

const now = () => Math.floor(Date.now() / 1000);

/** OpenAI's `logprobs.content`: each token with its UTF-8 bytes and up to `alternatives` others. */
function openAiLogprobs(logprobs: TokenLogprob[] | undefined, alternatives: number) {
  if (!logprobs) return null;
  const entry = (token: string, logprob: number) => ({
    token,
    logprob,
    bytes: [...Buffer.from(token, 'utf8')],
  });
  return {
    content: logprobs.map(({ token, logprob, top }) => ({
      ...entry(token, logprob),
      top_logprobs: top.slice(0, alternatives).map((other) => entry(other.token, other.logprob)),
    })),
    refusal: null,
  };
}

/**
 * `topLogprobs`: how many alternatives per token the caller asked for (`top_logprobs`);
 * `functions`: the caller used the older function calling, so the call comes back as it.
 */
export function chatCompletion(
  requestId: string,
  { result, source }: GatewayTextResult,
  options: { topLogprobs?: number; functions?: boolean } = {},
) {
  return {
    id: `chatcmpl-${requestId}`,
    object: 'chat.completion',
    created: now(),
    model: source.servedModel,
    choices: [result, ...(result.alternatives ?? [])].map((choice, index) =>
      chatChoice(choice, index, options),
    ),
    usage: usage(result.usage),
  };
}

function chatChoice(
  choice: TextChoice,
  index: number,
  { topLogprobs = 0, functions = false }: { topLogprobs?: number; functions?: boolean },
) {
  const calls = choice.toolCalls;
  return {
    index,
    message: {
      role: 'assistant',
      // OpenAI writes null for an answer that is only tool calls.
      content: choice.content === '' && calls ? null : choice.content,
      ...(calls && (functions ? { function_call: calls[0].function } : { tool_calls: calls })),
      // A reasoning model's thinking, under the name DeepSeek, vLLM and their clients use.
      ...(choice.reasoning && { reasoning_content: choice.reasoning }),
    },
    finish_reason: functions ? asFunctionCall(choice.finishReason) : choice.finishReason,
    logprobs: openAiLogprobs(choice.logprobs, topLogprobs),
  };
}

/** The older function calling's name for an answer that ends in a call. */
const asFunctionCall = (finishReason: string) =>
  finishReason === 'tool_calls' ? 'function_call' : finishReason;

/**
 * A legacy completion's `logprobs`: the tokens, their log probabilities, up to `alternatives`
 * others at each place, and where each token starts in the text. With `echo`, the prompt's tokens
 * come first, the first of them without a log probability (nothing comes before it), and the
 * offsets count from the start of the prompt.
 */
function legacyLogprobs(
  choice: TextChoice,
  promptLogprobs: TokenLogprob[] | undefined,
  alternatives: number,
  echo: string | undefined,
) {
  const prompt = echo === undefined ? [] : (promptLogprobs ?? []);
  if (!choice.logprobs && !prompt.length) return null;
  const tokens = [...prompt, ...(choice.logprobs ?? [])];
  // Without the prompt's tokens (an upstream that did not send them), the answer's still start after it.
  return legacyLogprobsOf(tokens, alternatives, prompt.length ? 0 : (echo?.length ?? 0), prompt.length > 0);
}

/** Tokens in the legacy shape, the first at `offset` in the text (and without a logprob if `firstUnknown`). */
function legacyLogprobsOf(
  tokens: TokenLogprob[],
  alternatives: number,
  offset: number,
  firstUnknown = false,
) {
  const textOffset = tokens.map(({ token }) => {
    const start = offset;
    offset += token.length;
    return start;
  });
  const unknown = (i: number) => firstUnknown && i === 0;
  return {
    tokens: tokens.map((t) => t.token),
    token_logprobs: tokens.map((t, i) => (unknown(i) ? null : t.logprob)),
    top_logprobs: tokens.map((t, i) =>
      unknown(i)
        ? null
        : Object.fromEntries(t.top.slice(0, alternatives).map((other) => [other.token, other.logprob])),
    ),
    text_offset: textOffset,
  };
}

/**
 * `logprobs`: the alternatives per token the caller asked for (undefined: none at all); `echo`: the
 * prompt, to put before the answer's text.
 */
export function textCompletion(
  requestId: string,
  { result, source }: GatewayTextResult,
  { logprobs, echo }: { logprobs?: number; echo?: string } = {},
) {
  return {
    id: `cmpl-${requestId}`,
    object: 'text_completion',
    created: now(),
    model: source.servedModel,
    choices: [result, ...(result.alternatives ?? [])].map((choice, index) => ({
      index,
      text: (echo ?? '') + choice.content,
      finish_reason: choice.finishReason,
      logprobs: logprobs === undefined ? null : legacyLogprobs(choice, result.promptLogprobs, logprobs, echo),
    })),
    usage: usage(result.usage),
  };
}

/** A piece of a tool call in OpenAI's stream: the first piece of each call carries its id, type and name. */
function toolCallChunk({ index, id, name, arguments: args }: ToolCallDelta) {
  return {
    index,
    ...(id && { id, type: 'function' }),
    function: functionCallChunk({ name, arguments: args }),
  };
}

/** A piece of a function call: its name with the first piece, then more of its arguments. */
function functionCallChunk({ name, arguments: args }: Pick<ToolCallDelta, 'name' | 'arguments'>) {
  return { ...(name && { name }), arguments: args };
}

/**
 * OpenAI's stream: chunks of text (of thinking, of tool calls), a chunk with `finish_reason` that
 * also carries the usage (as Together's last chunk does), then `[DONE]`. With
 * `stream_options.include_usage`, OpenAI's own usage chunk (`choices: []`) comes before `[DONE]`;
 * only then, since clients written against OpenAI may read `choices[0]` of every chunk.
 */
export async function* openAiStreamEvents(
  requestId: string,
  stream: GatewayTextStream,
  kind: 'chat' | 'completion',
  {
    includeUsage,
    echo,
    alternatives,
    functions = false,
  }: {
    includeUsage: boolean;
    /** The caller used the older function calling: calls stream as `function_call`. */
    functions?: boolean;
    /** A completion's prompt, sent first. */
    echo?: string;
    /** With logprobs asked for: how many alternatives per token (undefined: not asked). */
    alternatives?: number;
  },
): AsyncGenerator<string> {
  const head = {
    id: kind === 'chat' ? `chatcmpl-${requestId}` : `cmpl-${requestId}`,
    object: kind === 'chat' ? 'chat.completion.chunk' : 'text_completion',
    created: now(),
    model: stream.source.servedModel,
  };
  const chunk = (choice: object, extra: object = {}) => sseData({ ...head, choices: [choice], ...extra });
  let first = true;
  /** A chat chunk's choice; the first one also says who speaks. */
  const chatChoice = (delta: object, finishReason: string | null = null, logprobs: object | null = null) => {
    const choice = {
      index: 0,
      delta: first ? { role: 'assistant', ...delta } : delta,
      finish_reason: finishReason,
      logprobs,
    };
    first = false;
    return choice;
  };
  let textOffset = 0; // where the next piece starts in a completion's text
  const textChoice = (text: string, finishReason: string | null = null, logprobs: object | null = null) => {
    textOffset += text.length;
    return { index: 0, text, finish_reason: finishReason, logprobs };
  };
  if (echo !== undefined) yield chunk(textChoice(echo)); // a completion's prompt, first
  for await (const event of stream.events) {
    if (event.type === 'delta') {
      const tokens = alternatives === undefined ? undefined : event.logprobs;
      if (kind === 'chat') {
        yield chunk(chatChoice({ content: event.content }, null, openAiLogprobs(tokens, alternatives ?? 0)));
      } else {
        // The piece's tokens start where the text sent so far ends.
        const logprobs = tokens ? legacyLogprobsOf(tokens, alternatives ?? 0, textOffset) : null;
        yield chunk(textChoice(event.content, null, logprobs));
      }
    } else if (event.type === 'reasoning') {
      // A legacy completion has nowhere to put a model's thinking.
      if (kind === 'chat') yield chunk(chatChoice({ reasoning_content: event.content }));
    } else if (event.type === 'tool_call') {
      const call = functions
        ? event.index === 0 && { function_call: functionCallChunk(event) } // one call at a time
        : { tool_calls: [toolCallChunk(event)] };
      if (call) yield chunk(chatChoice({ ...(first && { content: null }), ...call }));
    } else {
      const finishReason = functions ? asFunctionCall(event.finishReason) : event.finishReason;
      const done = kind === 'chat' ? chatChoice({}, finishReason) : textChoice('', finishReason);
      yield chunk(done, { usage: usage(event.usage) });
      if (includeUsage) yield sseData({ ...head, choices: [], usage: usage(event.usage) });
    }
  }
  yield sseData('[DONE]');
}
