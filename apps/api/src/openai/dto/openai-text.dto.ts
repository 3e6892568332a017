import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsArray,
  IsBoolean,
  IsIn,
  IsInt,
  IsOptional,
  IsString,
  Matches,
  Max,
  MaxLength,
  Min,
  MinLength,
  ValidateIf,
  ValidateNested,
} from 'class-validator';
import type { ChatMessage, ToolCall, ToolChoice, ToolDefinition, ToolOptions } from '@tiergate/provider';
import type { Sampling } from '@tiergate/gateway';
import {
  CheckedBy,
  IsArrayOfObjects,
  IsMessageContent,
  IsStringOrStringArray,
  metadataProblem,
} from '../../http/validators';
import {
  functionCallProblem,
  functionsProblem,
  MAX_TOOLS,
  messageFunctionCallProblem,
  toolCallIdProblem,
  toolCallsProblem,
  toolChoiceProblem,
  toolsProblem,
} from '../../http/tool-validators';
import { MAX_MESSAGE_CHARS, MAX_MESSAGES } from '../../together/dto/chat-completion.dto';
import { MAX_IMAGE_URL_CHARS } from '../../together/dto/image.dto';
import {
  BoundedNumberField,
  MaxTokensField,
  ModelField,
  PurposeField,
  SeedField,
  ProviderField,
} from '../../http/dto-fields';
import { DecodingOptionsDto } from '../../http/decoding-options.dto';

class StreamOptionsDto {
  @IsOptional()
  @IsBoolean({ message: 'stream_options.include_usage must be true or false' })
  include_usage?: boolean;
}

/** Together's bound on `n`, the answers generated for one request. */
const MAX_CHOICES = 128;

/** What OpenAI's chat and completions requests share. */
class OpenAiSamplingDto extends DecodingOptionsDto {
  @ModelField('meta-llama/Meta-Llama-3.1-8B-Instruct-Turbo')
  model?: string;

  @ProviderField()
  provider?: string;

  @MaxTokensField()
  max_tokens?: number;

  @MaxTokensField('max_completion_tokens')
  max_completion_tokens?: number;

  @BoundedNumberField('temperature', 0, 2)
  temperature?: number;

  @BoundedNumberField('top_p', 0, 1)
  top_p?: number;

  @ApiPropertyOptional({ oneOf: [{ type: 'string' }, { type: 'array', items: { type: 'string' } }] })
  @IsOptional()
  @IsStringOrStringArray(4, 64)
  stop?: string | string[];

  @SeedField()
  seed?: number;

  @ApiPropertyOptional({
    minimum: 1,
    maximum: MAX_CHOICES,
    description: 'How many answers (choices) to generate; 1 for a stream',
  })
  @IsOptional()
  @IsInt({ message: 'n must be an integer' })
  @Min(1, { message: `n must be between 1 and ${MAX_CHOICES}` })
  @Max(MAX_CHOICES, { message: `n must be between 1 and ${MAX_CHOICES}` })
  @CheckedBy('oneChoiceStreamed', (value, body) =>
    body.stream === true && value !== 1 ? 'n must be 1 for a stream (one choice per stream)' : undefined,
  )
  n?: number;

  @ApiPropertyOptional()
  @IsOptional()
  @IsBoolean({ message: 'stream must be true or false' })
  stream?: boolean;

  @ApiPropertyOptional({
    description:
      "include_usage: end the stream with OpenAI's usage chunk (choices: []); the finish chunk carries the usage either way",
  })
  @IsOptional()
  @ValidateNested()
  @Type(() => StreamOptionsDto)
  stream_options?: StreamOptionsDto;

  @ApiPropertyOptional({ description: 'Accepted for compatibility; not forwarded' })
  @IsOptional()
  @IsString({ message: 'user must be a string' })
  @MaxLength(256)
  user?: string;

  // What OpenAI's own service does with these (stored completions, billing tiers, its prompt
  // cache, abuse tracking) has no counterpart here: accepted, checked, and not forwarded.
  @ApiPropertyOptional({ description: 'Accepted for compatibility; not forwarded' })
  @IsOptional()
  @IsBoolean({ message: 'store must be true or false' })
  store?: boolean;

