import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  Equals,
  IsIn,
  IsInt,
  IsOptional,
  IsString,
  Matches,
  Max,
  MaxLength,
  Min,
  MinLength,
} from 'class-validator';
import { IsStringOrStringArray } from '../../http/validators';
import { MAX_PROMPT_CHARS } from '../../together/dto/image.dto';
import { MAX_SPEECH_CHARS } from '../../together/dto/audio.dto';
import { MODEL_ID, ModelField, PurposeField, SeedField, ProviderField } from '../../http/dto-fields';

// OpenAI's image, speech and embedding requests (transcriptions and translations are forms).

export class OpenAiImageDto {
  @ModelField('black-forest-labs/FLUX.1-schnell')
  model?: string;

  @ProviderField()
  provider?: string;

  @ApiProperty()
  @IsString({ message: 'prompt must be a string' })
  @MinLength(1, { message: 'prompt must not be empty' })
  @MaxLength(MAX_PROMPT_CHARS, { message: `prompt must be at most ${MAX_PROMPT_CHARS} characters` })
  prompt!: string;

  @ApiPropertyOptional({ minimum: 1, maximum: 4 })
  @IsOptional()
  @IsInt({ message: 'n must be an integer' })
  @Min(1, { message: 'n must be between 1 and 4' })
  @Max(4, { message: 'n must be between 1 and 4' })
  n?: number;

  @ApiPropertyOptional({
    example: '1024x1024',
    description: 'WIDTHxHEIGHT, each a multiple of 8 in 256-1920',
  })
  @IsOptional()
  @Matches(/^(2[5-9]\d|1?\d{3})x(2[5-9]\d|1?\d{3})$/, { message: 'size must look like 1024x1024' })
  size?: string;

  @ApiPropertyOptional({ enum: ['url', 'b64_json', 'base64'] })
  @IsOptional()
  @IsIn(['url', 'b64_json', 'base64'], { message: 'response_format must be url or b64_json' })
  response_format?: 'url' | 'b64_json' | 'base64';

  @ApiPropertyOptional({ description: 'Together: inference steps' })
  @IsOptional()
  @IsInt({ message: 'steps must be an integer' })
  @Min(1, { message: 'steps must be between 1 and 100' })
  @Max(100, { message: 'steps must be between 1 and 100' })
  steps?: number;

  @SeedField()
  seed?: number;

  @IsOptional()
  @IsString({ message: 'negative_prompt must be a string' })
  @MaxLength(MAX_PROMPT_CHARS)
  negative_prompt?: string;

  @IsOptional()
  @IsInt({ message: 'width must be an integer' })
  @Min(256, { message: 'width must be between 256 and 1920' })
  @Max(1920, { message: 'width must be between 256 and 1920' })
  width?: number;

  @IsOptional()
  @IsInt({ message: 'height must be an integer' })
  @Min(256, { message: 'height must be between 256 and 1920' })
  @Max(1920, { message: 'height must be between 256 and 1920' })
  height?: number;

  @IsOptional()
  @IsString()
  @MaxLength(256)
  user?: string;

  @PurposeField('general, creative')
  purpose?: string;
}

export class OpenAiSpeechDto {
  @ApiProperty({ example: 'hexgrad/Kokoro-82M' })
  @Matches(MODEL_ID, { message: 'model must be a model id such as hexgrad/Kokoro-82M' })
  model!: string;

  @ApiProperty({ maxLength: MAX_SPEECH_CHARS })
  @IsString({ message: 'input must be a string' })
  @MinLength(1, { message: 'input must not be empty' })
  @MaxLength(MAX_SPEECH_CHARS, { message: `input must be at most ${MAX_SPEECH_CHARS} characters` })
  input!: string;

  @ApiProperty({ example: 'af_alloy' })
  @Matches(/^[\w ()+.,-]{1,64}$/, { message: 'voice must be a voice name such as af_alloy' })
  voice!: string;

  @ApiPropertyOptional({ enum: ['mp3', 'wav', 'pcm'], default: 'mp3' })
  @IsOptional()
  @IsIn(['mp3', 'wav', 'pcm'], {
    message: 'response_format must be mp3, wav or pcm (opus, aac and flac are not offered)',
  })
  response_format?: 'mp3' | 'wav' | 'pcm';

  @ApiPropertyOptional({ description: 'Only 1.0 is supported' })
  @IsOptional()
  @Equals(1, { message: 'speed must be 1 (other speeds are not offered)' })
  speed?: number;

  @PurposeField('general, tts')
  purpose?: string;

  @ProviderField()
  provider?: string;
}

export const MAX_EMBEDDING_INPUTS = 256;

export class OpenAiEmbeddingDto {
  @ModelField('intfloat/multilingual-e5-large-instruct')
  model?: string;

  @ProviderField()
  provider?: string;

  @ApiProperty({ oneOf: [{ type: 'string' }, { type: 'array', items: { type: 'string' } }] })
  @IsStringOrStringArray(MAX_EMBEDDING_INPUTS, 32_768, {
    message: `input must be a string or an array of at most ${MAX_EMBEDDING_INPUTS} strings (token arrays are not accepted)`,
  })
  input!: string | string[];

  @ApiPropertyOptional({ enum: ['float', 'base64'] })
  @IsOptional()
  @IsIn(['float', 'base64'], { message: 'encoding_format must be float or base64' })
  encoding_format?: 'float' | 'base64';

  @IsOptional()
  @IsString()
  @MaxLength(256)
  user?: string;

  @PurposeField('general, retrieval')
  purpose?: string;
}
