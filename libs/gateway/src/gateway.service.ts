import { Injectable } from '@nestjs/common';
import { ApiConfig } from '@tiergate/config';
import { ArtifactService, measureAudio } from '@tiergate/media';
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
import { RequestPipeline } from './request-pipeline';
import type { UsageDemand } from './usage-meter';

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
    const { messages, sampling, tools } = request;
    return this.pipeline.run(
      request,
      modality,
      (call, granted) =>
        call.provider.chat({ ...sampling, ...granted, model: call.model, messages, tools }, call.context),
      {
        demand: textDemand(request, chatPromptTokens(request), false),
        usageOf: (answer) => answer.usage,
        cache: this.pipeline.answerCache(request, modality, { messages, sampling, tools }),
      },
    );
  }

  chatStream(request: GatewayChatRequest): Promise<GatewayTextStream> {
    const modality = request.modality ?? 'chat';
    const { messages, sampling, tools } = request;
    return this.pipeline.runStream(
      request,
      modality,
      {
        demand: textDemand(request, chatPromptTokens(request), true),
        cache: this.pipeline.answerCache(request, modality, { messages, sampling, tools }),
      },
      // A rescue continues from the partial answer, sent as an assistant prefix.
      (call, granted, partial) =>
        call.provider.chatStream(
          {
            ...sampling,
            ...granted,
            model: call.model,
            messages: partial ? [...messages, { role: 'assistant', content: partial }] : messages,
            tools,
          },
          call.context,
        ),
    );
  }

  complete(request: GatewayCompletionRequest): Promise<GatewayTextResult> {
    const { prompt, sampling } = request;
    return this.pipeline.run(
      request,
      'text',
      (call, granted) =>
        call.provider.complete({ ...sampling, ...granted, model: call.model, prompt }, call.context),
      {
        demand: textDemand(request, countTextTokens(prompt), false),
        usageOf: (answer) => answer.usage,
        cache: this.pipeline.answerCache(request, 'text', { prompt, sampling }),
      },
    );
  }

  completeStream(request: GatewayCompletionRequest): Promise<GatewayTextStream> {
    const { prompt, sampling } = request;
    return this.pipeline.runStream(
      request,
      'text',
      {
        demand: textDemand(request, countTextTokens(prompt), true),
        cache: this.pipeline.answerCache(request, 'text', { prompt, sampling }),
      },
      // A rescue continues the raw prompt with the partial answer appended.
      (call, granted, partial) =>
        call.provider.completeStream(
          { ...sampling, ...granted, model: call.model, prompt: prompt + (partial ?? '') },
          call.context,
        ),
    );
  }

  /** Generates images and stores each one; the answer carries signed links. */
  async generateImages(request: GatewayImageRequest): Promise<Served<GeneratedImageFile[]>> {
    const megapixels = ((request.width ?? 1024) * (request.height ?? 1024)) / 1_000_000;
    const { result, source, rateLimit } = await this.pipeline.run(
      request,
      'image',
      (call) => call.provider.generateImages({ ...imageFields(request), model: call.model }, call.context),
      {
        demand: { stream: false },
        usageOf: (generated) => ({
          images: generated.images.length,
          megapixels: generated.images.length * megapixels,
        }),
      },
    );
    const files = await Promise.all(
      result.images.map(async (image) => ({
        ...(await this.artifacts.save(image.data, image.contentType)),
        data: image.data,
      })),
    );
    return { result: files, source, rateLimit };
  }

  /** Measures the audio (refusing what is not audio before any upstream call), then transcribes it. */
  async transcribe(request: GatewayTranscriptionRequest): Promise<Served<TranscriptionResult>> {
    const info = await measureAudio(request.audio, request.field, request.contentType);
    const { result, source, rateLimit } = await this.pipeline.run(
      request,
      'audio_stt',
      (call) =>
        call.provider.transcribe(
          {
            model: call.model,
            task: request.task,
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
        demand: { stream: false, audioSeconds: info.durationSeconds },
        usageOf: () => ({ audioSeconds: info.durationSeconds }),
      },
    );
    return { result: { ...result, durationSeconds: info.durationSeconds }, source, rateLimit };
  }

  /** Minutes are reserved from the text's length and settled to the measured audio. */
  async speak(request: GatewaySpeechRequest): Promise<Served<SpeechResult>> {
    const { result, source, rateLimit, ticket } = await this.pipeline.open(
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
      { demand: { stream: false, audioSeconds: request.input.length / SPOKEN_CHARACTERS_PER_SECOND } },
    );
    try {
      const durationSeconds =
        result.format === 'raw'
          ? Math.round((result.audio.length / PCM_BYTES_PER_SECOND) * 1000) / 1000
          : (await measureAudio(result.audio, 'audio', result.contentType)).durationSeconds;
      const characters = request.input.length;
      const costUsd = await ticket.settle({ audioSeconds: durationSeconds, characters }, source);
      const artifact = request.store
        ? await this.artifacts.save(result.audio, result.contentType)
        : undefined;
      const speech = {
        audio: result.audio,
        contentType: result.contentType,
        durationSeconds,
        characters,
        artifact,
      };
      return { result: speech, source: { ...source, costUsd }, rateLimit };
    } catch (error) {
      // Audio that cannot be measured is not charged (it is settled first when it can be).
      await ticket.fail(error, source);
      throw error;
    }
  }

  embed(request: GatewayEmbeddingRequest): Promise<Served<Embeddings>> {
    const promptTokens = countTextTokens(request.input);
    return this.pipeline.run(
      request,
      'embedding',
      (call) => call.provider.embed({ model: call.model, input: request.input }, call.context),
      {
        demand: { stream: false, promptTokens, maxTokens: 0 },
        usageOf: (result) => {
          const tokens = result.usage?.totalTokens ?? promptTokens;
          return { promptTokens: tokens, totalTokens: tokens };
        },
      },
    );
  }
}

/** A chat's prompt tokens: its messages, and the tools it describes (sent to the model as text). */
function chatPromptTokens({ messages, tools }: GatewayChatRequest): number {
  return countPromptTokens(messages) + (tools ? countTextTokens(JSON.stringify(tools.definitions)) : 0);
}

/** What a text request will use: its prompt, and the max_tokens it asked for of each of its answers. */
function textDemand(
  request: GatewayChatRequest | GatewayCompletionRequest,
  promptTokens: number,
  stream: boolean,
): UsageDemand & { promptTokens: number } {
  const { maxTokens, choices } = request.sampling;
  return { stream, promptTokens, maxTokens, choices };
}

function imageFields({ prompt, negativePrompt, width, height, steps, n, seed }: GatewayImageRequest) {
  return { prompt, negativePrompt, width, height, steps, n, seed };
}
