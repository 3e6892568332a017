import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  IsIn,
  IsInt,
  IsNumber,
  IsOptional,
  IsString,
  Matches,
  Max,
  MaxLength,
  Min,
  MinLength,
  Validate,
  ValidationArguments,
  ValidatorConstraint,
  ValidatorConstraintInterface,
} from 'class-validator';
import { isImageUrl } from '../../http/validators';
import { MAX_OUTPUT_TOKENS } from './chat-completion.dto';

export const MAX_PROMPT_CHARS = 4_000;
const MODEL_ID = /^[\w.\-/:]{1,200}$/;
const PURPOSE = /^[a-z][a-z_]{0,31}$/;
/** An image as a data URL may be as large as the upload cap allows; the body limit bounds it. */
export const MAX_IMAGE_URL_CHARS = 16 * 1024 * 1024;

@ValidatorConstraint({ name: 'multipleOfEight' })
class MultipleOfEight implements ValidatorConstraintInterface {
  validate(value: unknown): boolean {
    return typeof value === 'number' && value % 8 === 0;
  }
  defaultMessage(args?: ValidationArguments): string {
    return `${args?.property ?? 'value'} must be a multiple of 8`;
  }
}

@ValidatorConstraint({ name: 'imageUrl' })
class ImageUrl implements ValidatorConstraintInterface {
  validate(value: unknown): boolean {
    return isImageUrl(value, MAX_IMAGE_URL_CHARS);
  }
  defaultMessage(): string {
    return 'image_url must be an http(s) URL or a data:image/(png|jpeg|webp|gif);base64 URL';
  }
}

export class ImageGenerationDto {
  @ApiProperty({ example: 'A beautiful sunset over mountains', maxLength: MAX_PROMPT_CHARS })
  @IsString({ message: 'prompt must be a string' })
  @MinLength(1, { message: 'prompt must not be empty' })
  @MaxLength(MAX_PROMPT_CHARS, { message: `prompt must be at most ${MAX_PROMPT_CHARS} characters` })
  prompt!: string;

  @ApiPropertyOptional({ example: 'blurry, distorted' })
  @IsOptional()
  @IsString({ message: 'negative_prompt must be a string' })
  @MaxLength(MAX_PROMPT_CHARS, { message: `negative_prompt must be at most ${MAX_PROMPT_CHARS} characters` })
  negative_prompt?: string;

  @ApiPropertyOptional({ example: 1024, minimum: 256, maximum: 1920, description: 'A multiple of 8' })
  @IsOptional()
  @IsInt({ message: 'width must be an integer' })
  @Min(256, { message: 'width must be between 256 and 1920' })
  @Max(1920, { message: 'width must be between 256 and 1920' })
  @Validate(MultipleOfEight)
  width?: number;

  @ApiPropertyOptional({ example: 1024, minimum: 256, maximum: 1920, description: 'A multiple of 8' })
  @IsOptional()
  @IsInt({ message: 'height must be an integer' })
  @Min(256, { message: 'height must be between 256 and 1920' })
  @Max(1920, { message: 'height must be between 256 and 1920' })
  @Validate(MultipleOfEight)
  height?: number;

  @ApiPropertyOptional({ example: 4, minimum: 1, maximum: 100 })
  @IsOptional()
  @IsInt({ message: 'num_inference_steps must be an integer' })
  @Min(1, { message: 'num_inference_steps must be between 1 and 100' })
  @Max(100, { message: 'num_inference_steps must be between 1 and 100' })
  num_inference_steps?: number;

  @ApiPropertyOptional({ example: 1, minimum: 1, maximum: 4 })
  @IsOptional()
  @IsInt({ message: 'n must be an integer' })
  @Min(1, { message: 'n must be between 1 and 4' })
  @Max(4, { message: 'n must be between 1 and 4' })
  n?: number;

  @ApiPropertyOptional()
  @IsOptional()
  @IsInt({ message: 'seed must be an integer' })
  seed?: number;

  @ApiPropertyOptional({ enum: ['url', 'base64'], description: 'url (default) or base64 (adds b64_json)' })
  @IsOptional()
  @IsIn(['url', 'base64'], { message: 'response_format must be url or base64' })
  response_format?: 'url' | 'base64';

  @ApiPropertyOptional({ example: 'creative' })
  @IsOptional()
  @Matches(PURPOSE, { message: 'purpose must be a lowercase word such as general, creative, coding' })
  purpose?: string;

  @ApiPropertyOptional()
  @IsOptional()
  @Matches(MODEL_ID, { message: 'model must be a model id such as black-forest-labs/FLUX.1-schnell' })
  model?: string;
}

/** JSON body of an image analysis (a multipart upload carries the same fields as text). */
export class ImageAnalysisDto {
  @ApiPropertyOptional({ example: 'https://example.com/image.jpg' })
  @IsOptional()
  @Validate(ImageUrl)
  image_url?: string;

  @ApiProperty({ example: 'Describe what you see in this image', maxLength: MAX_PROMPT_CHARS })
  @IsString({ message: 'prompt must be a string' })
  @MinLength(1, { message: 'prompt must not be empty' })
  @MaxLength(MAX_PROMPT_CHARS, { message: `prompt must be at most ${MAX_PROMPT_CHARS} characters` })
  prompt!: string;

  @ApiPropertyOptional({ minimum: 1, maximum: MAX_OUTPUT_TOKENS })
  @IsOptional()
  @IsInt({ message: 'max_tokens must be an integer' })
  @Min(1, { message: 'max_tokens must be at least 1' })
  @Max(MAX_OUTPUT_TOKENS, { message: `max_tokens must be at most ${MAX_OUTPUT_TOKENS}` })
  max_tokens?: number;

  @ApiPropertyOptional({ minimum: 0, maximum: 2 })
  @IsOptional()
  @IsNumber({ allowNaN: false, allowInfinity: false }, { message: 'temperature must be a number' })
  @Min(0, { message: 'temperature must be between 0 and 2' })
  @Max(2, { message: 'temperature must be between 0 and 2' })
  temperature?: number;

  @ApiPropertyOptional({ example: 'analysis' })
  @IsOptional()
  @Matches(PURPOSE, { message: 'purpose must be a lowercase word such as general, creative, coding' })
  purpose?: string;

  @ApiPropertyOptional()
  @IsOptional()
  @Matches(MODEL_ID, { message: 'model must be a model id such as Qwen/Qwen3.5-9B' })
  model?: string;
}
