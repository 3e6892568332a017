import { Injectable } from '@nestjs/common';
import { ApiConfig } from '@tiergate/config';
import { ArtifactService, measureAudio } from '@tiergate/media';
import type { TextGeneration } from '@tiergate/provider';
import { countPromptTokens, countTextTokens } from '@tiergate/quota';
import type {
  Embeddings,
  GatewayChatRequest,
  GatewayCompletionRequest,
  GatewayEmbeddingRequest,
  GatewayImageRequest,
  GatewaySpeechRequest,
  GatewayTextResult,
  GatewayTextStream,
  GatewayTranscriptionRequest,
  GeneratedImageFile,
  Served,
  SpeechResult,
  TranscriptionResult,
} from './gateway.types';
import type { Metering } from './metering';
import { RequestPipeline } from './request-pipeline';
import type { OpenedStream } from './stream-rescue';

const PCM_BYTES_PER_SECOND = 24_000 * 2; // raw speech: 16-bit mono at 24 kHz
/** Speech runs at about 15 characters a second: the estimate its minutes are reserved by. */
const SPOKEN_CHARACTERS_PER_SECOND = 15;

/**
 * Every modality, written once for both surfaces: each method says how to call the provider and
 * how the request is counted; the RequestPipeline does the rest (models, quota, fallbacks, keys,
 * the answer's source, its cost and its usage event).
 */
@Injectable()
export class GatewayService {
  constructor(
    private readonly pipeline: RequestPipeline,
    private readonly config: ApiConfig,
    private readonly artifacts: ArtifactService,
  ) {}

  chat(request: GatewayChatRequest): Promise<GatewayTextResult> {
    const modality = request.modality ?? 'chat';
    return this.pipeline.run(
      request,
      modality,
      (call) =>
        call.provider.chat(
          { ...sampling(request), model: call.model, messages: request.messages },
          call.context,
        ),
      {
        cache: this.pipeline.answerCache(request, modality, {
          messages: request.messages,
          ...sampling(request),
        }),
        metering: textMetering(request, countPromptTokens(request.messages), false),
      },
    );
  }

  chatStream(request: GatewayChatRequest): Promise<GatewayTextStream> {
    const modality = request.modality ?? 'chat';
    const cache = this.pipeline.answerCache(request, modality, {
      messages: request.messages,
      ...sampling(request),
    });
    const metering = textMetering<OpenedStream>(request, countPromptTokens(request.messages), true);
    // A rescue continues from the partial answer, sent as an assistant prefix.
    return this.pipeline.runStream(request, modality, cache, metering, (call, partial) =>
      call.provider.chatStream(
        {
          ...sampling(request),
          model: call.model,
          messages: partial
            ? [...request.messages, { role: 'assistant', content: partial }]
            : request.messages,
        },
        call.context,
      ),
    );
  }

  complete(request: GatewayCompletionRequest): Promise<GatewayTextResult> {
    return this.pipeline.run(
      request,
      'text',
      (call) =>
        call.provider.complete(
          { ...sampling(request), model: call.model, prompt: request.prompt },
          call.context,
        ),
      {
        cache: this.pipeline.answerCache(request, 'text', { prompt: request.prompt, ...sampling(request) }),
        metering: textMetering(request, countTextTokens(request.prompt), false),
      },
    );
  }

  completeStream(request: GatewayCompletionRequest): Promise<GatewayTextStream> {
    const cache = this.pipeline.answerCache(request, 'text', {
      prompt: request.prompt,
      ...sampling(request),
    });
    const metering = textMetering<OpenedStream>(request, countTextTokens(request.prompt), true);
    // A rescue continues the raw prompt with the partial answer appended.
    return this.pipeline.runStream(request, 'text', cache, metering, (call, partial) =>
      call.provider.completeStream(
        { ...sampling(request), model: call.model, prompt: request.prompt + (partial ?? '') },
        call.context,
      ),
    );
  }

  /** Generates images and stores each one; the answer carries signed links. */
  async generateImages(request: GatewayImageRequest): Promise<Served<GeneratedImageFile[]>> {
    const megapixels = ((request.width ?? 1024) * (request.height ?? 1024)) / 1_000_000;
    const { result, source } = await this.pipeline.run(
      request,
      'image',
      (call) => call.provider.generateImages({ ...imageFields(request), model: call.model }, call.context),
      {
        metering: {
          demand: { stream: false },
          facts: (generated) => ({
            images: generated.images.length,
            megapixels: generated.images.length * megapixels,
          }),
        },
      },
    );
    const files = await Promise.all(
      result.images.map(async (image) => ({
        ...(await this.artifacts.save(image.data, image.contentType)),
        data: image.data,
      })),
    );
    return { result: files, source };
  }