  @ApiPropertyOptional({
    description: 'Accepted for compatibility (at most 16 string values); not forwarded',
  })
  @IsOptional()
  @CheckedBy('isMetadata', (value) => metadataProblem(value))
  metadata?: Record<string, string>;

  @ApiPropertyOptional({ description: 'Accepted for compatibility; not forwarded' })
  @IsOptional()
  @IsString({ message: 'service_tier must be a string' })
  @MaxLength(64, { message: 'service_tier must be at most 64 characters' })
  service_tier?: string;

  @ApiPropertyOptional({ description: 'Accepted for compatibility; not forwarded' })
  @IsOptional()
  @IsString({ message: 'prompt_cache_key must be a string' })
  @MaxLength(256, { message: 'prompt_cache_key must be at most 256 characters' })
  prompt_cache_key?: string;

  @ApiPropertyOptional({ description: 'Accepted for compatibility; not forwarded' })
  @IsOptional()
  @IsString({ message: 'safety_identifier must be a string' })
  @MaxLength(256, { message: 'safety_identifier must be at most 256 characters' })
  safety_identifier?: string;

  @PurposeField('general, creative, coding')
  purpose?: string;

  /** Whether a stream ends with OpenAI's separate usage chunk. */
  includesUsage(): boolean {
    return this.stream_options?.include_usage === true;
  }

  sampling(): Sampling {
    return {
      maxTokens: this.max_completion_tokens ?? this.max_tokens,
      temperature: this.temperature,
      topP: this.top_p,
      ...this.decoding(),
      stop: typeof this.stop === 'string' ? [this.stop] : this.stop,
      seed: this.seed,
      choices: this.n !== undefined && this.n > 1 ? this.n : undefined,
    };
  }
}

/** OpenAI's bound on `top_logprobs`; Together's on `logprobs`. */
const MAX_TOP_LOGPROBS = 20;
/** OpenAI's bound on a legacy completion's `logprobs`. */
const MAX_COMPLETION_LOGPROBS = 5;

/** `function` is the older `tool` (a function's result, named by `name`). */
const MESSAGE_ROLES = ['system', 'developer', 'user', 'assistant', 'tool', 'function'] as const;

/** OpenAI's deprecated function calling, the older form of tools. */
interface FunctionDefinition {
  name: string;
  description?: string;
  parameters?: Record<string, unknown>;
  strict?: boolean;
}
type FunctionCallChoice = 'auto' | 'none' | { name: string };

class OpenAiMessageDto {
  @ApiProperty({ enum: MESSAGE_ROLES })
  @IsIn(MESSAGE_ROLES, { message: `role must be one of ${MESSAGE_ROLES.join(', ')}` })
  role!: (typeof MESSAGE_ROLES)[number];

  /** Optional (null) only on an assistant turn that made tool calls. */
  @ApiProperty({
    description: 'A string, or text and image_url parts; null on an assistant turn of tool calls',
  })
  @ValidateIf(
    (m: OpenAiMessageDto) =>
      !((m.tool_calls !== undefined || m.function_call !== undefined) && m.content == null),
  )
  @IsMessageContent(MAX_MESSAGE_CHARS, MAX_IMAGE_URL_CHARS)
  content!: ChatMessage['content'] | null;

  /** Who speaks (optional); on a `function` message, the function whose result it is (required). */
  @ValidateIf((m: OpenAiMessageDto) => m.role === 'function' || m.name !== undefined)
  @IsString({ message: 'name must be a string' })
  @Matches(/^[A-Za-z0-9_-]{1,64}$/, { message: 'name must be 1-64 letters, digits, underscores or dashes' })
  name?: string;

  @ApiPropertyOptional({
    description: "Deprecated by OpenAI for tool_calls: an assistant turn's function call",
  })
  @ValidateIf((m: OpenAiMessageDto) => m.function_call !== undefined)
  @CheckedBy('isFunctionCall', (value, message) => messageFunctionCallProblem(value, message.role))
  function_call?: { name: string; arguments: string };

