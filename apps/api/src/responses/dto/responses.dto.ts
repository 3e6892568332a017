import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsBoolean, IsIn, IsOptional, IsString, Matches, MaxLength, ValidateNested } from 'class-validator';
import type { ChatMessage, ContentPart, ResponseFormat, Sampling, ToolOptions } from '@tiergate/provider';
import {
  CheckedBy,
  isImageUrl,
  isPlainObject,
  metadataProblem,
  OPENAI_NAME,
  OPENAI_NAME_RULE,
  responseFormatProblem,
  unknownKey,
} from '../../http/validators';
import {
  flatToolChoiceProblem,
  flatToolsProblem,
  MAX_ARGUMENTS_CHARS,
  MAX_CALL_ID_CHARS,
  MAX_TOOLS,
} from '../../http/tool-validators';
import { MAX_MESSAGE_CHARS, MAX_MESSAGES } from '../../together/dto/chat-completion.dto';
import { MAX_IMAGE_URL_CHARS } from '../../together/dto/image.dto';
import {
  BoundedNumberField,
  MaxTokensField,
  ModelField,
  ProviderField,
  PurposeField,
} from '../../http/dto-fields';

const INPUT_ROLES = ['user', 'system', 'developer', 'assistant'];

/** A response id as Tiergate makes them (`resp_` and 48 hex digits), or as a client may quote one. */
export const RESPONSE_ID = /^resp_[A-Za-z0-9_-]{1,59}$/;

/** A function the model may call, as the Responses API writes it (without chat's `function` wrapper). */
interface FlatTool {
  type: 'function';
  name: string;
  description?: string;
  parameters?: Record<string, unknown>;
  strict?: boolean;
}

/** A text or image part of an input message, as the Responses API writes them. */
type InputPart =
  | { type: 'input_text' | 'output_text'; text: string }
  | { type: 'input_image'; image_url: string; detail?: string };

/** A message of the conversation (`type: "message"` may be left out). */
interface InputMessage {
  type?: 'message';
  role: 'user' | 'system' | 'developer' | 'assistant';
  content: string | InputPart[];
}

/** A call the model made earlier, sent back with the conversation. */
interface FunctionCallItem {
  type: 'function_call';
  call_id: string;
  name: string;
  arguments: string;
}

/** The caller's result of a call. */
interface FunctionCallOutputItem {
  type: 'function_call_output';
  call_id: string;
  output: string | InputPart[];
}

/** A reasoning model's earlier thinking, sent back as OpenAI returns it: accepted and not sent on. */
interface ReasoningItem {
  type: 'reasoning';
}

export type InputItem = InputMessage | FunctionCallItem | FunctionCallOutputItem | ReasoningItem;

/** The first thing wrong with `input`: a string, or the conversation's items. */
function inputProblem(value: unknown): string | undefined {
  if (typeof value === 'string')
    return value.length > MAX_MESSAGE_CHARS
      ? `input must be at most ${MAX_MESSAGE_CHARS} characters`
      : undefined;
  if (!Array.isArray(value) || value.length === 0 || value.length > MAX_MESSAGES)
    return `input must be a string or an array of 1 to ${MAX_MESSAGES} items`;
  for (const [i, item] of value.entries()) {
    const problem = isPlainObject(item)
      ? itemProblem(item, `input[${i}]`)
      : `input[${i}] must be a message {"role", "content"}`;
    if (problem) return problem;
  }
  return undefined;
}

