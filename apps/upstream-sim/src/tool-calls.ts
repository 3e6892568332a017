import { createHash } from 'node:crypto';
import { directives, type ChatLikeMessage } from './content';

/** A tool call the simulator makes: the function, its arguments as JSON, and the pieces it streams them in. */
export interface SimToolCall {
  id: string;
  name: string;
  arguments: string;
  pieces: string[];
}

interface ToolBody {
  tools?: unknown;
  tool_choice?: unknown;
}

type Tool = {
  function?: { name?: unknown; parameters?: { properties?: Record<string, { type?: unknown }> } };
};

/**
 * Whether the model calls a tool, as a model would decide it, but deterministically: never after
 * a tool's answer (the last message is a `tool` message) or with `tool_choice: "none"`; always
 * with `"required"` or a named function; with `"auto"` when the last user message says
 * `#sim tool` (or `#sim tool=NAME`). The arguments fill each declared parameter: strings with a
 * word, numbers with a number, booleans with true; one piece of the arguments is one token.
 */
export function simToolCall(body: ToolBody, messages: ChatLikeMessage[]): SimToolCall | undefined {
  const tools = Array.isArray(body.tools) ? (body.tools as Tool[]) : [];
  const choice = body.tool_choice;
  if (tools.length === 0 || choice === 'none' || messages.at(-1)?.role === 'tool') return undefined;
  const asked = directives(messages).tool;
  const named = typeof choice === 'object' && choice !== null ? (choice as Tool).function?.name : undefined;
  if (choice !== 'required' && named === undefined && asked === undefined) return undefined;
  const wanted = named ?? (asked || undefined);
  const tool = tools.find((t) => t.function?.name === wanted) ?? tools[0];
  const name = typeof tool.function?.name === 'string' ? tool.function.name : 'tool';
  const digest = createHash('sha256').update(JSON.stringify(messages)).update(name).digest();
  const properties = Object.entries(tool.function?.parameters?.properties ?? {});
  const pieces = ['{'];
  properties.forEach(([property, schema], i) => {
    const value =
      schema?.type === 'number' || schema?.type === 'integer'
        ? digest[i % digest.length]
        : schema?.type === 'boolean'
          ? true
          : `value${digest[i % digest.length]}`;
    pieces.push(`${i ? ', ' : ''}${JSON.stringify(property)}: `, JSON.stringify(value));
  });
  pieces.push('}');
  return { id: `call_${digest.toString('hex').slice(0, 24)}`, name, arguments: pieces.join(''), pieces };
}
