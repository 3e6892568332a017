import { Body, Controller, HttpCode, Post, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import type { Readable } from 'node:stream';
import { CurrentUser, type Principal } from '@tiergate/auth';
import { GatewayChatRequest, GatewayService } from '@tiergate/gateway';
import { ClientSignal, RequestId } from '../http/client-signal';
import { sendEventStream } from '../http/sse';
import { ChatCompletionDto } from './dto/chat-completion.dto';
import { ChatCompletionResponseDto } from './dto/chat-response.dto';
import { seedChatEvents } from './seed-stream';

@ApiTags('together')
@ApiBearerAuth()
@Controller('api/v1/together')
export class ChatController {
  constructor(private readonly gateway: GatewayService) {}

  @Post('chat/completions')
  @HttpCode(200)
  @ApiOperation({ summary: 'Chat completion (JSON, or server-sent events with stream: true)' })
  @ApiOkResponse({ type: ChatCompletionResponseDto })
  async chat(
    @CurrentUser() caller: Principal,
    @Body() body: ChatCompletionDto,
    @RequestId() requestId: string,
    @ClientSignal() signal: AbortSignal,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<ChatCompletionResponseDto | Readable> {
    const request: GatewayChatRequest = {
      caller,
      requestId,
      signal,
      messages: body.messages,
      model: body.model,
      purpose: body.purpose,
      maxTokens: body.max_tokens,
      temperature: body.temperature,
      topP: body.top_p,
      stop: body.stop,
      seed: body.seed,
    };
    if (body.stream) {
      const stream = await this.gateway.chatStream(request);
      return sendEventStream(reply, requestId, seedChatEvents(requestId, stream));
    }
    return ChatCompletionResponseDto.from(requestId, await this.gateway.chat(request));
  }
}
