import { Body, Controller, HttpCode, Post, Res, UseGuards } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import type { Readable } from 'node:stream';
import { GatewayChatRequest, GatewayService } from '@tiergate/gateway';
import { TogetherAccessGuard } from '../http/together-access.guard';
import { answered, Call, type CallContext } from '../http/call-context';
import { CodeCompletionDto, TextCompletionDto } from './dto/text-completion.dto';
import { TextResponseDto } from './dto/together-responses.dto';
import { sendTogetherStream } from './together-stream';

function codeInstruction(language?: string): string {
  const lang = language ? ` in ${language}` : '';
  return `You are an expert programmer. Answer${lang} with code only: no explanations outside code comments, no Markdown fences.`;
}

/** The Together surface's prompt → text endpoints. Both run as chats on instruction-tuned models. */
@ApiTags('together')
@ApiBearerAuth()
@UseGuards(TogetherAccessGuard)
@Controller('api/v1/together')
export class TextController {
  constructor(private readonly gateway: GatewayService) {}

  @Post('text/completions')
  @HttpCode(200)
  @ApiOperation({ summary: 'Text completion: prompt → text (stream: true for server-sent events)' })
  @ApiOkResponse({ type: TextResponseDto })
  text(
    @Call() call: CallContext,
    @Body() body: TextCompletionDto,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<TextResponseDto | Readable> {
    return this.answer(call, body, reply, {
      modality: 'text',
      messages: [{ role: 'user', content: body.prompt }],
    });
  }

  @Post('code/completions')
  @HttpCode(200)
  @ApiOperation({ summary: 'Code completion: prompt and language → code, from a code model' })
  @ApiOkResponse({ type: TextResponseDto })
  code(
    @Call() call: CallContext,
    @Body() body: CodeCompletionDto,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<TextResponseDto | Readable> {
    return this.answer(call, body, reply, {
      modality: 'code',
      messages: [
        { role: 'system', content: codeInstruction(body.language) },
        { role: 'user', content: body.prompt },
      ],
    });
  }

  private async answer(
    call: CallContext,
    body: TextCompletionDto,
    reply: FastifyReply,
    chat: Pick<GatewayChatRequest, 'modality' | 'messages'>,
  ): Promise<TextResponseDto | Readable> {
    const request: GatewayChatRequest = {
      ...call,
      preferCached: body.prefersCached(call),
      sampling: body.sampling(),
      ...chat,
      model: body.model,
      purpose: body.purpose,
    };
    if (body.stream)
      return sendTogetherStream(
        reply,
        call.requestId,
        answered(reply, await this.gateway.chatStream(request)),
      );
    return TextResponseDto.from(call.requestId, answered(reply, await this.gateway.chat(request)));
  }
}
