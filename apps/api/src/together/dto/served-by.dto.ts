import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import type { AnswerSource } from '@tiergate/gateway';

export class ModelSourceIndicatorDto {
  @ApiProperty({ example: 'together_ai' }) provider_id!: string;
  @ApiProperty({ example: 'Together AI' }) display_name!: string;
  @ApiProperty() is_free_tier!: boolean;
  @ApiProperty() is_fallback!: boolean;
}

/** Fields every seed answer ends with: which model served it, from which provider, with whose key. */
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
      },
    }),
  };
}
