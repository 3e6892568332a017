import { randomUUID } from 'node:crypto';
import { FormData, request as undiciRequest } from 'undici';
import { sniffImageType } from '@tiergate/common';
import { UpstreamHttpClient, UpstreamRequest, UpstreamResponse } from '../http/upstream-http.client';
import { sseDataEvents } from '../http/sse-events';
import type {
  CatalogModel,
  ChatRequest,
  CompletionRequest,
  EmbeddingRequest,
  Embeddings,
  GeneratedImage,
  GenerationOptions,
  ImageGeneration,
  ImageRequest,
  LlmProvider,
  ProviderCallContext,
  SpeechAudio,
  SpeechRequest,
  TextGeneration,
  TextStream,
  TextStreamEvent,
  TokenUsage,
  Transcription,
  TranscriptionRequest,
} from '../llm-provider';
import { ProviderError } from '../provider.errors';
import { errorFromResponse, errorFromTransport, protocolError } from './together-errors';
import type {
  TogetherChoice,
  TogetherEmbeddings,
  TogetherGeneration,
  TogetherImageResponse,
  TogetherModel,
  TogetherTranscription,
  TogetherUsage,
} from './together.types';

const MAX_ERROR_BODY_BYTES = 64 * 1024;
const IMAGE_DOWNLOAD_TIMEOUT_MS = 30_000;
const SPEECH_CONTENT_TYPES = { mp3: 'audio/mpeg', wav: 'audio/wav', raw: 'application/octet-stream' };

function toUsage(usage: TogetherUsage | null | undefined): TokenUsage | null {
  if (!usage || typeof usage.prompt_tokens !== 'number' || typeof usage.completion_tokens !== 'number')
    return null;
  return {
    promptTokens: usage.prompt_tokens,
    completionTokens: usage.completion_tokens,
    totalTokens: usage.total_tokens ?? usage.prompt_tokens + usage.completion_tokens,
  };
}

/** The text of a choice: chat `message.content`, stream `delta.content`, completion `text`. */
function choiceText(choice: TogetherChoice | undefined): string {
  return choice?.message?.content ?? choice?.delta?.content ?? choice?.text ?? '';
}

function samplingFields(request: GenerationOptions) {
  return {
    model: request.model,
    max_tokens: request.maxTokens,
    temperature: request.temperature,
    top_p: request.topP,
    stop: request.stop,
    seed: request.seed,
  };
}

/**
 * Together AI (and any server speaking its dialect, such as apps/upstream-sim or another
 * OpenAI-compatible vendor): one pooled HTTP client, every endpoint Tiergate serves.
 */
export class TogetherAdapter implements LlmProvider {
  readonly id: string = 'together_ai';
  readonly displayName: string = 'Together AI';

  constructor(private readonly http: UpstreamHttpClient) {}

  chat(request: ChatRequest, context: ProviderCallContext): Promise<TextGeneration> {
    return this.generate(
      '/chat/completions',
      { ...samplingFields(request), messages: request.messages },
      context,
    );
  }

  chatStream(request: ChatRequest, context: ProviderCallContext): Promise<TextStream> {
    return this.generateStream(
      '/chat/completions',
      { ...samplingFields(request), messages: request.messages },
      context,
    );
  }

  complete(request: CompletionRequest, context: ProviderCallContext): Promise<TextGeneration> {
    return this.generate('/completions', { ...samplingFields(request), prompt: request.prompt }, context);
  }

  completeStream(request: CompletionRequest, context: ProviderCallContext): Promise<TextStream> {
    return this.generateStream(
      '/completions',
      { ...samplingFields(request), prompt: request.prompt },
      context,
    );
  }

  async generateImages(request: ImageRequest, context: ProviderCallContext): Promise<ImageGeneration> {
    const body = {
      model: request.model,
      prompt: request.prompt,
      negative_prompt: request.negativePrompt,
      width: request.width,
      height: request.height,
      steps: request.steps,
      n: request.n,
      seed: request.seed,
      response_format: 'base64', // Together's word; the answer's field is still `b64_json`
    };
    const json = await this.json<TogetherImageResponse>(
      { method: 'POST', path: '/images/generations', body },
      request.model,
      context,
    );
    const images: GeneratedImage[] = [];
    for (const item of json.data ?? []) {
      const data = item.b64_json
        ? Buffer.from(item.b64_json, 'base64')
        : item.url
          ? await this.download(item.url, request.model, context)
          : undefined;
      if (data?.length)
        images.push({ data, contentType: sniffImageType(data) ?? 'application/octet-stream' });
    }
    if (images.length === 0) throw protocolError('the answer held no images', this.ctx(request.model));
    return { id: json.id ?? randomUUID(), model: json.model ?? request.model, images };
  }

