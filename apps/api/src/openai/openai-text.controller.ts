import { Body, Controller, HttpCode, Post, Res, UseGuards } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import type { Readable } from 'node:stream';
import { GatewayService } from '@tiergate/gateway';
import { TogetherAccessGuard } from '../http/together-access.guard';
import { answered, Call, type CallContext } from '../http/call-context';
import { sendEventStream } from '../http/sse';
import { OpenAiChatDto, OpenAiCompletionDto } from './dto/openai-text.dto';
import { chatCompletion, openAiStreamEvents, textCompletion } from './openai-shapes';

/** OpenAI-compatible chat and text completions, on the same pipeline as the Together surface. */
@ApiTags('openai')
@ApiBearerAuth()
@UseGuards(TogetherAccessGuard)
@Controller('v1')
export class OpenAiTextController {
  constructor(private readonly gateway: GatewayService) {}

  @Post('chat/completions')
  @HttpCode(200)
  @ApiOperation({ summary: 'OpenAI-compatible chat completion (image parts use a vision model)' })
  async chat(
    @Call() call: CallContext,
    @Body() body: OpenAiChatDto,
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
      return sendEventStream(
        reply,
        call.requestId,
        openAiStreamEvents(call.requestId, stream, 'chat', {
          includeUsage: body.includesUsage(),
          alternatives: body.logprobs ? (body.top_logprobs ?? 0) : undefined,
          functions: body.usesFunctions(),
        }),
      );
    }
    return chatCompletion(call.requestId, answered(reply, await this.gateway.chat(request)), {
      topLogprobs: body.top_logprobs,
      functions: body.usesFunctions(),
    });
  }

  @Post('completions')
  @HttpCode(200)
  @ApiOperation({ summary: 'OpenAI-compatible (legacy) text completion' })
  async complete(
    @Call() call: CallContext,
    @Body() body: OpenAiCompletionDto,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<object | Readable> {
    const request = {
      ...call,
      sampling: body.sampling(),
      model: body.model,
      purpose: body.purpose,
      prompt: body.prompt,
    };
    if (body.stream) {
      const stream = answered(reply, await this.gateway.completeStream(request));
      return sendEventStream(
        reply,
        call.requestId,
        openAiStreamEvents(call.requestId, stream, 'completion', {
          includeUsage: body.includesUsage(),
          echo: body.echoed(),
          alternatives: body.logprobs,
        }),
      );
    }
    return textCompletion(call.requestId, answered(reply, await this.gateway.complete(request)), {
      logprobs: body.logprobs,
      echo: body.echoed(),
    });
  }
}
