import { ApiProperty } from '@nestjs/swagger';
import type { GatewayTextResult } from '@tiergate/gateway';
import type { TokenUsage } from '@tiergate/provider';

export class UsageDto {
  @ApiProperty() prompt_tokens!: number;
  @ApiProperty() completion_tokens!: number;
  @ApiProperty() total_tokens!: number;

  static from(usage: TokenUsage): UsageDto {
    return {
      prompt_tokens: usage.promptTokens,
      completion_tokens: usage.completionTokens,
      total_tokens: usage.totalTokens,
    };
  }
}

class AssistantMessageDto {
  @ApiProperty({ example: 'assistant' }) role!: 'assistant';
  @ApiProperty() content!: string;
}

/** The seed's chat completion response. */
export class ChatCompletionResponseDto {
  @ApiProperty() id!: string;
  @ApiProperty({ type: AssistantMessageDto }) message!: AssistantMessageDto;
  @ApiProperty({ example: 'stop' }) finish_reason!: string;
  @ApiProperty({ type: UsageDto }) usage!: UsageDto;
  @ApiProperty({ example: 'meta-llama/Meta-Llama-3.1-8B-Instruct-Turbo' }) model_id!: string;
  @ApiProperty({ example: 'together_ai' }) provider!: string;

  static from(requestId: string, { result, source }: GatewayTextResult): ChatCompletionResponseDto {
    return {
      id: requestId,
      message: { role: 'assistant', content: result.content },
      finish_reason: result.finishReason,
      usage: UsageDto.from(result.usage),
      model_id: source.servedModel,
      provider: source.providerId,
    };
  }
}
