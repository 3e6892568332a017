import { isPlainObject as isObject, OPENAI_NAME, OPENAI_NAME_RULE, unknownKey } from './validators';

/** OpenAI's limit: 128 tools a request. */
export const MAX_TOOLS = 128;
const MAX_DESCRIPTION_CHARS = 8_000;
const MAX_SCHEMA_CHARS = 100_000;
export const MAX_ARGUMENTS_CHARS = 100_000;
export const MAX_CALL_ID_CHARS = 256;

/** The first thing wrong with a `tools` array, naming the item and its field. */
export function toolsProblem(value: unknown): string | undefined {
  if (!Array.isArray(value) || value.length === 0 || value.length > MAX_TOOLS)
    return `tools must be an array of 1 to ${MAX_TOOLS} tools`;
  const names = new Set<string>();
  for (const [i, tool] of value.entries()) {
    const at = `tools[${i}]`;
    if (!isObject(tool) || tool.type !== 'function' || !isObject(tool.function))
      return `${at} must be {"type": "function", "function": {"name", "description", "parameters"}}`;
    const extra = unknownKey(tool, ['type', 'function']);
    if (extra) return `${at}: ${extra} is not a recognised field`;
    const problem = functionProblem(tool.function, `${at}.function`, names, at);
    if (problem) return problem;
  }
  return undefined;
}

/**
 * The first thing wrong with OpenAI's deprecated `functions` (what `tools` replaced: the same
 * functions, without the `{"type": "function"}` around each).
 */
export function functionsProblem(value: unknown, tools: unknown): string | undefined {
  if (tools !== undefined)
    return 'functions cannot be combined with tools (functions is the older form of tools)';
  if (!Array.isArray(value) || value.length === 0 || value.length > MAX_TOOLS)
    return `functions must be an array of 1 to ${MAX_TOOLS} functions`;
  const names = new Set<string>();
  for (const [i, fn] of value.entries()) {
    const at = `functions[${i}]`;
    if (!isObject(fn)) return `${at} must be {"name", "description", "parameters"}`;
    const problem = functionProblem(fn, at, names, at);
    if (problem) return problem;
  }
  return undefined;
}

/** The Responses API's `tools`: functions, flat (`{"type": "function", "name", "parameters"}`). */
export function flatToolsProblem(value: unknown): string | undefined {
  if (!Array.isArray(value) || value.length > MAX_TOOLS)
    return `tools must be an array of at most ${MAX_TOOLS} tools`;
  const names = new Set<string>();
  for (const [i, tool] of value.entries()) {
    const at = `tools[${i}]`;
    if (!isObject(tool)) return `${at} must be {"type": "function", "name", "parameters"}`;
    if (tool.type !== 'function')
      return `${at}.type must be function (OpenAI's hosted tools, such as web search, are not offered)`;
    const { type: _type, ...fn } = tool;
    const problem = functionProblem(fn, at, names, at);
    if (problem) return problem;
  }
  return undefined;
}

/** The Responses API's `tool_choice`: auto, none, required, or `{"type": "function", "name"}` of a tool. */
export function flatToolChoiceProblem(value: unknown, tools: unknown): string | undefined {
  if (value === 'auto' || value === 'none') return undefined;
  if (!Array.isArray(tools) || tools.length === 0) return 'tool_choice needs tools';
  if (value === 'required') return undefined;
  if (!isObject(value) || value.type !== 'function' || typeof value.name !== 'string')
    return 'tool_choice must be auto, none, required or {"type": "function", "name"}';
  const { name } = value;
  const known = tools.some((tool) => isObject(tool) && tool.name === name);
  return known ? undefined : `tool_choice names ${name.slice(0, 64)}, which is not one of the tools`;
}

/** A function's definition at `at` (an unknown key is reported at `owner`); `names` so far. */
function functionProblem(
  fn: Record<string, unknown>,
  at: string,
  names: Set<string>,
  owner: string,
): string | undefined {
  const extra = unknownKey(fn, ['name', 'description', 'parameters', 'strict']);
  if (extra) return `${owner}: ${extra} is not a recognised field`;
  const { name, description, parameters, strict } = fn;
  if (typeof name !== 'string' || !OPENAI_NAME.test(name)) return `${at}.name must be ${OPENAI_NAME_RULE}`;
  if (names.has(name)) return `${at}.name ${name} is given twice`;
  names.add(name);
  if (
    description !== undefined &&
    (typeof description !== 'string' || description.length > MAX_DESCRIPTION_CHARS)
  )
    return `${at}.description must be a string of at most ${MAX_DESCRIPTION_CHARS} characters`;
  if (
    parameters !== undefined &&
    (!isObject(parameters) || JSON.stringify(parameters).length > MAX_SCHEMA_CHARS)
  )
    return `${at}.parameters must be a JSON Schema object of at most ${MAX_SCHEMA_CHARS} characters`;
  if (strict !== undefined && typeof strict !== 'boolean') return `${at}.strict must be true or false`;
  return undefined;
}

