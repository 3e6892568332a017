import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsArray, IsBoolean, IsIn, IsOptional, IsString, MaxLength, ValidateNested } from 'class-validator';
import type { ChatMessage, ContentPart, ResponseFormat, Sampling } from '@tiergate/provider';
import {
  CheckedBy,
  isImageUrl,
  isPlainObject,
  responseFormatProblem,
  unknownKey,
} from '../../http/validators';
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

/** The first thing wrong with `input`: a string, or the conversation's messages. */
function inputProblem(value: unknown): string | undefined {
  if (typeof value === 'string')
    return value.length > MAX_MESSAGE_CHARS
      ? `input must be at most ${MAX_MESSAGE_CHARS} characters`
      : undefined;
  if (!Array.isArray(value) || value.length === 0 || value.length > MAX_MESSAGES)
    return `input must be a string or an array of 1 to ${MAX_MESSAGES} messages`;
  for (const [i, item] of value.entries()) {
    const at = `input[${i}]`;
    if (!isPlainObject(item)) return `${at} must be a message {"role", "content"}`;
    if (item.type !== undefined && item.type !== 'message')
      return typeof item.type === 'string'
        ? `${at}.type ${item.type.slice(0, 64)} is not offered here (messages only; tools are on /v1/chat/completions)`
        : `${at}.type must be message`;
    const extra = unknownKey(item, ['type', 'role', 'content', 'id', 'status']);
    if (extra) return `${at}: ${extra} is not a recognised field`;
    if (!INPUT_ROLES.includes(item.role as string))
      return `${at}.role must be one of ${INPUT_ROLES.join(', ')}`;
    const problem = contentProblem(item.content, `${at}.content`);
    if (problem) return problem;
  }
  return undefined;
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
 * OpenAI's Responses API (`POST /v1/responses`) for conversations of text and images, answered by
 * the same pipeline as chat. Responses are not stored: each request sends the whole conversation.
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
  input!: string | InputMessage[];

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

  @ApiPropertyOptional({ description: 'Not offered here: tools are on /v1/chat/completions' })
  @IsOptional()
  @IsArray({ message: 'tools must be an array' })
  @CheckedBy('noTools', (value) =>
    Array.isArray(value) && value.length > 0
      ? 'tools are not offered on /v1/responses; use /v1/chat/completions for tools'
      : undefined,
  )
  tools?: unknown[];

  @ApiPropertyOptional({ description: 'Not offered: responses are not stored' })
  @IsOptional()
  @CheckedBy(
    'notStored',
    () => 'previous_response_id: responses are not stored here; send the whole conversation as input',
  )
  previous_response_id?: string;

  // OpenAI's service fields, accepted and not forwarded (as on chat).
  @IsOptional()
  @IsBoolean({ message: 'store must be true or false' })
  store?: boolean;

  @IsOptional()
  @CheckedBy('isMetadata', (value) =>
    isPlainObject(value) &&
    Object.keys(value).length <= 16 &&
    Object.values(value).every((v) => typeof v === 'string')
      ? undefined
      : 'metadata must be an object of at most 16 strings',
  )
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

  /** The instructions as a system message, then the input as chat messages. */
  chatMessages(): ChatMessage[] {
    const input: InputMessage[] =
      typeof this.input === 'string' ? [{ role: 'user', content: this.input }] : this.input;
    return [
      ...(this.instructions ? [{ role: 'system' as const, content: this.instructions }] : []),
      ...input.map(({ role, content }) => ({
        role: role === 'developer' ? ('system' as const) : role,
        content: typeof content === 'string' ? content : content.map(chatPart),
      })),
    ];
  }

  hasImages(): boolean {
    return (
      Array.isArray(this.input) &&
      this.input.some((m) => Array.isArray(m.content) && m.content.some((p) => p.type === 'input_image'))
    );
  }
}

function chatPart(part: InputPart): ContentPart {
  return part.type === 'input_image'
    ? { type: 'image_url', image_url: { url: part.image_url } }
    : { type: 'text', text: part.text };
}