function itemProblem(item: Record<string, unknown>, at: string): string | undefined {
  const fields = (keys: string[]) => {
    const extra = unknownKey(item, [...keys, 'type', 'id', 'status']);
    return extra && `${at}: ${extra} is not a recognised field`;
  };
  const callId = () =>
    typeof item.call_id === 'string' && item.call_id !== '' && item.call_id.length <= MAX_CALL_ID_CHARS
      ? undefined
      : `${at}.call_id must be a string of 1 to ${MAX_CALL_ID_CHARS} characters`;
  switch (item.type) {
    case undefined:
    case 'message':
      if (!INPUT_ROLES.includes(item.role as string))
        return `${at}.role must be one of ${INPUT_ROLES.join(', ')}`;
      return fields(['role', 'content']) ?? contentProblem(item.content, `${at}.content`);
    case 'function_call':
      if (typeof item.name !== 'string' || !OPENAI_NAME.test(item.name))
        return `${at}.name must be ${OPENAI_NAME_RULE}`;
      if (typeof item.arguments !== 'string' || item.arguments.length > MAX_ARGUMENTS_CHARS)
        return `${at}.arguments must be a string (JSON) of at most ${MAX_ARGUMENTS_CHARS} characters`;
      return fields(['call_id', 'name', 'arguments']) ?? callId();
    case 'function_call_output':
      return fields(['call_id', 'output']) ?? callId() ?? contentProblem(item.output, `${at}.output`);
    case 'reasoning':
      return undefined; // its summary and encrypted content are OpenAI's; dropped
    default:
      return typeof item.type === 'string'
        ? `${at}.type ${item.type.slice(0, 64)} is not offered here (message, function_call, function_call_output and reasoning are)`
        : `${at}.type must be a string such as message`;
  }
}

function contentProblem(content: unknown, at: string): string | undefined {
  if (typeof content === 'string')
    return content.length > MAX_MESSAGE_CHARS
      ? `${at} must be at most ${MAX_MESSAGE_CHARS} characters`
      : undefined;
  if (!Array.isArray(content) || content.length === 0 || content.length > 64)
    return `${at} must be a string or an array of 1 to 64 parts`;
  for (const [j, part] of content.entries()) {
    const partAt = `${at}[${j}]`;
    if (!isPlainObject(part)) return `${partAt} must be an input_text or input_image part`;
    if (part.type === 'input_text' || part.type === 'output_text') {
      if (typeof part.text !== 'string' || part.text.length > MAX_MESSAGE_CHARS)
        return `${partAt}.text must be a string of at most ${MAX_MESSAGE_CHARS} characters`;
    } else if (part.type === 'input_image') {
      if (!isImageUrl(part.image_url, MAX_IMAGE_URL_CHARS))
        return `${partAt}.image_url must be an http(s) or data: URL of at most ${MAX_IMAGE_URL_CHARS} characters`;
    } else {
      return `${partAt}.type must be input_text, output_text or input_image`;
    }
  }
  return undefined;
}

/** `text.format`, flat as the Responses API writes it (`{"type": "json_schema", "name", "schema"}`). */
function formatOf(format: Record<string, unknown>): Record<string, unknown> {
  if (format.type !== 'json_schema') return format;
  const { type, ...spec } = format;
  return { type, json_schema: spec };
}

function textProblem(value: unknown): string | undefined {
  if (!isPlainObject(value)) return 'text must be an object such as {"format": {"type": "text"}}';
  const extra = unknownKey(value, ['format', 'verbosity']);
  if (extra) return `text.${extra} is not a recognised field`;
  if (value.verbosity !== undefined && !['low', 'medium', 'high'].includes(value.verbosity as string))
    return 'text.verbosity must be low, medium or high';
  if (value.format === undefined) return undefined;
  if (!isPlainObject(value.format) || value.format.type === 'regex')
    return 'text.format.type must be one of text, json_object, json_schema';
  return responseFormatProblem('text.format', formatOf(value.format))?.replace(
    'text.format.json_schema',
    'text.format',
  );
}

class ReasoningOptionsDto {
  @IsOptional()
  @IsIn(['minimal', 'low', 'medium', 'high'], {
    message: 'reasoning.effort must be minimal, low, medium or high',
  })
  effort?: 'minimal' | 'low' | 'medium' | 'high';

  @IsOptional()
  @IsIn(['auto', 'concise', 'detailed'], { message: 'reasoning.summary must be auto, concise or detailed' })
  summary?: string;
}

