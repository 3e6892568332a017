import { randomBytes } from 'node:crypto';
import type { Readable } from 'node:stream';
import {
  Body,
  Controller,
  Delete,
  Get,
  HttpCode,
  Logger,
  Param,
  Post,
  Query,
  Res,
  UseGuards,
} from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { CurrentUser, type Principal } from '@tiergate/auth';
import { DomainError, ErrorCode } from '@tiergate/common';
import { GatewayService } from '@tiergate/gateway';
import { ResponseStore, type ResponseItem } from '@tiergate/response-store';
import { TogetherAccessGuard } from '../http/together-access.guard';
import { answered, Call, type CallContext } from '../http/call-context';
import { cursorPage } from '../http/paging';
import { sendEventStream } from '../http/sse';
import { OpenAiResponseDto, type InputItem } from './dto/responses.dto';
import { InputItemsQueryDto, ResponseIdParamsDto } from './dto/response-queries.dto';
import { responseEvents, responseOf, type ResponseObject } from './responses.shapes';

/**
 * OpenAI's Responses API for conversations of text, images and function calls, on the chat
 * pipeline. A response is kept for its caller (unless `store: false`): read back, listed by its
 * input items, deleted, or continued by a later request's `previous_response_id`.
 */
@ApiTags('openai')
@ApiBearerAuth()
@UseGuards(TogetherAccessGuard)
@Controller('v1/responses')
export class ResponsesController {
  private readonly logger = new Logger(ResponsesController.name);

  constructor(
    private readonly gateway: GatewayService,
    private readonly store: ResponseStore,
  ) {}

  @Post()
  @HttpCode(200)
  @ApiOperation({
    summary:
      "OpenAI's Responses API: a conversation answered, stored unless store is false; streams typed events",
  })
  async respond(
    @Call() call: CallContext,
    @Body() body: OpenAiResponseDto,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<object | Readable> {
    const earlier = await this.earlierConversation(call.caller, body.previous_response_id);
    const key = randomBytes(24).toString('hex');
    const request = {
      ...call,
      sampling: body.sampling(),
      modality: body.hasImages(earlier) ? ('vision' as const) : ('chat' as const),
      model: body.model,
      purpose: body.purpose,
      messages: body.chatMessages(earlier),
      tools: body.toolOptions(),
    };
    const finish = (response: ResponseObject) =>
      this.kept(call.caller, response, body.store !== false && body.inputItems(key), earlier);
    if (body.stream) {
      const stream = answered(reply, await this.gateway.chatStream(request));
      return sendEventStream(reply, call.requestId, responseEvents(key, body, stream, finish));
    }
    return finish(responseOf(key, body, answered(reply, await this.gateway.chat(request))));
  }

  @Get(':id')
  @ApiOperation({ summary: 'A stored response, as it was answered' })
  async retrieve(@CurrentUser() caller: Principal, @Param() { id }: ResponseIdParamsDto): Promise<object> {
    return (await this.storedOf(caller, id)).response;
  }

  @Delete(':id')
  @ApiOperation({ summary: 'Deletes a stored response' })
  async remove(@CurrentUser() caller: Principal, @Param() { id }: ResponseIdParamsDto): Promise<object> {
    if (!(await this.store.delete(caller.id, id))) throw notFound(id);
    return { id, object: 'response', deleted: true };
  }

  @Get(':id/input_items')
  @ApiOperation({ summary: "A stored response's input items, a page at a time (newest first by default)" })
  async inputItems(
    @CurrentUser() caller: Principal,
    @Param() { id }: ResponseIdParamsDto,
    @Query() query: InputItemsQueryDto,
  ): Promise<object> {
    const page = await this.store.inputItems(caller.id, id, query);
    if (!page) throw notFound(id);
    return cursorPage(page.items, page.hasMore);
  }

  /** The conversation a request continues: the named response's, which must be the caller's. */
  private async earlierConversation(caller: Principal, id?: string): Promise<InputItem[]> {
    if (!id) return [];
    const stored = await this.store.find(caller.id, id);
    if (!stored) throw notFound(id, 'previous_response_id');
    return stored.conversation as unknown as InputItem[];
  }

  private async storedOf(caller: Principal, id: string) {
    const stored = await this.store.find(caller.id, id);
    if (!stored) throw notFound(id);
    return stored;
  }

  /**
   * Stores the finished response (when asked to) before it goes out, so that the next request can
   * continue it at once. An answer that could not be stored is still sent, with `store: false`.
   */
  private async kept(
    caller: Principal,
    response: ResponseObject,
    inputItems: InputItem[] | false,
    earlier: InputItem[],
  ): Promise<ResponseObject> {
    if (!inputItems) return response;
    const items = inputItems as unknown as ResponseItem[];
    try {
      await this.store.save({
        id: response.id,
        userId: caller.id,
        response: { ...response, store: true },
        inputItems: items,
        conversation: [
          ...(earlier as unknown as ResponseItem[]),
          ...items,
          ...(response.output as ResponseItem[]),
        ],
      });
      return { ...response, store: true };
    } catch (error) {
      this.logger.error(`could not store response ${response.id}: ${(error as Error).message}`);
      return response;
    }
  }
}

function notFound(id: string, param?: string): DomainError {
  return new DomainError(ErrorCode.NotFound, `No response with id '${id}' was found`, param ? { param } : {});
}