/** `tool_choice`: auto, none, required, or one of the request's functions by name. */
export function toolChoiceProblem(value: unknown, tools: unknown): string | undefined {
  if (tools === undefined) return 'tool_choice needs tools';
  if (value === 'auto' || value === 'none' || value === 'required') return undefined;
  if (
    !isObject(value) ||
    value.type !== 'function' ||
    !isObject(value.function) ||
    typeof value.function.name !== 'string'
  )
    return 'tool_choice must be auto, none, required or {"type": "function", "function": {"name"}}';
  const name = value.function.name;
  const known =
    Array.isArray(tools) &&
    tools.some((tool) => isObject(tool) && isObject(tool.function) && tool.function.name === name);
  return known ? undefined : `tool_choice names ${name.slice(0, 64)}, which is not one of the tools`;
}

/** `function_call` (the older `tool_choice`): auto, none, or `{"name"}` of one of the functions. */
export function functionCallProblem(value: unknown, functions: unknown): string | undefined {
  if (functions === undefined) return 'function_call needs functions';
  if (value === 'auto' || value === 'none') return undefined;
  if (!isObject(value) || typeof value.name !== 'string' || unknownKey(value, ['name']))
    return 'function_call must be auto, none or {"name"}';
  const { name } = value;
  const known = Array.isArray(functions) && functions.some((fn) => isObject(fn) && fn.name === name);
  return known ? undefined : `function_call names ${name.slice(0, 64)}, which is not one of the functions`;
}

/** An assistant message's `function_call` (the older `tool_calls`): the one call the model made. */
export function messageFunctionCallProblem(value: unknown, role: unknown): string | undefined {
  if (role !== 'assistant') return 'function_call is only allowed on assistant messages';
  if (!isObject(value)) return 'function_call must be {"name", "arguments"}';
  const extra = unknownKey(value, ['name', 'arguments']);
  if (extra) return `function_call: ${extra} is not a recognised field`;
  if (typeof value.name !== 'string' || !OPENAI_NAME.test(value.name))
    return `function_call.name must be ${OPENAI_NAME_RULE}`;
  if (typeof value.arguments !== 'string' || value.arguments.length > MAX_ARGUMENTS_CHARS)
    return `function_call.arguments must be a string (JSON) of at most ${MAX_ARGUMENTS_CHARS} characters`;
  return undefined;
}

/** An assistant message's `tool_calls`: the calls the model made, sent back with the conversation. */
export function toolCallsProblem(value: unknown, role: unknown): string | undefined {
  if (role !== 'assistant') return 'tool_calls is only allowed on assistant messages';
  if (!Array.isArray(value) || value.length === 0 || value.length > MAX_TOOLS)
    return `tool_calls must be an array of 1 to ${MAX_TOOLS} calls`;
  for (const [i, call] of value.entries()) {
    const at = `tool_calls[${i}]`;
    if (!isObject(call) || call.type !== 'function' || !isObject(call.function))
      return `${at} must be {"id", "type": "function", "function": {"name", "arguments"}}`;
    const extra =
      unknownKey(call, ['id', 'type', 'function']) ?? unknownKey(call.function, ['name', 'arguments']);
    if (extra) return `${at}: ${extra} is not a recognised field`;
    if (typeof call.id !== 'string' || call.id === '' || call.id.length > MAX_CALL_ID_CHARS)
      return `${at}.id must be a string of 1 to ${MAX_CALL_ID_CHARS} characters`;
    if (typeof call.function.name !== 'string' || !OPENAI_NAME.test(call.function.name))
      return `${at}.function.name must be ${OPENAI_NAME_RULE}`;
    if (typeof call.function.arguments !== 'string' || call.function.arguments.length > MAX_ARGUMENTS_CHARS)
      return `${at}.function.arguments must be a string (JSON) of at most ${MAX_ARGUMENTS_CHARS} characters`;
  }
  return undefined;
}

/** A `tool` message's `tool_call_id`: required there, and only there. */
export function toolCallIdProblem(value: unknown, role: unknown): string | undefined {
  if (role !== 'tool') return 'tool_call_id is only allowed on tool messages';
  if (typeof value !== 'string' || value === '' || value.length > MAX_CALL_ID_CHARS)
    return `tool_call_id must be a string of 1 to ${MAX_CALL_ID_CHARS} characters`;
  return undefined;
}