/**
 * OpenAI's Responses API (`POST /v1/responses`) for conversations of text, images and function
 * calls, answered by the same pipeline as chat. A stored response (`store`, the default) can be
 * continued with `previous_response_id`.
 */
export class OpenAiResponseDto {
  @ModelField('meta-llama/Meta-Llama-3.1-8B-Instruct-Turbo')
  model?: string;

  @ProviderField()
  provider?: string;

  @ApiProperty({
    oneOf: [{ type: 'string' }, { type: 'array', items: { type: 'object' } }],
    description: 'A string, or the conversation as messages of input_text and input_image parts',
  })
  @CheckedBy('isResponseInput', (value) => inputProblem(value))
  input!: string | InputItem[];

  @ApiPropertyOptional({ description: 'A system message before the input' })
  @IsOptional()
  @IsString({ message: 'instructions must be a string' })
  @MaxLength(MAX_MESSAGE_CHARS, { message: `instructions must be at most ${MAX_MESSAGE_CHARS} characters` })
  instructions?: string;

  @MaxTokensField('max_output_tokens')
  max_output_tokens?: number;

  @BoundedNumberField('temperature', 0, 2)
  temperature?: number;

  @BoundedNumberField('top_p', 0, 1)
  top_p?: number;

  @ApiPropertyOptional()
  @IsOptional()
  @IsBoolean({ message: 'stream must be true or false' })
  stream?: boolean;

  @ApiPropertyOptional({ description: 'format (text, json_object, json_schema) and verbosity' })
  @IsOptional()
  @CheckedBy('isTextOptions', (value) => textProblem(value))
  text?: { format?: Record<string, unknown>; verbosity?: string };

  @ApiPropertyOptional({ description: 'effort: how hard a reasoning model thinks' })
  @IsOptional()
  @CheckedBy('isReasoningOptions', (value) =>
    isPlainObject(value) ? undefined : 'reasoning must be an object such as {"effort": "low"}',
  )
  @ValidateNested()
  @Type(() => ReasoningOptionsDto)
  reasoning?: ReasoningOptionsDto;

  @ApiPropertyOptional({
    description: `Functions the model may call (at most ${MAX_TOOLS}), flat: {type: "function", name, parameters}`,
  })
  @IsOptional()
  @CheckedBy('isFlatTools', (value) => flatToolsProblem(value))
  tools?: FlatTool[];

  @ApiPropertyOptional({ description: 'auto, none, required, or {"type": "function", "name"}' })
  @IsOptional()
  @CheckedBy('isFlatToolChoice', (value, body) => flatToolChoiceProblem(value, body.tools))
  tool_choice?: 'auto' | 'none' | 'required' | { type: 'function'; name: string };

  @ApiPropertyOptional({
    description: 'Continue a stored response: its conversation comes before this input',
  })
  @IsOptional()
  @IsString({ message: 'previous_response_id must be a response id (resp_…)' })
  @Matches(RESPONSE_ID, { message: 'previous_response_id must be a response id (resp_…)' })
  previous_response_id?: string;

  @ApiPropertyOptional({ description: 'Keep the response for 30 days (default true)' })
  @IsOptional()
  @IsBoolean({ message: 'store must be true or false' })
  store?: boolean;

  // OpenAI's service fields, accepted and not forwarded (as on chat).
  @IsOptional()
  @CheckedBy('isMetadata', (value) => metadataProblem(value))
  metadata?: Record<string, string>;

  @IsOptional()
  @IsString({ message: 'user must be a string' })
  @MaxLength(256)
  user?: string;

  @IsOptional()
  @IsIn(['auto', 'disabled'], { message: 'truncation must be auto or disabled' })
  truncation?: 'auto' | 'disabled';

  @IsOptional()
  @IsBoolean({ message: 'parallel_tool_calls must be true or false' })
  parallel_tool_calls?: boolean;

  @PurposeField('general, creative, coding')
  purpose?: string;

