import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import type { GatewayTextResult } from '@tiergate/gateway';
import { MODALITY_ENUM, TIER_ENUM } from '../../http/dto-fields';
import { UsageDto } from './chat-response.dto';
import { ServedByDto, servedBy } from './served-by.dto';

export class TextResponseDto extends ServedByDto {
  @ApiProperty() id!: string;
  @ApiProperty() text!: string;
  @ApiProperty({ example: 'stop' }) finish_reason!: string;
  @ApiProperty({ type: UsageDto }) usage!: UsageDto;

  static from(requestId: string, { result, source }: GatewayTextResult): TextResponseDto {
    return {
      id: requestId,
      text: result.content,
      finish_reason: result.finishReason,
      usage: UsageDto.from(result.usage, source.costUsd),
      ...servedBy(source),
    };
  }
}

export class GeneratedImageDto {
  @ApiProperty({ description: 'Signed link to the stored image; expires at expires_at' }) url!: string;
  @ApiPropertyOptional({ description: 'The PNG/JPEG bytes, base64, when response_format is base64' })
  b64_json?: string;
}

export class ImageGenerationResponseDto extends ServedByDto {
  @ApiProperty() id!: string;
  @ApiProperty({ description: 'The first image (the specification’s shape); all images are under images' })
  url!: string;
  @ApiProperty({ type: [GeneratedImageDto] }) images!: GeneratedImageDto[];
  @ApiProperty() expires_at!: string;
}

export class TranscriptionResponseDto extends ServedByDto {
  @ApiProperty() id!: string;
  @ApiProperty() text!: string;
  @ApiPropertyOptional({ example: 'english' }) language?: string;
  @ApiProperty({ description: 'Measured by Tiergate from the audio' }) duration_seconds!: number;
}

export class SpeechResponseDto extends ServedByDto {
  @ApiProperty() id!: string;
  @ApiProperty({ description: 'Signed link to the stored audio' }) audio_url!: string;
  @ApiProperty() expires_at!: string;
  @ApiProperty({ example: 'audio/mpeg' }) content_type!: string;
  @ApiProperty() duration_seconds!: number;
  @ApiProperty() characters!: number;
}

export class ModelPricingDto {
  @ApiProperty({ example: 0.18, description: 'USD per million prompt tokens' }) input_per_million!: number;
  @ApiProperty({ example: 0.18, description: 'USD per million completion tokens' })
  output_per_million!: number;
}

export class ModelIndicatorDto {
  @ApiProperty({ example: 'together_ai' }) provider_id!: string;
  @ApiProperty({ example: 'Together AI' }) display_name!: string;
  @ApiProperty() is_free_tier!: boolean;
  @ApiProperty({ description: "Not one of the tier's primary models" }) is_fallback!: boolean;
}

export class CatalogModelDto {
  @ApiProperty() id!: string;
  @ApiProperty() name!: string;
  @ApiProperty({ ...MODALITY_ENUM, example: 'chat' }) modality!: string;
  @ApiProperty({ type: [String], example: ['chat', 'text'] }) modalities!: string[];
  @ApiProperty({ nullable: true, type: 'integer' }) context_length!: number | null;
  @ApiProperty({ type: ModelPricingDto }) pricing!: ModelPricingDto;
  @ApiPropertyOptional({
    type: ModelIndicatorDto,
    description: 'Absent when the together_ai_ui_indicators flag is off',
  })
  indicator?: ModelIndicatorDto;
}

export class ModelsResponseDto {
  @ApiProperty({ type: [CatalogModelDto] }) models!: CatalogModelDto[];
  @ApiProperty({ ...TIER_ENUM, example: 'free' }) user_tier!: string;
  @ApiProperty() free_tier_enabled!: boolean;
}
