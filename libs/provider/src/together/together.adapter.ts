import { randomUUID } from 'node:crypto';
import { request as undiciRequest } from 'undici';
import { sniffImageType } from '@tiergate/common';
import { UpstreamHttpClient, UpstreamRequest, UpstreamResponse } from '../http/upstream-http.client';
import type {
  CatalogModel,
  ChatRequest,
  CompletionRequest,
  EmbeddingRequest,
  Embeddings,
  GeneratedImage,
  ImageGeneration,
  ImageRequest,
  LlmProvider,
  ProviderCallContext,
  SpeechAudio,
  SpeechRequest,
  TextGeneration,
  TextStream,
  Transcription,
  TranscriptionRequest,
} from '../llm-provider';
import { ProviderError } from '../provider.errors';
import { errorFromResponse, errorFromTransport, protocolError } from './together-errors';
import {
  chatRequestBody,
  completionRequestBody,
  embeddingRequestBody,
  imageRequestBody,
  SPEECH_CONTENT_TYPES,
  speechRequestBody,
  toCatalogModels,
  toEmbeddings,
  toTextGeneration,
  toTranscription,
  transcriptionForm,
} from './together.mapping';
import { togetherStreamEvents } from './together.stream';
import type {
  TogetherEmbeddings,
  TogetherGeneration,
  TogetherImageResponse,
  TogetherModel,
  TogetherTranscription,
} from './together.types';

const MAX_ERROR_BODY_BYTES = 64 * 1024;
const IMAGE_DOWNLOAD_TIMEOUT_MS = 30_000;

/** Who an adapter answers as: its registry id and the name shown in errors and the dashboard. */
export interface ProviderIdentity {
  id: string;
  displayName: string;
}

export const TOGETHER_AI: ProviderIdentity = { id: 'together_ai', displayName: 'Together AI' };

export interface TogetherAdapterOptions {
  /** Together AI's unless another server speaking the dialect is behind the client. */
  identity?: ProviderIdentity;
  /**
   * Whether close() closes the HTTP client: true when the client was made for this adapter
   * alone, false (the default) when its creator shares it and closes it (ProviderModule).
   */
  ownsHttp?: boolean;
}

/**
 * Together AI's dialect, spoken to Together or to any server that speaks it (apps/upstream-sim,
 * an OpenAI-compatible vendor an admin adds): one pooled HTTP client, every endpoint Tiergate
 * serves, under the identity it is given.
 */
export class TogetherAdapter implements LlmProvider {
  readonly id: string;
  readonly displayName: string;
  private readonly ownsHttp: boolean;

  constructor(
    private readonly http: UpstreamHttpClient,
    { identity = TOGETHER_AI, ownsHttp = false }: TogetherAdapterOptions = {},
  ) {
    this.id = identity.id;
    this.displayName = identity.displayName;
    this.ownsHttp = ownsHttp;
  }

  /** Closes the HTTP client if this adapter owns it; a shared client is left to its creator. */
  async close(): Promise<void> {
    if (this.ownsHttp) await this.http.close();
  }

  chat(request: ChatRequest, context: ProviderCallContext): Promise<TextGeneration> {
    return this.generate('/chat/completions', chatRequestBody(request), context);
  }

  chatStream(request: ChatRequest, context: ProviderCallContext): Promise<TextStream> {
    return this.generateStream('/chat/completions', chatRequestBody(request), context);
  }

  complete(request: CompletionRequest, context: ProviderCallContext): Promise<TextGeneration> {
    return this.generate('/completions', completionRequestBody(request), context);
  }

  completeStream(request: CompletionRequest, context: ProviderCallContext): Promise<TextStream> {
    return this.generateStream('/completions', completionRequestBody(request), context);
  }

  async generateImages(request: ImageRequest, context: ProviderCallContext): Promise<ImageGeneration> {
    const json = await this.json<TogetherImageResponse>(
      { method: 'POST', path: '/images/generations', body: imageRequestBody(request) },
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
    const json = await this.json<TogetherTranscription>(
      {
        method: 'POST',
        path: request.task === 'translate' ? '/audio/translations' : '/audio/transcriptions',
        form: transcriptionForm(request),
      },
      request.model,
      context,
    );
    return toTranscription(json, this.ctx(request.model));
  }

  async speak(request: SpeechRequest, context: ProviderCallContext): Promise<SpeechAudio> {
    const body = speechRequestBody(request);
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
    const json = await this.json<TogetherEmbeddings>(
      { method: 'POST', path: '/embeddings', body: embeddingRequestBody(request) },
      request.model,
      context,
    );
    return toEmbeddings(json, request, this.ctx(request.model));
  }

  async listModels(context: ProviderCallContext): Promise<CatalogModel[]> {
    const json = await this.json<TogetherModel[] | { data?: TogetherModel[] }>(
      { method: 'GET', path: '/models' },
      undefined,
      context,
    );
    return toCatalogModels(json);
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
    return toTextGeneration(json, model, this.ctx(model));
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
    const events = togetherStreamEvents(response, this.http, this.ctx(model));
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
}
