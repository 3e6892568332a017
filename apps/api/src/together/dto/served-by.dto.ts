import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import type { AnswerSource } from '@tiergate/gateway';

export class ModelSourceIndicatorDto {
  @ApiProperty({ example: 'together_ai' }) provider_id!: string;
  @ApiProperty({ example: 'Together AI' }) display_name!: string;
  @ApiProperty() is_free_tier!: boolean;
  @ApiProperty() is_fallback!: boolean;
  @ApiProperty({
    nullable: true,
    type: String,
    example: 'timeout',
    description: 'Why the primary model was passed over',
  })
  fallback_reason!: string | null;
  @ApiProperty({
    nullable: true,
    type: String,
    enum: ['SAME_PROVIDER_DIFFERENT_MODEL', 'DIFFERENT_PROVIDER', 'CACHED_RESPONSE'],
  })
  fallback_strategy!: string | null;
  @ApiProperty({ nullable: true, type: String, description: 'The model the request named, if any' })
  requested_model!: string | null;
  @ApiProperty({ description: 'The model that produced the answer' }) served_model!: string;
  @ApiProperty({ enum: ['system', 'user'] }) key_source!: 'system' | 'user';
  @ApiProperty({ description: 'Answered from the cache of earlier answers' }) cached!: boolean;
}

/**
 * Fields every Together-surface answer ends with: which model served it, from which provider, with
 * whose key.
 */
export class ServedByDto {
  @ApiProperty({ example: 'meta-llama/Meta-Llama-3.1-8B-Instruct-Turbo' }) model_id!: string;
  @ApiProperty({ example: 'together_ai' }) provider!: string;
  @ApiProperty({ enum: ['system', 'user'], description: "user: served with the caller's own key" })
  key_source!: 'system' | 'user';
  @ApiPropertyOptional({
    type: ModelSourceIndicatorDto,
    description: 'Absent when the together_ai_ui_indicators flag is off',
  })
  model_source_indicator?: ModelSourceIndicatorDto;
}

export function servedBy(source: AnswerSource): ServedByDto {
  const indicator = source.indicator;
  return {
    model_id: source.servedModel,
    provider: source.providerId,
    key_source: source.keySource,
    ...(indicator && {
      model_source_indicator: {
        provider_id: indicator.providerId,
        display_name: indicator.displayName,
        is_free_tier: indicator.isFreeTier,
        is_fallback: indicator.isFallback,
        fallback_reason: source.fallbackReason,
        fallback_strategy: source.fallbackStrategy,
        requested_model: source.requestedModel,
        served_model: source.servedModel,
        key_source: source.keySource,
        cached: source.cached,
      },
    }),
  };
}