  /** Measures the audio (refusing what is not audio before any upstream call), then transcribes it. */
  async transcribe(request: GatewayTranscriptionRequest): Promise<Served<TranscriptionResult>> {
    const info = await measureAudio(request.audio, request.field, request.contentType);
    const { result, source } = await this.pipeline.run(
      request,
      'audio_stt',
      (call) =>
        call.provider.transcribe(
          {
            model: call.model,
            audio: request.audio,
            filename: request.filename,
            contentType: info.mimeType,
            language: request.language,
            prompt: request.prompt,
            temperature: request.temperature,
          },
          call.context,
        ),
      {
        metering: {
          demand: { stream: false, audioSeconds: info.durationSeconds },
          facts: () => ({ audioSeconds: info.durationSeconds }),
        },
      },
    );
    return { result: { ...result, durationSeconds: info.durationSeconds }, source };
  }

  async speak(request: GatewaySpeechRequest): Promise<Served<SpeechResult>> {
    // Minutes are reserved from the text's length and settled to the measured audio.
    const metering: Metering<unknown> = {
      demand: { stream: false, audioSeconds: request.input.length / SPOKEN_CHARACTERS_PER_SECOND },
      facts: () => ({}),
      deferred: true,
    };
    const { result, source, admission, startedAt } = await this.pipeline.run(
      request,
      'audio_tts',
      (call) =>
        call.provider.speak(
          {
            model: call.model,
            input: request.input,
            voice: request.voice ?? this.config.models.ttsVoice,
            format: request.format,
            language: request.language,
          },
          call.context,
        ),
      { metering },
    );
    const durationSeconds =
      result.format === 'raw'
        ? Math.round((result.audio.length / PCM_BYTES_PER_SECOND) * 1000) / 1000
        : (await measureAudio(result.audio, 'audio', result.contentType)).durationSeconds;
    await this.pipeline.finish(
      request,
      'audio_tts',
      startedAt,
      source,
      admission,
      { audioSeconds: durationSeconds, characters: request.input.length },
      metering,
    );
    const artifact = request.store ? await this.artifacts.save(result.audio, result.contentType) : undefined;
    return {
      result: {
        audio: result.audio,
        contentType: result.contentType,
        durationSeconds,
        characters: request.input.length,
        artifact,
      },
      source,
    };
  }

  embed(request: GatewayEmbeddingRequest): Promise<Served<Embeddings>> {
    const promptTokens = countTextTokens(request.input);
    return this.pipeline.run(
      request,
      'embedding',
      (call) => call.provider.embed({ model: call.model, input: request.input }, call.context),
      {
        metering: {
          demand: { stream: false, promptTokens, maxTokens: 0 },
          facts: (result) => {
            const tokens = result.usage?.totalTokens ?? promptTokens;
            return { promptTokens: tokens, totalTokens: tokens };
          },
        },
      },
    );
  }
}

/** How a text request is counted: its prompt and max_tokens before, the reported usage after. */
function textMetering<T extends TextGeneration | OpenedStream>(
  request: GatewayChatRequest | GatewayCompletionRequest,
  promptTokens: number,
  stream: boolean,
): Metering<T> & { promptTokens: number } {
  return {
    promptTokens,
    demand: { stream, promptTokens, maxTokens: request.maxTokens },
    apply: (admission) => (request.maxTokens = admission.maxTokens),
    facts: (result) =>
      'usage' in result
        ? {
            promptTokens: result.usage.promptTokens,
            completionTokens: result.usage.completionTokens,
            totalTokens: result.usage.totalTokens,
          }
        : {},
  };
}

function imageFields({ prompt, negativePrompt, width, height, steps, n, seed }: GatewayImageRequest) {
  return { prompt, negativePrompt, width, height, steps, n, seed };
}

function sampling(request: GatewayChatRequest | GatewayCompletionRequest) {
  return {
    maxTokens: request.maxTokens,
    temperature: request.temperature,
    topP: request.topP,
    stop: request.stop,
    seed: request.seed,
  };
}
