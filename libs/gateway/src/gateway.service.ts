import { Injectable, Logger } from '@nestjs/common';
import { ErrorCode } from '@tiergate/common';
import { ApiConfig } from '@tiergate/config';
import { FeatureGate } from '@tiergate/flags';
import { UpstreamKeyResolver, UserKeyRejectedError, type UpstreamCredential } from '@tiergate/key-manager';
import { ArtifactService, measureAudio } from '@tiergate/media';
import {
  LlmProvider,
  ProviderCallContext,
  ProviderError,
  ProviderRegistry,
  TextStream,
  TextStreamEvent,
  withRetries,
} from '@tiergate/provider';
import type {
  AnswerSource,
  Embeddings,
  GatewayChatRequest,
  GatewayCompletionRequest,
  GatewayEmbeddingRequest,
  GatewayImageRequest,
  GatewayRequestBase,
  GatewaySpeechRequest,
  GatewayTextResult,
  GatewayTextStream,
  GatewayTranscriptionRequest,
  GeneratedImageFile,
  Modality,
  Served,
  SpeechResult,
  TranscriptionResult,
} from './gateway.types';

const PCM_BYTES_PER_SECOND = 24_000 * 2; // raw speech: 16-bit mono at 24 kHz

interface Plan {
  provider: LlmProvider;
  model: string;
  credential: UpstreamCredential;
  context: ProviderCallContext;
  source: AnswerSource;
}

/**
 * The request pipeline, written once for every modality and both surfaces: select the model,
 * resolve the upstream key, call the provider with retries, describe where the answer came from.
 * Later stages (flags, quotas, fallbacks, usage events) slot in here, not in controllers.
 */
@Injectable()
export class GatewayService {
  private readonly logger = new Logger(GatewayService.name);

  constructor(
    private readonly providers: ProviderRegistry,
    private readonly config: ApiConfig,
    private readonly artifacts: ArtifactService,
    private readonly keys: UpstreamKeyResolver,
    private readonly gate: FeatureGate,
  ) {}

  chat(request: GatewayChatRequest): Promise<GatewayTextResult> {
    return this.run(request, request.modality ?? 'chat', (plan) =>
      plan.provider.chat(
        { ...sampling(request), model: plan.model, messages: request.messages },
        plan.context,
      ),
    );
  }

  chatStream(request: GatewayChatRequest): Promise<GatewayTextStream> {
    return this.runStream(request, request.modality ?? 'chat', (plan) =>
      plan.provider.chatStream(
        { ...sampling(request), model: plan.model, messages: request.messages },
        plan.context,
      ),
    );
  }

  complete(request: GatewayCompletionRequest): Promise<GatewayTextResult> {
    return this.run(request, 'text', (plan) =>
      plan.provider.complete(
        { ...sampling(request), model: plan.model, prompt: request.prompt },
        plan.context,
      ),
    );
  }

  completeStream(request: GatewayCompletionRequest): Promise<GatewayTextStream> {
    return this.runStream(request, 'text', (plan) =>
      plan.provider.completeStream(
        { ...sampling(request), model: plan.model, prompt: request.prompt },
        plan.context,
      ),
    );
  }

