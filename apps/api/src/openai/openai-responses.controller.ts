import { Body, Controller, HttpCode, Post, Res, UseGuards } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import type { Readable } from 'node:stream';
import { GatewayService } from '@tiergate/gateway';
import { TogetherAccessGuard } from '../http/together-access.guard';
import { answered, Call, type CallContext } from '../http/call-context';
import { sendEventStream } from '../http/sse';
import { OpenAiResponseDto } from './dto/openai-responses.dto';
import { responseEvents, responseOf } from './openai-responses.shapes';

/** OpenAI's Responses API for conversations of text, images and function calls, on the chat pipeline. */
@ApiTags('openai')
@ApiBearerAuth()
@UseGuards(TogetherAccessGuard)
@Controller('v1')
export class OpenAiResponsesController {
  constructor(private readonly gateway: GatewayService) {}

  @Post('responses')
  @HttpCode(200)
  @ApiOperation({
    summary: "OpenAI's Responses API: a conversation answered (not stored); streams typed events",
  })
  async respond(
    @Call() call: CallContext,
    @Body() body: OpenAiResponseDto,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<object | Readable> {
    const request = {
      ...call,
      sampling: body.sampling(),
      modality: body.hasImages() ? ('vision' as const) : ('chat' as const),
      model: body.model,
      purpose: body.purpose,
      messages: body.chatMessages(),
      tools: body.toolOptions(),
    };
    if (body.stream) {
      const stream = answered(reply, await this.gateway.chatStream(request));
      return sendEventStream(reply, call.requestId, responseEvents(call.requestId, body, stream));
    }
    return responseOf(call.requestId, body, answered(reply, await this.gateway.chat(request)));
  }
}
