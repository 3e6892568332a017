import { randomUUID } from 'node:crypto';
import { UpstreamHttpClient, UpstreamResponse } from '../http/upstream-http.client';
import { sseDataEvents } from '../http/sse-events';
import type {
  CatalogModel,
  ChatCompletion,
  ChatRequest,
  ChatStream,
  ChatStreamEvent,
  LlmProvider,
  ProviderCallContext,
  TokenUsage,
} from '../llm-provider';
import { ProviderError } from '../provider.errors';
import { errorFromResponse, errorFromTransport, protocolError } from './together-errors';
import type { TogetherChatChunk, TogetherChatResponse, TogetherModel, TogetherUsage } from './together.types';

const MAX_ERROR_BODY_BYTES = 64 * 1024;

function toUsage(usage: TogetherUsage | null | undefined): TokenUsage | null {
  if (!usage || typeof usage.prompt_tokens !== 'number' || typeof usage.completion_tokens !== 'number')
    return null;
  return {
    promptTokens: usage.prompt_tokens,
    completionTokens: usage.completion_tokens,
    totalTokens: usage.total_tokens ?? usage.prompt_tokens + usage.completion_tokens,
  };
}

/** Together AI (and any server speaking its dialect, such as apps/upstream-sim). */
export class TogetherAdapter implements LlmProvider {
  readonly id: string = 'together_ai';
  readonly displayName: string = 'Together AI';

  constructor(private readonly http: UpstreamHttpClient) {}

  async chat(request: ChatRequest, context: ProviderCallContext): Promise<ChatCompletion> {
    const response = await this.call(
      'POST',
      '/chat/completions',
      this.body(request, false),
      request.model,
      context,
    );
    const json = (await this.readJson(response, request.model)) as TogetherChatResponse;
    const choice = json.choices?.[0];
    const usage = toUsage(json.usage);
    if (!choice || !usage)
      throw protocolError('the answer had no choices or no usage', this.ctx(request.model));
    return {
      id: json.id ?? randomUUID(),
      model: json.model ?? request.model,
      content: choice.message?.content ?? '',
      finishReason: choice.finish_reason ?? 'stop',
      usage,
    };
  }

  async chatStream(request: ChatRequest, context: ProviderCallContext): Promise<ChatStream> {
    const response = await this.call(
      'POST',
      '/chat/completions',
      this.body(request, true),
      request.model,
      context,
    );
    const events = this.streamEvents(response, request.model);
    return { id: randomUUID(), model: request.model, [Symbol.asyncIterator]: () => events };
  }

  async listModels(context: ProviderCallContext): Promise<CatalogModel[]> {
    const response = await this.call('GET', '/models', undefined, undefined, context);
    const json = (await this.readJson(response)) as TogetherModel[] | { data?: TogetherModel[] };
    const list = Array.isArray(json) ? json : (json.data ?? []);
    return list
      .filter((m): m is TogetherModel & { id: string } => typeof m.id === 'string')
      .map((m) => ({
        id: m.id,
        displayName: m.display_name ?? m.id,
        type: m.type ?? 'chat',
        contextLength: typeof m.context_length === 'number' ? m.context_length : null,
        pricing: { inputPerMillion: m.pricing?.input ?? 0, outputPerMillion: m.pricing?.output ?? 0 },
      }));
  }

  async ping(context: ProviderCallContext): Promise<void> {
    const response = await this.call('GET', '/models', undefined, undefined, context, 3_000);
    await response.body.dump();
  }

  private body(request: ChatRequest, stream: boolean): Record<string, unknown> {
    return {
      model: request.model,
      messages: request.messages,
      max_tokens: request.maxTokens,
      temperature: request.temperature,
      top_p: request.topP,
      stop: request.stop,
      seed: request.seed,
      stream,
      ...(stream ? { stream_options: { include_usage: true } } : {}),
    };
  }

  private ctx(model?: string) {
    return { provider: this.displayName, model };
  }

  /** Sends the call; any non-2xx answer or transport failure becomes a ProviderError. */
  private async call(
    method: 'GET' | 'POST',
    path: string,
    body: unknown,
    model: string | undefined,
    context: ProviderCallContext,
    totalTimeoutMs?: number,
  ): Promise<UpstreamResponse> {
    let response: UpstreamResponse;
    try {
      response = await this.http.send({
        method,
        path,
        body,
        apiKey: context.apiKey,
        signal: context.signal,
        totalTimeoutMs,
      });
    } catch (error) {
      throw errorFromTransport(this.http.classify(error, context.signal), this.ctx(model));
    }
    if (response.status >= 200 && response.status < 300) return response;
    const text = await this.readText(response, model).catch(() => '');
    throw errorFromResponse(response.status, response.headers, text, this.ctx(model));
  }

  private async readText(response: UpstreamResponse, model?: string): Promise<string> {
    let size = 0;
    const parts: Buffer[] = [];
    try {
      for await (const chunk of response.body as AsyncIterable<Buffer>) {
        size += chunk.length;
        if (size > MAX_ERROR_BODY_BYTES) break;
        parts.push(chunk);
      }
    } catch (error) {
      throw errorFromTransport(this.http.classify(error, response.signal), this.ctx(model));
    } finally {
      response.body.destroy();
    }
    return Buffer.concat(parts).toString('utf8');
  }

  private async readJson(response: UpstreamResponse, model?: string): Promise<unknown> {
    let text: string;
    try {
      text = await response.body.text();
    } catch (error) {
      throw errorFromTransport(this.http.classify(error, response.signal), this.ctx(model));
    }
    try {
      return JSON.parse(text);
    } catch {
      throw protocolError('the answer was not valid JSON', this.ctx(model));
    }
  }

  /**
   * Together's SSE chunks → our events. The finish chunk normally carries usage; some models send
   * it in a trailing `choices: []` chunk, so the one `end` event is emitted at `[DONE]` (or at the
   * close of a finished stream). A stream that ends before its finish chunk is an error.
   */
  private async *streamEvents(response: UpstreamResponse, model: string): AsyncGenerator<ChatStreamEvent> {
    let finishReason: string | null = null;
    let usage: TokenUsage | null = null;
    try {
      for await (const data of sseDataEvents(response.body)) {
        if (data.trim() === '[DONE]') break;
        const chunk = this.parseChunk(data, model);
        usage = toUsage(chunk.usage) ?? usage;
        const choice = chunk.choices?.[0];
        const content = choice?.delta?.content;
        if (content) yield { type: 'delta', content };
        if (choice?.finish_reason) finishReason = choice.finish_reason;
      }
    } catch (error) {
      if (error instanceof ProviderError) throw error;
      throw errorFromTransport(this.http.classify(error, response.signal), this.ctx(model));
    } finally {
      if (!response.body.destroyed) response.body.destroy();
    }
    if (!finishReason)
      throw protocolError('the stream ended before the answer was complete', this.ctx(model));
    yield { type: 'end', finishReason, usage };
  }

  private parseChunk(data: string, model: string): TogetherChatChunk {
    let chunk: TogetherChatChunk;
    try {
      chunk = JSON.parse(data) as TogetherChatChunk;
    } catch {
      throw protocolError('the stream sent a malformed chunk', this.ctx(model));
    }
    if (chunk.error) {
      throw errorFromResponse(500, {}, JSON.stringify({ error: chunk.error }), this.ctx(model));
    }
    return chunk;
  }
}