  @ApiPropertyOptional({ description: "An assistant turn's tool calls, sent back with the conversation" })
  @ValidateIf((m: OpenAiMessageDto) => m.tool_calls !== undefined)
  @CheckedBy('isToolCalls', (value, message) => toolCallsProblem(value, message.role))
  tool_calls?: ToolCall[];

  /**
   * What an assistant turn carried back from an earlier answer (a reasoning model's thinking, a
   * refusal): accepted, so that clients can send answers back as they got them, and not sent on.
   */
  @ApiPropertyOptional({ description: 'Accepted on assistant turns; not sent to the model' })
  @IsOptional()
  @IsString({ message: 'reasoning_content must be a string' })
  reasoning_content?: string | null;

  @ApiPropertyOptional({ description: 'Accepted on assistant turns; not sent to the model' })
  @IsOptional()
  @IsString({ message: 'reasoning must be a string' })
  reasoning?: string | null;

  @ApiPropertyOptional({ description: 'Accepted on assistant turns; not sent to the model' })
  @IsOptional()
  @IsString({ message: 'refusal must be a string' })
  refusal?: string | null;

  @ApiPropertyOptional({ description: 'A tool message: the id of the call it answers' })
  @ValidateIf((m: OpenAiMessageDto) => m.role === 'tool' || m.tool_call_id !== undefined)
  @CheckedBy('isToolCallId', (value, message) => toolCallIdProblem(value, message.role))
  tool_call_id?: string;
}

/** The id given to the tool call an older `function_call` (in message `index`) becomes. */
const legacyCallId = (index: number) => `call_function_${index}`;

export class OpenAiChatDto extends OpenAiSamplingDto {
  @ApiProperty({ type: [OpenAiMessageDto] })
  @IsArray({ message: 'messages must be an array' })
  @ArrayMinSize(1, { message: 'messages must contain at least one message' })
  @ArrayMaxSize(MAX_MESSAGES, { message: `messages must contain at most ${MAX_MESSAGES} messages` })
  @IsArrayOfObjects('messages')
  @ValidateNested({ each: true })
  @Type(() => OpenAiMessageDto)
  messages!: OpenAiMessageDto[];

  @ApiPropertyOptional({ description: `Functions the model may call (at most ${MAX_TOOLS})` })
  @IsOptional()
  @CheckedBy('isTools', (value) => toolsProblem(value))
  tools?: ToolDefinition[];

  @ApiPropertyOptional({ description: 'auto, none, required, or {"type": "function", "function": {"name"}}' })
  @IsOptional()
  @CheckedBy('isToolChoice', (value, body) => toolChoiceProblem(value, body.tools))
  tool_choice?: ToolChoice;

  @ApiPropertyOptional()
  @IsOptional()
  @IsBoolean({ message: 'parallel_tool_calls must be true or false' })
  parallel_tool_calls?: boolean;

  @ApiPropertyOptional({
    description: `Deprecated by OpenAI for tools: functions the model may call (at most ${MAX_TOOLS}); answered with function_call`,
  })
  @IsOptional()
  @CheckedBy('isFunctions', (value, body) => functionsProblem(value, body.tools))
  functions?: FunctionDefinition[];

  @ApiPropertyOptional({ description: 'Deprecated by OpenAI for tool_choice: auto, none, or {"name"}' })
  @IsOptional()
  @CheckedBy('isFunctionChoice', (value, body) => functionCallProblem(value, body.functions))
  function_call?: FunctionCallChoice;

  @ApiPropertyOptional({
    description:
      "Return each token's log probability (a stream's chunks carry their own, without alternatives)",
  })
  @IsOptional()
  @IsBoolean({ message: 'logprobs must be true or false' })
  logprobs?: boolean;

