import { randomBytes } from 'node:crypto';
import type { SimToolCall } from './tool-calls';

/** Response builders in Together's exact shapes (shared/reference/together-api.md §2, §9). */

export function togetherId(): string {
  const r = randomBytes(12).toString('hex');
  return `${r.slice(0, 7)}-${r.slice(7, 13)}-${randomBytes(8).toString('hex')}`;
}

export function errorBody(message: string, type: string, code: string | null, param: string | null = null) {
  return { id: togetherId(), error: { message, type, param, code } };
}

export interface UsageCounts {
  prompt_tokens: number;
  completion_tokens: number;
  total_tokens: number;
  cached_tokens: number;
}

export function usage(prompt: number, completion: number): UsageCounts {
  return {
    prompt_tokens: prompt,
    completion_tokens: completion,
    total_tokens: prompt + completion,
    cached_tokens: 0,
  };
}

const EOS_TOKEN_ID = 128009;
const BIG_SEED = 15924764223251450000;

export function chatCompletion(
  id: string,
  model: string,
  content: string,
  finish: string,
  counts: UsageCounts,
) {
  return {
    id,
    object: 'chat.completion',
    created: Math.floor(Date.now() / 1000),
    model,
    prompt: [],
    choices: [
      {
        index: 0,
        finish_reason: finish,
        seed: BIG_SEED,
        logprobs: null,
        message: { role: 'assistant', content, tool_calls: [] },
      },
    ],
    usage: counts,
  };
}

export function chatChunk(
  id: string,
  created: number,
  model: string,
  content: string,
  tokenId: number | null,
) {
  return {
    id,
    object: 'chat.completion.chunk',
    created,
    model,
    choices: [
      {
        index: 0,
        text: content,
        logprobs: null,
        finish_reason: null,
        seed: null,
        delta: { token_id: tokenId, role: 'assistant', content },
      },
    ],
    usage: null,
  };
}

export function finalChatChunk(
  id: string,
  created: number,
  model: string,
  finish: string,
  counts: UsageCounts,
) {
  return {
    id,
    object: 'chat.completion.chunk',
    created,
    model,
    choices: [
      {
        index: 0,
        text: '',
        logprobs: null,
        finish_reason: finish,
        seed: BIG_SEED,
        delta: { token_id: EOS_TOKEN_ID, role: 'assistant', content: '' },
      },
    ],
    usage: counts,
  };
}

export function textCompletion(id: string, model: string, text: string, finish: string, counts: UsageCounts) {
  return {
    id,
    object: 'text.completion',
    created: Math.floor(Date.now() / 1000),
    model,
    prompt: [],
    choices: [{ index: 0, text, finish_reason: finish, seed: BIG_SEED, logprobs: null }],
    usage: counts,
  };
}

export function completionChunk(
  id: string,
  created: number,
  model: string,
  text: string,
  tokenId: number,
  finish: string | null = null,
  counts: UsageCounts | null = null,
) {
  return {
    id,
    object: 'completion.chunk',
    created,
    model,
    choices: [
      {
        index: 0,
        text,
        logprobs: null,
        finish_reason: finish,
        seed: finish ? BIG_SEED : null,
        delta: { token_id: tokenId, role: 'assistant', content: text },
      },
    ],
    usage: counts,
  };
}

export const FINAL_TOKEN_ID = EOS_TOKEN_ID;

/** A chat answer that is a tool call (content null, finish_reason `tool_calls`). */
export function toolCallCompletion(id: string, model: string, call: SimToolCall, counts: UsageCounts) {
  const whole = { name: call.name, arguments: call.arguments };
  return {
    ...chatCompletion(id, model, '', 'tool_calls', counts),
    choices: [
      {
        index: 0,
        finish_reason: 'tool_calls',
        seed: BIG_SEED,
        logprobs: null,
        message: {
          role: 'assistant',
          content: null,
          tool_calls: [{ index: 0, id: call.id, type: 'function', function: whole }],
        },
      },
    ],
  };
}

/** A tool call streamed: its id and name with the first piece of its arguments, then the rest piece by piece. */
export function toolCallChunks(id: string, created: number, model: string, call: SimToolCall) {
  return call.pieces.map((piece, i) => {
    const chunk = chatChunk(id, created, model, '', 1000 + i);
    const toolCall =
      i === 0
        ? { index: 0, id: call.id, type: 'function', function: { name: call.name, arguments: piece } }
        : { index: 0, function: { arguments: piece } };
    return {
      ...chunk,
      choices: [
        { ...chunk.choices[0], delta: { ...chunk.choices[0].delta, content: null, tool_calls: [toolCall] } },
      ],
    };
  });
}
