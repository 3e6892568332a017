import { countTokens } from 'gpt-tokenizer';

/** Tokens a message costs beyond its text (role and separators), as chat formats add them. */
const PER_MESSAGE = 4;
/** A rough, fixed cost for an image part; vision models bill images by size, we cannot know it. */
const PER_IMAGE = 85;

type Message = {
  content: string | Array<{ type: string; text?: string }>;
  toolCalls?: Array<{ function: { name: string; arguments: string } }>;
};

/**
 * Prompt tokens for the quota reservation, counted with a BPE tokenizer (gpt-tokenizer, o200k).
 * It is not the upstream model's own tokenizer, so this is an estimate; every reservation is
 * settled to the usage the upstream reports.
 */
export function countPromptTokens(messages: Message[]): number {
  let total = 0;
  for (const message of messages) {
    total += PER_MESSAGE;
    if (typeof message.content === 'string') total += countTokens(message.content);
    else
      for (const part of message.content)
        total += part.type === 'text' && part.text ? countTokens(part.text) : PER_IMAGE;
    for (const call of message.toolCalls ?? [])
      total += countTokens(call.function.name) + countTokens(call.function.arguments);
  }
  return total;
}

export function countTextTokens(text: string | string[]): number {
  return (Array.isArray(text) ? text : [text]).reduce((sum, item) => sum + countTokens(item), 0);
}
