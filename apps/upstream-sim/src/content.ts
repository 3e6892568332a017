import { createHash } from 'node:crypto';

/**
 * Deterministic answers: the same request always produces the same text. One word is one token,
 * so token counts agree with the content. A `#sim tokens=N` (and `delay=MS`) directive in the
 * last user message asks for a specific length (and pacing between stream chunks).
 */
const WORDS = (
  'the a model answer gateway token stream quick brown fox jumps over lazy dog tiered platform ' +
  'request response latency quota fallback cache provider simulator together open source reliable ' +
  'fast careful exact ledger usage minute image audio vision code text chat every one'
).split(' ');

export interface ChatLikeMessage {
  role?: unknown;
  content?: unknown;
}

export interface Directives {
  tokens?: number;
  delayMs?: number;
  /** `#sim tool` (or `tool=NAME`): call a tool the request offers; '' for the first one. */
  tool?: string;
  /** `#sim reasoning=N`: think N words before answering. */
  reasoning?: number;
}

function textOf(content: unknown): string {
  if (typeof content === 'string') return content;
  if (Array.isArray(content)) {
    return content
      .map((part: { text?: unknown }) => (typeof part?.text === 'string' ? part.text : ''))
      .join(' ');
  }
  return '';
}

export function directives(messages: ChatLikeMessage[]): Directives {
  const last = [...messages].reverse().find((m) => m.role === 'user');
  const text = textOf(last?.content);
  const tokens = /#sim[^\n]*\btokens=(\d+)/.exec(text);
  const delay = /#sim[^\n]*\bdelay=(\d+)/.exec(text);
  const tool = /#sim[^\n]*\btool(?:=([\w-]+))?\b/.exec(text);
  const reasoning = /#sim[^\n]*\breasoning=(\d+)/.exec(text);
  return {
    tokens: tokens ? Number(tokens[1]) : undefined,
    delayMs: delay ? Number(delay[1]) : undefined,
    tool: tool ? (tool[1] ?? '') : undefined,
    reasoning: reasoning ? Number(reasoning[1]) : undefined,
  };
}

export function countPromptTokens(messages: ChatLikeMessage[]): number {
  return messages.reduce((sum, m) => sum + 3 + textOf(m.content).split(/\s+/).filter(Boolean).length, 0);
}

/** The completion's words, and whether `max_tokens` cut it short. */
export function completionWords(
  messages: ChatLikeMessage[],
  maxTokens: number | undefined,
  seedText = '',
): { words: string[]; truncated: boolean } {
  const digest = createHash('sha256').update(JSON.stringify(messages)).update(seedText).digest();
  const natural = directives(messages).tokens ?? 8 + (digest[0] % 24);
  const limit = typeof maxTokens === 'number' && maxTokens > 0 ? maxTokens : 4096;
  const length = Math.min(natural, limit);
  const words: string[] = [];
  for (let i = 0; i < length; i++) {
    const word = WORDS[(digest[i % digest.length] + i * 7) % WORDS.length];
    words.push(i === 0 ? word : ` ${word}`);
  }
  return { words, truncated: natural > limit };
}