  sampling(): Sampling {
    const effort = this.reasoning?.effort;
    const format = this.text?.format;
    return {
      maxTokens: this.max_output_tokens,
      temperature: this.temperature,
      topP: this.top_p,
      responseFormat: format && (formatOf(format) as unknown as ResponseFormat),
      reasoningEffort: effort === 'minimal' ? 'low' : effort,
    };
  }

  /**
   * The input as items, each with an id (`<prefix>_<key>_<n>` where the caller gave none): a
   * string is one user message.
   */
  inputItems(key: string): InputItem[] {
    const items: InputItem[] =
      typeof this.input === 'string'
        ? [{ type: 'message', role: 'user', content: [{ type: 'input_text', text: this.input }] }]
        : this.input;
    return items.map((item, i) => ({
      id: `${ITEM_ID_PREFIX[item.type ?? 'message']}_${key}_${i}`,
      ...(item.type === undefined ? { type: 'message' as const } : {}),
      ...item,
    }));
  }

  /**
   * The instructions as a system message, then the conversation (an earlier response's, then
   * this input) as chat messages: the model's earlier calls on one assistant turn (with its text,
   * if it had some), and each result a tool message.
   */
  chatMessages(earlier: readonly InputItem[] = []): ChatMessage[] {
    const items: InputItem[] = [
      ...earlier,
      ...(typeof this.input === 'string' ? [{ role: 'user' as const, content: this.input }] : this.input),
    ];
    const messages: ChatMessage[] = this.instructions ? [{ role: 'system', content: this.instructions }] : [];
    for (const item of items) {
      if (item.type === 'reasoning') continue;
      if (item.type === 'function_call') {
        const call = {
          id: item.call_id,
          type: 'function' as const,
          function: { name: item.name, arguments: item.arguments },
        };
        const last = messages.at(-1);
        if (last?.role === 'assistant') last.toolCalls = [...(last.toolCalls ?? []), call];
        else messages.push({ role: 'assistant', content: '', toolCalls: [call] });
      } else if (item.type === 'function_call_output') {
        messages.push({ role: 'tool', toolCallId: item.call_id, content: textOf(item.output) });
      } else {
        messages.push({
          role: item.role === 'developer' ? 'system' : item.role,
          // An earlier answer goes back as its text; a user's parts stay parts (images among them).
          content:
            typeof item.content === 'string' || item.role === 'assistant'
              ? textOf(item.content)
              : item.content.map(chatPart),
        });
      }
    }
    return messages;
  }

  /** The caller's tools, in chat's form. */
  toolOptions(): ToolOptions | undefined {
    if (!this.tools?.length) return undefined;
    const choice = this.tool_choice;
    return {
      definitions: this.tools.map(({ type: _type, ...fn }) => ({ type: 'function', function: fn })),
      choice: typeof choice === 'object' ? { type: 'function', function: { name: choice.name } } : choice,
      parallel: this.parallel_tool_calls,
    };
  }

  /** Whether the conversation (an earlier response's, then this input) shows the model an image. */
  hasImages(earlier: readonly InputItem[] = []): boolean {
    const items = typeof this.input === 'string' ? earlier : [...earlier, ...this.input];
    return items.some(
      (item) =>
        (item.type === undefined || item.type === 'message') &&
        Array.isArray(item.content) &&
        item.content.some((part) => part.type === 'input_image'),
    );
  }
}

const ITEM_ID_PREFIX = {
  message: 'msg',
  function_call: 'fc',
  function_call_output: 'fco',
  reasoning: 'rs',
} as const;

function chatPart(part: InputPart): ContentPart {
  return part.type === 'input_image'
    ? { type: 'image_url', image_url: { url: part.image_url } }
    : { type: 'text', text: part.text };
}

/** A call's result as text (its text parts joined, when it came as parts). */
function textOf(output: string | InputPart[]): string {
  return typeof output === 'string'
    ? output
    : output.map((part) => (part.type === 'input_image' ? '' : part.text)).join('');
}