  async transcribe(request: TranscriptionRequest, context: ProviderCallContext): Promise<Transcription> {
    const form = new FormData();
    // `model` before `file`, so the upstream can route without buffering the upload.
    form.append('model', request.model);
    form.append('response_format', 'verbose_json');
    if (request.language) form.append('language', request.language);
    if (request.prompt) form.append('prompt', request.prompt);
    if (request.temperature !== undefined) form.append('temperature', String(request.temperature));
    form.append('file', new Blob([request.audio], { type: request.contentType }), request.filename);
    const json = await this.json<TogetherTranscription>(
      { method: 'POST', path: '/audio/transcriptions', form },
      request.model,
      context,
    );
    if (typeof json.text !== 'string') throw protocolError('the answer had no text', this.ctx(request.model));
    return {
      text: json.text,
      language: json.language,
      durationSeconds: typeof json.duration === 'number' ? json.duration : undefined,
      segments: json.segments?.map((s) => ({ start: s.start ?? 0, end: s.end ?? 0, text: s.text ?? '' })),
    };
  }

  async speak(request: SpeechRequest, context: ProviderCallContext): Promise<SpeechAudio> {
    const body = {
      model: request.model,
      input: request.input,
      voice: request.voice,
      response_format: request.format,
      language: request.language,
    };
    const response = await this.call(
      { method: 'POST', path: '/audio/speech', body, accept: 'application/octet-stream' },
      request.model,
      context,
    );
    let audio: Buffer;
    try {
      audio = Buffer.from(await response.body.arrayBuffer());
    } catch (error) {
      throw errorFromTransport(this.http.classify(error, response.signal), this.ctx(request.model));
    }
    if (audio.length === 0) throw protocolError('the answer held no audio', this.ctx(request.model));
    return { audio, format: request.format, contentType: SPEECH_CONTENT_TYPES[request.format] };
  }

  async embed(request: EmbeddingRequest, context: ProviderCallContext): Promise<Embeddings> {
    // Together rejects unknown fields (`user`, `dimensions`): send exactly these two.
    const body = { model: request.model, input: request.input };
    const json = await this.json<TogetherEmbeddings>(
      { method: 'POST', path: '/embeddings', body },
      request.model,
      context,
    );
    const data = [...(json.data ?? [])].sort((a, b) => (a.index ?? 0) - (b.index ?? 0));
    if (data.length !== request.input.length || data.some((d) => !Array.isArray(d.embedding)))
      throw protocolError('the answer did not hold one embedding per input', this.ctx(request.model));
    return {
      model: json.model ?? request.model,
      vectors: data.map((d) => d.embedding!),
      usage: toUsage(json.usage),
    };
  }

  async listModels(context: ProviderCallContext): Promise<CatalogModel[]> {
    const json = await this.json<TogetherModel[] | { data?: TogetherModel[] }>(
      { method: 'GET', path: '/models' },
      undefined,
      context,
    );
    const list = Array.isArray(json) ? json : (json.data ?? []);
    return list
      .filter((m): m is TogetherModel & { id: string } => typeof m?.id === 'string')
      .map((m) => ({
        id: m.id,
        displayName: m.display_name ?? m.id,
        type: m.type ?? 'chat',
        organization: m.organization ?? null,
        contextLength: typeof m.context_length === 'number' ? m.context_length : null,
        pricing: { inputPerMillion: m.pricing?.input ?? 0, outputPerMillion: m.pricing?.output ?? 0 },
      }));
  }

  async ping(context: ProviderCallContext): Promise<void> {
    const response = await this.call(
      { method: 'GET', path: '/models', totalTimeoutMs: 3_000 },
      undefined,
      context,
    );
    await response.body.dump();
  }