  /** Generates images and stores each one; the answer carries signed links. */
  async generateImages(request: GatewayImageRequest): Promise<Served<GeneratedImageFile[]>> {
    const { result, source } = await this.run(request, 'image', (plan) =>
      plan.provider.generateImages({ ...imageFields(request), model: plan.model }, plan.context),
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
    const { result, source } = await this.run(request, 'audio_stt', (plan) =>
      plan.provider.transcribe(
        {
          model: plan.model,
          audio: request.audio,
          filename: request.filename,
          contentType: info.mimeType,
          language: request.language,
          prompt: request.prompt,
          temperature: request.temperature,
        },
        plan.context,
      ),
    );
    return { result: { ...result, durationSeconds: info.durationSeconds }, source };
  }

  async speak(request: GatewaySpeechRequest): Promise<Served<SpeechResult>> {
    const { result, source } = await this.run(request, 'audio_tts', (plan) =>
      plan.provider.speak(
        {
          model: plan.model,
          input: request.input,
          voice: request.voice ?? this.config.models.ttsVoice,
          format: request.format,
          language: request.language,
        },
        plan.context,
      ),
    );
    const durationSeconds =
      result.format === 'raw'
        ? Math.round((result.audio.length / PCM_BYTES_PER_SECOND) * 1000) / 1000
        : (await measureAudio(result.audio, 'audio', result.contentType)).durationSeconds;
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
    return this.run(request, 'embedding', (plan) =>
      plan.provider.embed({ model: plan.model, input: request.input }, plan.context),
    );
  }

  private async plan(request: GatewayRequestBase, modality: Modality): Promise<Plan> {
    const provider = this.providers.primary;
    const model = request.model ?? this.defaultModel(modality);
    const credential = await this.keys.resolve(request.caller, provider.id, provider.displayName);
    return {
      provider,
      model,
      credential,
      context: { apiKey: credential.apiKey, signal: request.signal, requestId: request.requestId },
      source: {
        providerId: provider.id,
        providerName: provider.displayName,
        requestedModel: request.model ?? null,
        servedModel: model,
        attempts: 0,
        keySource: credential.source,
        indicator: null,
      },
    };
  }

  private defaultModel(modality: Modality): string {
    const models = this.config.models;
    const byModality: Record<Modality, string> = {
      chat: models.chat,
      text: models.text,
      code: models.code,
      vision: models.vision,
      image: models.image,
      audio_tts: models.tts,
      audio_stt: models.stt,
      embedding: models.embedding,
    };
    return byModality[modality];
  }

  /**
   * One upstream operation with retries (429, 5xx, failed connections; the budget and retry-after
   * honoured). A key the upstream refuses (401) is marked invalid and the call moves to the next
   * system key, so a bad key costs no request; a user's own refused key fails the request with a
   * message saying so, unless the user chose to fall back to the platform's key.
   */
  private async run<T>(
    request: GatewayRequestBase,
    modality: Modality,
    invoke: (plan: Plan) => Promise<T>,
  ): Promise<Served<T>> {
    const plan = await this.plan(request, modality);
    const tried = new Set<string>();
    for (;;) {
      try {
        const result = await withRetries(
          this.config.upstream.retry,
          () => {
            plan.source.attempts += 1;
            return invoke(plan);
          },
          { signal: request.signal, onRetry: (event) => this.logRetry(request, plan, event) },
        );
        return { result, source: this.served(request, plan, result) };
      } catch (error) {
        if (!isRejectedKey(error)) throw error;
        tried.add(plan.credential.keyId);
        await this.replaceRejectedKey(plan, tried);
      }
    }
  }

  private async replaceRejectedKey(plan: Plan, tried: ReadonlySet<string>): Promise<void> {
    const rejected = plan.credential;
    await this.keys.reportRejected(rejected);
    if (rejected.source === 'user' && !rejected.fallbackToSystem)
      throw new UserKeyRejectedError(rejected.keyHint, 'the provider answered 401');
    plan.credential = await this.keys.systemKey(plan.provider.id, plan.provider.displayName, tried);
    plan.context = { ...plan.context, apiKey: plan.credential.apiKey };
    plan.source.keySource = plan.credential.source;
  }

  /** Completes the answer's source once the upstream has answered, and tells the caller. */
  private served(request: GatewayRequestBase, plan: Plan, result: unknown): AnswerSource {
    this.keys.markUsed(plan.credential);
    const servedModel = (result as { model?: unknown }).model;
    if (typeof servedModel === 'string' && servedModel) plan.source.servedModel = servedModel;
    plan.source.indicator = this.gate.indicatorsEnabled
      ? {
          providerId: plan.provider.id,
          displayName: plan.provider.displayName,
          isFreeTier: request.caller.tier === 'free',
          isFallback: false,
        }
      : null;
    request.onServed?.(plan.source);
    return plan.source;
  }

  /**
   * Opens a stream and waits for its first event before answering, so every failure up to the
   * first token can still be retried (and reported with a proper HTTP status). After the first
   * event has been handed on, nothing is retried.
   */
  private async runStream(
    request: GatewayRequestBase,
    modality: Modality,
    open: (plan: Plan) => Promise<TextStream>,
  ): Promise<GatewayTextStream> {
    const { result, source } = await this.run(request, modality, async (plan) => {
      const stream = await open(plan);
      const iterator = stream[Symbol.asyncIterator]();
      const first = await iterator.next();
      return { iterator, first };
    });
    return { source, events: replayFirst(result.iterator, result.first) };
  }

  private logRetry(
    request: GatewayRequestBase,
    plan: Plan,
    event: { attempt: number; delayMs: number; error: { code: string; message: string } },
  ): void {
    this.logger.warn(
      {
        requestId: request.requestId,
        provider: plan.provider.id,
        model: plan.model,
        retry: event.attempt,
        delayMs: event.delayMs,
        code: event.error.code,
      },
      `Retrying upstream call: ${event.error.message}`,
    );
  }
}

/** The upstream refused the key itself (401), as opposed to the request. */
function isRejectedKey(error: unknown): boolean {
  return (
    error instanceof ProviderError &&
    error.code === ErrorCode.UpstreamAuthFailed &&
    error.upstreamStatus === 401
  );
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

async function* replayFirst(
  iterator: AsyncIterator<TextStreamEvent>,
  first: IteratorResult<TextStreamEvent>,
): AsyncGenerator<TextStreamEvent> {
  try {
    if (first.done) return;
    yield first.value;
    for (let next = await iterator.next(); !next.done; next = await iterator.next()) yield next.value;
  } finally {
    await iterator.return?.();
  }
}
