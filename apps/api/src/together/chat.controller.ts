import { Body, Controller, HttpCode, Post, Res, UseGuards } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import type { Readable } from 'node:stream';
import { GatewayChatRequest, GatewayService } from '@tiergate/gateway';
import { TogetherAccessGuard } from '../http/together-access.guard';
import { answered, Call, type CallContext } from '../http/call-context';
import { ChatCompletionDto } from './dto/chat-completion.dto';
import { ChatCompletionResponseDto } from './dto/chat-response.dto';
import { sendTogetherStream } from './together-stream';

@ApiTags('together')
@ApiBearerAuth()
@UseGuards(TogetherAccessGuard)
@Controller('api/v1/together')
export class ChatController {
  constructor(private readonly gateway: GatewayService) {}

  @Post('chat/completions')
  @HttpCode(200)
  @ApiOperation({ summary: 'Chat completion (JSON, or server-sent events with stream: true)' })
  @ApiOkResponse({ type: ChatCompletionResponseDto })
  async chat(
    @Call() call: CallContext,
    @Body() body: ChatCompletionDto,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<ChatCompletionResponseDto | Readable> {
    const request: GatewayChatRequest = {
      ...call,
      preferCached: body.prefersCached(call),
      sampling: body.sampling(),
      messages: body.messages,
      model: body.model,
      purpose: body.purpose,
    };
    if (body.stream)
      return sendTogetherStream(
        reply,
        call.requestId,
        answered(reply, await this.gateway.chatStream(request)),
      );
    return ChatCompletionResponseDto.from(call.requestId, answered(reply, await this.gateway.chat(request)));
  }
}