  private async generate(path: string, body: object, context: ProviderCallContext): Promise<TextGeneration> {
    const model = (body as { model: string }).model;
    const json = await this.json<TogetherGeneration>(
      { method: 'POST', path, body: { ...body, stream: false } },
      model,
      context,
    );
    const choice = json.choices?.[0];
    const usage = toUsage(json.usage);
    if (!choice || !usage) throw protocolError('the answer had no choices or no usage', this.ctx(model));
    return {
      id: json.id ?? randomUUID(),
      model: json.model ?? model,
      content: choiceText(choice),
      finishReason: choice.finish_reason ?? 'stop',
      usage,
    };
  }

  private async generateStream(
    path: string,
    body: object,
    context: ProviderCallContext,
  ): Promise<TextStream> {
    const model = (body as { model: string }).model;
    const response = await this.call(
      { method: 'POST', path, body: { ...body, stream: true, stream_options: { include_usage: true } } },
      model,
      context,
    );
    const events = this.streamEvents(response, model);
    return { id: randomUUID(), model, [Symbol.asyncIterator]: () => events };
  }

  /** An image the upstream hosts (an answer to `response_format: url`), with the call's deadline. */
  private async download(url: string, model: string, context: ProviderCallContext): Promise<Buffer> {
    const deadline = AbortSignal.timeout(IMAGE_DOWNLOAD_TIMEOUT_MS);
    try {
      const response = await undiciRequest(url, {
        signal: context.signal ? AbortSignal.any([context.signal, deadline]) : deadline,
      });
      if (response.statusCode !== 200) {
        await response.body.dump();
        throw protocolError(
          `the generated image could not be downloaded (HTTP ${response.statusCode})`,
          this.ctx(model),
        );
      }
      return Buffer.from(await response.body.arrayBuffer());
    } catch (error) {
      if (error instanceof ProviderError) throw error;
      throw errorFromTransport(this.http.classify(error, context.signal), this.ctx(model));
    }
  }

  private ctx(model?: string) {
    return { provider: this.displayName, model };
  }

  /** Sends the call; any non-2xx answer or transport failure becomes a ProviderError. */
  private async call(
    request: Omit<UpstreamRequest, 'apiKey' | 'signal'>,
    model: string | undefined,
    context: ProviderCallContext,
  ): Promise<UpstreamResponse> {
    let response: UpstreamResponse;
    try {
      response = await this.http.send({ ...request, apiKey: context.apiKey, signal: context.signal });
    } catch (error) {
      throw errorFromTransport(this.http.classify(error, context.signal), this.ctx(model));
    }
    context.onHeaders?.(response.headers);
    if (response.status >= 200 && response.status < 300) return response;
    const text = await this.readText(response, model).catch(() => '');
    throw errorFromResponse(response.status, response.headers, text, this.ctx(model));
  }

  private async json<T>(
    request: Omit<UpstreamRequest, 'apiKey' | 'signal'>,
    model: string | undefined,
    context: ProviderCallContext,
  ): Promise<T> {
    const response = await this.call(request, model, context);
    let text: string;
    try {
      text = await response.body.text();
    } catch (error) {
      throw errorFromTransport(this.http.classify(error, response.signal), this.ctx(model));
    }
    try {
      return JSON.parse(text) as T;
    } catch {
      throw protocolError('the answer was not valid JSON', this.ctx(model));
    }
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

  /**
   * Together's SSE chunks → our events. The finish chunk normally carries usage; some models send
   * it in a trailing `choices: []` chunk, so the one `end` event is emitted at `[DONE]` (or at the
   * close of a finished stream). A stream that ends before its finish chunk is an error.
   */
  private async *streamEvents(response: UpstreamResponse, model: string): AsyncGenerator<TextStreamEvent> {
    let finishReason: string | null = null;
    let usage: TokenUsage | null = null;
    try {
      for await (const data of sseDataEvents(response.body)) {
        if (data.trim() === '[DONE]') break;
        const chunk = this.parseChunk(data, model);
        usage = toUsage(chunk.usage) ?? usage;
        const choice = chunk.choices?.[0];
        const content = choice?.delta?.content ?? choice?.text;
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

  private parseChunk(data: string, model: string): TogetherGeneration {
    let chunk: TogetherGeneration;
    try {
      chunk = JSON.parse(data) as TogetherGeneration;
    } catch {
      throw protocolError('the stream sent a malformed chunk', this.ctx(model));
    }
    if (chunk.error) {
      throw errorFromResponse(500, {}, JSON.stringify({ error: chunk.error }), this.ctx(model));
    }
    return chunk;
  }
}
