import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsArray,
  IsBoolean,
  IsIn,
  IsOptional,
  IsString,
  MaxLength,
  ValidateNested,
} from 'class-validator';
import type { Sampling } from '@tiergate/gateway';
import {
  BoundedNumberField,
  MaxTokensField,
  ModelField,
  PurposeField,
  SeedField,
  ProviderField,
} from '../../http/dto-fields';
import { IsArrayOfObjects } from '../../http/validators';
import { DecodingOptionsDto } from '../../http/decoding-options.dto';

export const MAX_MESSAGES = 500;
export const MAX_MESSAGE_CHARS = 400_000;

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

/** Options shared by the Together surface's generation endpoints. */
export class GenerationOptionsDto extends DecodingOptionsDto {
  @MaxTokensField()
  max_tokens?: number;

  @BoundedNumberField('temperature', 0, 2)
  temperature?: number;

  @BoundedNumberField('top_p', 0, 1)
  top_p?: number;

  @ApiPropertyOptional({ type: [String], maxItems: 4 })
  @IsOptional()
  @IsArray({ message: 'stop must be an array of strings' })
  @ArrayMaxSize(4, { message: 'stop accepts at most 4 sequences' })
  @IsString({ each: true, message: 'stop must be an array of strings' })
  @MaxLength(64, { each: true })
  stop?: string[];

  @SeedField()
  seed?: number;

  @PurposeField('general, creative, coding', 'general')
  purpose?: string;

  @ApiPropertyOptional({ description: 'Stream the answer as server-sent events' })
  @IsOptional()
  @IsBoolean({ message: 'stream must be true or false' })
  stream?: boolean;

  @ApiPropertyOptional({
    description:
      'Accept an earlier answer to the same request (with temperature 0 only); marked cached, at no cost. Same as `Cache-Control: max-stale`',
  })
  @IsOptional()
  @IsBoolean({ message: 'cache must be true or false' })
  cache?: boolean;

  @ModelField(
    'meta-llama/Meta-Llama-3.1-8B-Instruct-Turbo',
    'A specific model; by default the platform chooses for your tier',
  )
  model?: string;

  @ProviderField()
  provider?: string;

  /** The sampling options in the gateway's words. */
  sampling(): Sampling {
    return {
      maxTokens: this.max_tokens,
      temperature: this.temperature,
      topP: this.top_p,
      ...this.decoding(),
      stop: this.stop,
      seed: this.seed,
    };
  }

  /** Whether the caller accepts a cached answer (the body flag, or the request's Cache-Control). */
  prefersCached(call: { preferCached: boolean }): boolean {
    return call.preferCached || this.cache === true;
  }
}

export class ChatCompletionDto extends GenerationOptionsDto {
  @ApiProperty({ type: [ChatMessageDto] })
  @IsArray({ message: 'messages must be an array' })
  @ArrayMinSize(1, { message: 'messages must contain at least one message' })
  @ArrayMaxSize(MAX_MESSAGES, { message: `messages must contain at most ${MAX_MESSAGES} messages` })
  @IsArrayOfObjects('messages')
  @ValidateNested({ each: true })
  @Type(() => ChatMessageDto)
  messages!: ChatMessageDto[];
}
