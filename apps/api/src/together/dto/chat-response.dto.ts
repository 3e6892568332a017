import { ServedByDto, servedBy } from './served-by.dto';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import type { GatewayTextResult } from '@tiergate/gateway';
import type { TokenUsage } from '@tiergate/provider';

export class UsageDto {
  @ApiProperty() prompt_tokens!: number;
  @ApiProperty() completion_tokens!: number;
  @ApiProperty() total_tokens!: number;
  @ApiPropertyOptional({ description: "The request's cost in USD (0 when served from the cache)" })
  cost_usd?: number;

  static from(usage: TokenUsage, costUsd?: number | null): UsageDto {
    return {
      prompt_tokens: usage.promptTokens,
      completion_tokens: usage.completionTokens,
      total_tokens: usage.totalTokens,
      ...(costUsd != null && { cost_usd: costUsd }),
    };
  }
}

class AssistantMessageDto {
  @ApiProperty({ example: 'assistant' }) role!: 'assistant';
  @ApiProperty() content!: string;
  @ApiPropertyOptional({ description: "A reasoning model's thinking before the answer" }) reasoning?: string;
}

/** The Together surface's chat completion response. */
export class ChatCompletionResponseDto extends ServedByDto {
  @ApiProperty() id!: string;
  @ApiProperty({ type: AssistantMessageDto }) message!: AssistantMessageDto;
  @ApiProperty({ example: 'stop' }) finish_reason!: string;
  @ApiProperty({ type: UsageDto }) usage!: UsageDto;

  static from(requestId: string, { result, source }: GatewayTextResult): ChatCompletionResponseDto {
    return {
      id: requestId,
      message: {
        role: 'assistant',
        content: result.content,
        ...(result.reasoning && { reasoning: result.reasoning }),
      },
      finish_reason: result.finishReason,
      usage: UsageDto.from(result.usage, source.costUsd),
      ...servedBy(source),
    };
  }
}
