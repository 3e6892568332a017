import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  IsIn,
  IsInt,
  IsOptional,
  IsString,
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
import {
  BoundedNumberField,
  MaxTokensField,
  ModelField,
  PurposeField,
  SeedField,
  ProviderField,
} from '../../http/dto-fields';

export const MAX_PROMPT_CHARS = 4_000;
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

  @SeedField()
  seed?: number;

  @ApiPropertyOptional({ enum: ['url', 'base64'], description: 'url (default) or base64 (adds b64_json)' })
  @IsOptional()
  @IsIn(['url', 'base64'], { message: 'response_format must be url or base64' })
  response_format?: 'url' | 'base64';

  @PurposeField('general, creative, coding')
  purpose?: string;

  @ModelField('black-forest-labs/FLUX.1-schnell')
  model?: string;

  @ProviderField()
  provider?: string;
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

  @MaxTokensField()
  max_tokens?: number;

  @BoundedNumberField('temperature', 0, 2)
  temperature?: number;

  @PurposeField('general, creative, coding')
  purpose?: string;

  @ModelField('Qwen/Qwen3.5-9B')
  model?: string;

  @ProviderField()
  provider?: string;
}
