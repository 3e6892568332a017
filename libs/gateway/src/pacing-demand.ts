import type { ChatMessage } from '@tiergate/provider';
import { countPromptTokens, countTextTokens } from '@tiergate/quota';
import type { GatewayRequestBase } from './gateway.types';

type TextFields = { messages?: ChatMessage[]; prompt?: string; input?: unknown; maxTokens?: number };

/**
 * The tokens an upstream call is counted with against a key's tokens-per-minute before it goes
 * out: the prompt's estimate plus `max_tokens` when the caller set one. A non-streaming answer
 * then corrects the count to the usage it reports; a stream stays counted at this estimate.
 */
export function expectedTokens(request: GatewayRequestBase): number {
  const text = request as GatewayRequestBase & TextFields;
  const prompt = Array.isArray(text.messages)
    ? countPromptTokens(text.messages)
    : typeof text.prompt === 'string'
      ? countTextTokens(text.prompt)
      : Array.isArray(text.input) && text.input.every((item) => typeof item === 'string')
        ? countTextTokens(text.input)
        : 0;
  return prompt + (text.maxTokens ?? 0);
}

/** The total tokens an answer reports, when it reports them (text generations, embeddings). */
export function reportedTokens(result: unknown): number | undefined {
  const usage = (result as { usage?: { totalTokens?: unknown } | null } | null)?.usage;
  return typeof usage?.totalTokens === 'number' ? usage.totalTokens : undefined;
}
