import { applyDecorators } from '@nestjs/common';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsBoolean, IsIn, IsInt, IsOptional, Max, Min, ValidateNested } from 'class-validator';
import type { JsonObject, ResponseFormat, Sampling } from '@tiergate/provider';
import { BoundedNumberField } from './dto-fields';
import { IsLogitBias, IsResponseFormat, MAX_LOGIT_BIAS_ENTRIES, RESPONSE_FORMAT_TYPES } from './validators';

const REASONING_EFFORTS = ['low', 'medium', 'high'] as const;

const TopKField = () =>
  applyDecorators(
    ApiPropertyOptional({ minimum: 1, maximum: 100_000, description: "Together's extension" }),
    IsOptional(),
    IsInt({ message: 'top_k must be an integer' }),
    Min(1, { message: 'top_k must be between 1 and 100000' }),
    Max(100_000, { message: 'top_k must be between 1 and 100000' }),
  );

/** The request as it asks for a `response_format`, before it is put in one form (below). */
type ResponseFormatBody =
  | { type: 'text' }
  | { type: 'json_object'; schema?: JsonObject }
  | {
      type: 'json_schema';
      json_schema?: Extract<ResponseFormat, { type: 'json_schema' }>['json_schema'];
      schema?: JsonObject;
    }
  | { type: 'regex'; pattern: string };

/**
 * The legacy forms with `schema` beside `type` (Together accepts them) become OpenAI's
 * `json_schema` form, so the upstream and the answer cache see one shape for one request.
 */
function responseFormatOf(body: ResponseFormatBody): ResponseFormat {
  if (body.type === 'json_schema' && body.json_schema)
    return { type: 'json_schema', json_schema: body.json_schema };
  if ((body.type === 'json_schema' || body.type === 'json_object') && body.schema)
    return { type: 'json_schema', json_schema: { name: 'response', schema: body.schema } };
  if (body.type === 'regex') return { type: 'regex', pattern: body.pattern };
  return { type: body.type as 'text' | 'json_object' };
}

/** Together's switch for hybrid models' thinking: `{"enabled": false}` answers without it. */
export class ReasoningSwitchDto {
  @ApiProperty()
  @IsBoolean({ message: 'reasoning.enabled must be true or false' })
  enabled!: boolean;
}

/**
 * How the next token is chosen and what form the answer takes: the options OpenAI's and
 * Together's chat and completions share beyond temperature and top_p (both surfaces' DTOs extend
 * this). Each is passed on to the upstream as given; the bounds are Together's and OpenAI's.
 */
export class DecodingOptionsDto {
  @TopKField()
  top_k?: number;

  @BoundedNumberField('min_p', 0, 1)
  min_p?: number;

  @BoundedNumberField('presence_penalty', -2, 2)
  presence_penalty?: number;

  @BoundedNumberField('frequency_penalty', -2, 2)
  frequency_penalty?: number;

  @BoundedNumberField('repetition_penalty', 0, 10)
  repetition_penalty?: number;

  @ApiPropertyOptional({
    type: 'object',
    additionalProperties: { type: 'number', minimum: -100, maximum: 100 },
    description: `Token id → bias (at most ${MAX_LOGIT_BIAS_ENTRIES} entries)`,
  })
  @IsOptional()
  @IsLogitBias('logit_bias')
  logit_bias?: Record<string, number>;

  @ApiPropertyOptional({
    type: 'object',
    properties: { type: { type: 'string', enum: [...RESPONSE_FORMAT_TYPES] } },
    description:
      '{"type":"json_object"}, {"type":"json_schema","json_schema":{"name","schema","strict"}}, {"type":"regex","pattern"} or {"type":"text"}',
  })
  @IsOptional()
  @IsResponseFormat('response_format')
  response_format?: ResponseFormatBody;

  @ApiPropertyOptional({
    enum: REASONING_EFFORTS,
    description: 'For reasoning models that take it (GPT-OSS)',
  })
  @IsOptional()
  @IsIn(REASONING_EFFORTS, { message: `reasoning_effort must be one of ${REASONING_EFFORTS.join(', ')}` })
  reasoning_effort?: (typeof REASONING_EFFORTS)[number];

  @ApiPropertyOptional({
    type: ReasoningSwitchDto,
    description: 'Turns thinking on or off on hybrid models (e.g. DeepSeek V3.1, Qwen3): {"enabled": false}',
  })
  @IsOptional()
  @ValidateNested()
  @Type(() => ReasoningSwitchDto)
  reasoning?: ReasoningSwitchDto;

  /** These options in the gateway's words (absent ones stay absent). */
  protected decoding(): Sampling {
    return {
      topK: this.top_k,
      minP: this.min_p,
      presencePenalty: this.presence_penalty,
      frequencyPenalty: this.frequency_penalty,
      repetitionPenalty: this.repetition_penalty,
      logitBias: this.logit_bias,
      responseFormat: this.response_format && responseFormatOf(this.response_format),
      reasoningEffort: this.reasoning_effort,
      reasoningEnabled: this.reasoning?.enabled,
    };
  }
}
