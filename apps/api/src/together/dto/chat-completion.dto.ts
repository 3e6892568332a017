import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsArray,
  IsBoolean,
  IsIn,
  IsInt,
  IsNumber,
  IsOptional,
  IsString,
  Matches,
  Max,
  MaxLength,
  Min,
  ValidateNested,
} from 'class-validator';
import type { SamplingOptions } from '@tiergate/gateway';

export const MAX_MESSAGES = 500;
export const MAX_MESSAGE_CHARS = 400_000;
export const MAX_OUTPUT_TOKENS = 32_768;

export class ChatMessageDto {
  @ApiProperty({ enum: ['system', 'user', 'assistant'] })
  @IsIn(['system', 'user', 'assistant'], { message: 'role must be one of system, user, assistant' })
  role!: 'system' | 'user' | 'assistant';

  @ApiProperty({ maxLength: MAX_MESSAGE_CHARS })
  @IsString({ message: 'content must be a string' })
  @MaxLength(MAX_MESSAGE_CHARS, { message: `content must be at most ${MAX_MESSAGE_CHARS} characters` })
  content!: string;

  @ApiPropertyOptional({ maxLength: 64 })
  @IsOptional()
  @IsString()
  @MaxLength(64)
  name?: string;
}

/** Options shared by the seed's generation endpoints. */
export class GenerationOptionsDto {
  @ApiPropertyOptional({ minimum: 1, maximum: MAX_OUTPUT_TOKENS, example: 256 })
  @IsOptional()
  @IsInt({ message: 'max_tokens must be an integer' })
  @Min(1, { message: 'max_tokens must be at least 1' })
  @Max(MAX_OUTPUT_TOKENS, { message: `max_tokens must be at most ${MAX_OUTPUT_TOKENS}` })
  max_tokens?: number;

  @ApiPropertyOptional({ minimum: 0, maximum: 2, example: 0.7 })
  @IsOptional()
  @IsNumber({ allowNaN: false, allowInfinity: false }, { message: 'temperature must be a number' })
  @Min(0, { message: 'temperature must be between 0 and 2' })
  @Max(2, { message: 'temperature must be between 0 and 2' })
  temperature?: number;

  @ApiPropertyOptional({ minimum: 0, maximum: 1 })
  @IsOptional()
  @IsNumber({ allowNaN: false, allowInfinity: false }, { message: 'top_p must be a number' })
  @Min(0, { message: 'top_p must be between 0 and 1' })
  @Max(1, { message: 'top_p must be between 0 and 1' })
  top_p?: number;

  @ApiPropertyOptional({ type: [String], maxItems: 4 })
  @IsOptional()
  @IsArray({ message: 'stop must be an array of strings' })
  @ArrayMaxSize(4, { message: 'stop accepts at most 4 sequences' })
  @IsString({ each: true, message: 'stop must be an array of strings' })
  @MaxLength(64, { each: true })
  stop?: string[];

  @ApiPropertyOptional()
  @IsOptional()
  @IsInt({ message: 'seed must be an integer' })
  seed?: number;

  @ApiPropertyOptional({
    description: 'What the answer is for; selects the model with the tier',
    example: 'general',
  })
  @IsOptional()
  @Matches(/^[a-z][a-z_]{0,31}$/, {
    message: 'purpose must be a lowercase word such as general, creative, coding',
  })
  purpose?: string;

  @ApiPropertyOptional({ description: 'Stream the answer as server-sent events' })
  @IsOptional()
  @IsBoolean({ message: 'stream must be true or false' })
  stream?: boolean;

  @ApiPropertyOptional({ description: 'A specific model; by default the platform chooses for your tier' })
  @IsOptional()
  @IsString({ message: 'model must be a string' })
  @Matches(/^[\w.\-/:]{1,200}$/, {
    message: 'model must be a model id such as meta-llama/Meta-Llama-3.1-8B-Instruct-Turbo',
  })
  model?: string;

  /** The sampling options in the gateway's words. */
  sampling(): SamplingOptions {
    return {
      maxTokens: this.max_tokens,
      temperature: this.temperature,
      topP: this.top_p,
      stop: this.stop,
      seed: this.seed,
    };
  }
}

export class ChatCompletionDto extends GenerationOptionsDto {
  @ApiProperty({ type: [ChatMessageDto] })
  @IsArray({ message: 'messages must be an array' })
  @ArrayMinSize(1, { message: 'messages must contain at least one message' })
  @ArrayMaxSize(MAX_MESSAGES, { message: `messages must contain at most ${MAX_MESSAGES} messages` })
  @ValidateNested({ each: true })
  @Type(() => ChatMessageDto)
  messages!: ChatMessageDto[];
}