  @ApiPropertyOptional({ minimum: 0, maximum: MAX_TOP_LOGPROBS })
  @IsOptional()
  @CheckedBy('needsLogprobs', (_value, body) =>
    body.logprobs === true ? undefined : 'top_logprobs needs logprobs: true',
  )
  @IsInt({ message: 'top_logprobs must be an integer' })
  @Min(0, { message: `top_logprobs must be between 0 and ${MAX_TOP_LOGPROBS}` })
  @Max(MAX_TOP_LOGPROBS, { message: `top_logprobs must be between 0 and ${MAX_TOP_LOGPROBS}` })
  top_logprobs?: number;

  override sampling(): Sampling {
    return { ...super.sampling(), logprobs: this.logprobs ? (this.top_logprobs ?? 0) : undefined };
  }

  /**
   * OpenAI's `developer` role is a system message to every other model. The older function
   * calling becomes tool calling: an assistant's `function_call` a tool call, and the `function`
   * message after it that call's result.
   */
  chatMessages(): ChatMessage[] {
    let lastCallId: string | undefined;
    return this.messages.map((m, i) => {
      if (m.function_call) lastCallId = legacyCallId(i);
      const toolCalls: ToolCall[] | undefined =
        m.tool_calls ??
        (m.function_call && [{ id: lastCallId!, type: 'function', function: m.function_call }]);
      const toolCallId = m.role === 'function' ? (lastCallId ?? legacyCallId(i)) : m.tool_call_id;
      return {
        role: m.role === 'developer' ? 'system' : m.role === 'function' ? 'tool' : m.role,
        content: m.content ?? '',
        ...(m.name ? { name: m.name } : {}),
        ...(toolCalls && { toolCalls }),
        ...(toolCallId !== undefined && { toolCallId }),
      };
    });
  }

  /** The caller's tools (or functions, one call at a time), if any. */
  toolOptions(): ToolOptions | undefined {
    if (this.functions) {
      const choice = this.function_call;
      return {
        definitions: this.functions.map((fn) => ({ type: 'function', function: fn })),
        choice: typeof choice === 'object' ? { type: 'function', function: { name: choice.name } } : choice,
        parallel: false,
      };
    }
    if (!this.tools) return undefined;
    return { definitions: this.tools, choice: this.tool_choice, parallel: this.parallel_tool_calls };
  }

  /** Whether the answer speaks the older function calling (`function_call`, not `tool_calls`). */
  usesFunctions(): boolean {
    return this.functions !== undefined;
  }

  hasImages(): boolean {
    return this.messages.some(
      (m) => Array.isArray(m.content) && m.content.some((p) => p.type === 'image_url'),
    );
  }
}

export class OpenAiCompletionDto extends OpenAiSamplingDto {
  @ApiProperty()
  @IsString({ message: 'prompt must be a string' })
  @MinLength(1, { message: 'prompt must not be empty' })
  @MaxLength(MAX_MESSAGE_CHARS, { message: `prompt must be at most ${MAX_MESSAGE_CHARS} characters` })
  prompt!: string;

  @ApiPropertyOptional({
    minimum: 0,
    maximum: MAX_COMPLETION_LOGPROBS,
    description:
      "Each token's log probability, with this many alternatives (a stream's chunks carry their own, without alternatives)",
  })
  @IsOptional()
  @IsInt({ message: 'logprobs must be an integer' })
  @Min(0, { message: `logprobs must be between 0 and ${MAX_COMPLETION_LOGPROBS}` })
  @Max(MAX_COMPLETION_LOGPROBS, { message: `logprobs must be between 0 and ${MAX_COMPLETION_LOGPROBS}` })
  logprobs?: number;

  @ApiPropertyOptional({
    description:
      "Put the prompt before the answer's text; with logprobs, its tokens' log probabilities come first too",
  })
  @IsOptional()
  @IsBoolean({ message: 'echo must be true or false' })
  echo?: boolean;

  override sampling(): Sampling {
    // The prompt is known here: the upstream is asked to echo it only for its tokens' logprobs.
    const echoLogprobs = this.echo === true && this.logprobs !== undefined;
    return { ...super.sampling(), logprobs: this.logprobs, ...(echoLogprobs && { echo: true }) };
  }

  /** The prompt to put before the answer, with `echo`. */
  echoed(): string | undefined {
    return this.echo ? this.prompt : undefined;
  }
}
