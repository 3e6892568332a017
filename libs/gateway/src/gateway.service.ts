import { Injectable } from '@nestjs/common';
import { DomainError, ErrorCode } from '@tiergate/common';
import { ApiConfig } from '@tiergate/config';
import { FallbackChain, type ChainResult } from '@tiergate/fallback-manager';
import { FeatureGate } from '@tiergate/flags';
import { ArtifactService, measureAudio } from '@tiergate/media';
import { ModelNotAllowedError, ModelSelector, type ModelCandidate } from '@tiergate/model-selector';
import { UpstreamKeyResolver } from '@tiergate/key-manager';
import { ProviderRegistry, TextGeneration, TextStream, TextStreamEvent } from '@tiergate/provider';
import {
  Admission,
  countPromptTokens,
  countTextTokens,
  featureOf,
  QuotaService,
  type QuotaDemand,
  type UsageActuals,
} from '@tiergate/quota';
import { CatalogService } from './catalog.service';
import { ModelCaller, type ModelCall } from './model-caller';
import { ResponseCache } from './response-cache';
import { replayFirst, StreamRescue, type OpenedStream } from './stream-rescue';
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
/** Speech runs at about 15 characters a second: the estimate its minutes are reserved by. */
const SPOKEN_CHARACTERS_PER_SECOND = 15;

/** How a request counts against quotas: what it will use, and what it used once answered. */
interface QuotaPlan<T> {
  demand: Pick<QuotaDemand, 'promptTokens' | 'maxTokens' | 'audioSeconds' | 'stream'>;
  /** Adjusts the request to the reservation (max_tokens capped by tokens_per_request). */
  apply?: (admission: Admission) => void;
  actual: (result: T) => UsageActuals;
  /** Settled by the caller later (streams when they end, speech once measured). */
  deferSettle?: boolean;
}

/** The last good answer to a text request: read when every model failed, written after a success. */
interface AnswerCachePolicy<T> {
  read: () => Promise<T | undefined>;
  write: (result: T) => void;
  /** The caller asked for a cached answer first (and the request is deterministic). */
  preferred: boolean;
}

/**
 * The request pipeline, written once for every modality and both surfaces: select the models for
 * the caller's tier, walk the fallback chain (each model called with the right key and retries),
 * describe where the answer came from. Quotas and usage events slot in here, not in controllers.
 */
@Injectable()
export class GatewayService {
  constructor(
    private readonly providers: ProviderRegistry,
    private readonly config: ApiConfig,
    private readonly artifacts: ArtifactService,
    private readonly gate: FeatureGate,
    private readonly selector: ModelSelector,
    private readonly catalog: CatalogService,
    private readonly fallbacks: FallbackChain,
    private readonly caller: ModelCaller,
    private readonly answers: ResponseCache,
    private readonly rescue: StreamRescue,
    private readonly quota: QuotaService,
    private readonly keys: UpstreamKeyResolver,
  ) {}

  chat(request: GatewayChatRequest): Promise<GatewayTextResult> {
    const modality = request.modality ?? 'chat';
    return this.run(
      request,
      modality,
      (call) =>
        call.provider.chat(
          { ...sampling(request), model: call.model, messages: request.messages },
          call.context,
        ),
      {
        cache: this.answerCache(request, modality, { messages: request.messages }),
        quota: textQuota(request, countPromptTokens(request.messages), false),
      },
    );
  }

  chatStream(request: GatewayChatRequest): Promise<GatewayTextStream> {
    const modality = request.modality ?? 'chat';
    const cache = this.answerCache(request, modality, { messages: request.messages });
    // A rescue continues from the partial answer, sent as an assistant prefix.
    const quota = textQuota(request, countPromptTokens(request.messages), true);
    return this.runStream(request, modality, cache, quota, (call, partial) =>
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
    return this.run(
      request,
      'text',
      (call) =>
        call.provider.complete(
          { ...sampling(request), model: call.model, prompt: request.prompt },
          call.context,
        ),
      {
        cache: this.answerCache(request, 'text', { prompt: request.prompt }),
        quota: textQuota(request, countTextTokens(request.prompt), false),
      },
    );
  }

  completeStream(request: GatewayCompletionRequest): Promise<GatewayTextStream> {
    const cache = this.answerCache(request, 'text', { prompt: request.prompt });
    // A rescue continues the raw prompt with the partial answer appended.
    const quota = textQuota(request, countTextTokens(request.prompt), true);
    return this.runStream(request, 'text', cache, quota, (call, partial) =>
      call.provider.completeStream(
        { ...sampling(request), model: call.model, prompt: request.prompt + (partial ?? '') },
        call.context,
      ),
    );
  }

  /** Generates images and stores each one; the answer carries signed links. */
  async generateImages(request: GatewayImageRequest): Promise<Served<GeneratedImageFile[]>> {
    const { result, source } = await this.run(
      request,
      'image',
      (call) => call.provider.generateImages({ ...imageFields(request), model: call.model }, call.context),
      { quota: { demand: { stream: false }, actual: () => ({}) } },
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
    const minutes: QuotaPlan<unknown> = {
      demand: { stream: false, audioSeconds: info.durationSeconds },
      actual: () => ({ audioSeconds: info.durationSeconds }),
    };
    const { result, source } = await this.run(
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
      { quota: minutes },
    );
    return { result: { ...result, durationSeconds: info.durationSeconds }, source };
  }

  async speak(request: GatewaySpeechRequest): Promise<Served<SpeechResult>> {
    // Minutes are reserved from the text's length and settled to the measured audio.
    const quota: QuotaPlan<unknown> = {
      demand: { stream: false, audioSeconds: request.input.length / SPOKEN_CHARACTERS_PER_SECOND },
      actual: () => ({}),
      deferSettle: true,
    };
    const { result, source, admission } = await this.run(
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
      { quota },
    );
    const durationSeconds =
      result.format === 'raw'
        ? Math.round((result.audio.length / PCM_BYTES_PER_SECOND) * 1000) / 1000
        : (await measureAudio(result.audio, 'audio', result.contentType)).durationSeconds;
    if (admission) await this.quota.settle(admission, { audioSeconds: durationSeconds });
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
    return this.run(
      request,
      'embedding',
      (call) => call.provider.embed({ model: call.model, input: request.input }, call.context),
      {
        quota: {
          demand: { stream: false, promptTokens, maxTokens: 0 },
          actual: (result) => ({ tokens: result.usage?.totalTokens ?? promptTokens }),
        },
      },
    );
  }

  /** The models to try: the tier's route (or a model the caller may name), fallbacks when enabled. */
  private async chainFor(request: GatewayRequestBase, modality: Modality): Promise<ModelCandidate[]> {
    const { tier } = request.caller;
    try {
      const { chain } = this.selector.select({
        tier,
        modality,
        purpose: request.purpose,
        model: request.model,
      });
      return this.gate.fallbackEnabled ? chain : chain.slice(0, 1);
    } catch (error) {
      // A model nobody serves is a bad request, not a permission problem.
      if (
        error instanceof ModelNotAllowedError &&
        (await this.catalog.find(request.model!).catch(() => true)) === undefined
      )
        throw new DomainError(ErrorCode.ModelNotAvailable, `Model ${request.model} does not exist`, {
          param: 'model',
        });
      throw error;
    }
  }

  /**
   * One request through the fallback chain. Each model is called with the right key and retries;
   * the chain moves on for the provider's failures, skips models whose breaker is open, respects
   * the chain's time budget, and ends with the cached answer when there is one.
   */
  private async run<T>(
    request: GatewayRequestBase,
    modality: Modality,
    invoke: (call: ModelCall) => Promise<T>,
    options: { cache?: AnswerCachePolicy<T>; quota?: QuotaPlan<T> } = {},
  ): Promise<Served<T> & { chain: ModelCandidate[]; candidate: ModelCandidate; admission?: Admission }> {
    const { cache, quota } = options;
    const chain = await this.chainFor(request, modality);
    // Quotas are reserved once, before the chain: a fallback never counts twice.
    const admission = quota && (await this.admit(request, modality, chain[0], quota));
    try {
      const hit = cache?.preferred ? await cache.read() : undefined;
      if (hit !== undefined) {
        // Asked for, deterministic, and answered before: served from the cache, at no cost.
        const outcome: ChainResult<T> = {
          result: hit,
          candidate: chain[0],
          strategy: null,
          fallbackReason: null,
          failures: [],
        };
        const source = { ...this.describe(request, outcome, undefined, 0), cached: true };
        if (admission) await this.quota.settle(admission, { tokens: 0 });
        request.onServed?.(source);
        return { result: hit, source, chain, candidate: chain[0], admission };
      }
      let attempts = 0;
      let answered: ModelCall | undefined;
      const outcome = await this.fallbacks.run(
        {
          chain,
          deadline: Date.now() + this.config.fallback.chainBudgetMs,
          signal: request.signal,
          contextLength: (candidate) =>
            this.catalog.find(candidate.model).then((m) => m?.contextLength ?? null),
          cached: cache && this.gate.fallbackEnabled ? cache.read : undefined,
        },
        async (candidate) => {
          const { result, call } = await this.caller.call(request, candidate, invoke, () => (attempts += 1));
          answered = call;
          return result;
        },
      );
      if (cache && outcome.strategy !== 'CACHED_RESPONSE') cache.write(outcome.result);
      if (admission && !quota.deferSettle)
        await this.quota.settle(
          admission,
          outcome.strategy === 'CACHED_RESPONSE' ? { tokens: 0 } : quota.actual(outcome.result),
        );
      const source = this.describe(request, outcome, answered, attempts);
      request.onServed?.(source);
      return { result: outcome.result, source, chain, candidate: outcome.candidate, admission };
    } catch (error) {
      // The upstream gave nothing: everything reserved is given back.
      if (admission) await this.quota.refund(admission);
      throw error;
    }
  }

  /** Reserves the request against the caller's quota and rate limits (their own key: rate limits only). */
  private async admit<T>(
    request: GatewayRequestBase,
    modality: Modality,
    primary: ModelCandidate,
    plan: QuotaPlan<T>,
  ) {
    const admission = await this.quota.admit({
      ...plan.demand,
      caller: request.caller,
      feature: featureOf(modality),
      ownKey: await this.keys.usesOwnKey(request.caller, primary.providerId),
    });
    plan.apply?.(admission);
    request.onQuota?.(admission.headers);
    return admission;
  }

  /** Where the answer came from, for the indicator fields and headers. */
  private describe<T>(
    request: GatewayRequestBase,
    outcome: ChainResult<T>,
    answered: ModelCall | undefined,
    attempts: number,
  ): AnswerSource {
    const provider =
      answered?.provider ?? this.providers.get(outcome.candidate.providerId) ?? this.providers.primary;
    const reported = (outcome.result as { model?: unknown }).model;
    const isFallback = outcome.strategy !== null;
    return {
      providerId: provider.id,
      providerName: provider.displayName,
      requestedModel: request.model ?? null,
      servedModel: typeof reported === 'string' && reported ? reported : outcome.candidate.model,
      attempts,
      keySource: answered?.credential.source ?? 'system',
      isFallback,
      fallbackStrategy: outcome.strategy,
      fallbackReason: outcome.fallbackReason,
      cached: outcome.strategy === 'CACHED_RESPONSE',
      indicator: this.gate.indicatorsEnabled
        ? {
            providerId: provider.id,
            displayName: provider.displayName,
            isFreeTier: request.caller.tier === 'free',
            isFallback,
          }
        : null,
    };
  }

  /**
   * Settles a stream's reservation when it ends: to the usage the upstream reported, or, when the
   * client left early or the stream broke, to the prompt plus the tokens that were streamed.
   */
  private async *settledWhenDone(
    events: AsyncGenerator<TextStreamEvent>,
    admission: Admission,
    promptTokens: number,
  ): AsyncGenerator<TextStreamEvent> {
    let reported: number | undefined;
    const streamed: string[] = [];
    try {
      for await (const event of events) {
        if (event.type === 'delta') streamed.push(event.content);
        else if (event.usage) reported = event.usage.totalTokens;
        yield event;
      }
    } finally {
      await this.quota.settle(admission, {
        tokens: reported ?? promptTokens + countTextTokens(streamed.join('')),
      });
    }
  }

  /** The cached-answer fallback for a text request, keyed by what shapes the answer. */
  private answerCache(
    request: GatewayChatRequest | GatewayCompletionRequest,
    modality: Modality,
    input: object,
  ): AnswerCachePolicy<TextGeneration> {
    const key = this.answers.keyFor({
      tier: request.caller.tier,
      modality,
      purpose: request.purpose ?? null,
      model: request.model ?? null,
      ...input,
      ...sampling(request),
    });
    return {
      read: () => this.answers.read(key),
      write: (answer) => this.answers.write(key, answer),
      preferred: request.preferCached === true && request.temperature === 0,
    };
  }

  /**
   * Opens a stream and waits for its first event before answering, so every failure up to the
   * first token can still be retried or sent to the next model (and reported with a proper HTTP
   * status). A finished stream's text is kept for the cached-answer fallback.
   */
  private async runStream(
    request: GatewayRequestBase,
    modality: Modality,
    cache: AnswerCachePolicy<TextGeneration>,
    quota: QuotaPlan<OpenedStream> & { promptTokens: number },
    open: (call: ModelCall, partial?: string) => Promise<TextStream>,
  ): Promise<GatewayTextStream> {
    const streamCache: AnswerCachePolicy<OpenedStream> = {
      read: async () => {
        const answer = await cache.read();
        return answer && (await openedFrom(answer));
      },
      write: () => undefined,
      preferred: cache.preferred,
    };
    const { result, source, chain, candidate, admission } = await this.run(
      request,
      modality,
      async (call) => startStream(await open(call)),
      { cache: streamCache, quota: { ...quota, deferSettle: true } },
    );
    let events = replayFirst(result.iterator, result.first);
    if (admission) events = this.settledWhenDone(events, admission, quota.promptTokens);
    if (source.cached) return { source, events };
    if (this.gate.fallbackEnabled)
      events = this.rescue.guard(events, {
        request,
        source,
        candidates: chain.slice(chain.indexOf(candidate) + 1),
        open: async (call, partial) => startStream(await open(call, partial)),
      });
    return { source, events: keepAnswer(events, result, cache) };
  }
}

/** Sizes the quota reservation of a text request, and caps its max_tokens to what was reserved. */
function textQuota<T extends TextGeneration | OpenedStream>(
  request: GatewayChatRequest | GatewayCompletionRequest,
  promptTokens: number,
  stream: boolean,
): QuotaPlan<T> & { promptTokens: number } {
  return {
    promptTokens,
    demand: { stream, promptTokens, maxTokens: request.maxTokens },
    apply: (admission) => (request.maxTokens = admission.maxTokens),
    actual: (result) => ({ tokens: 'usage' in result ? result.usage.totalTokens : undefined }),
  };
}

/** Opens a stream and waits for its first event (so failures up to it can still fall back). */
async function startStream(stream: TextStream): Promise<OpenedStream> {
  const iterator = stream[Symbol.asyncIterator]();
  const first = await iterator.next();
  return { iterator, first, model: stream.model, id: stream.id };
}

/** A cached answer, replayed as a stream. */
async function openedFrom(answer: TextGeneration): Promise<OpenedStream> {
  const items: TextStreamEvent[] = [
    { type: 'delta', content: answer.content },
    { type: 'end', finishReason: answer.finishReason, usage: answer.usage },
  ];
  const iterator: AsyncIterator<TextStreamEvent> = {
    next: () =>
      Promise.resolve(
        items.length ? { done: false, value: items.shift()! } : { done: true, value: undefined },
      ),
  };
  return { id: answer.id, model: answer.model, iterator, first: await iterator.next() };
}

/** Answers longer than this are not kept for the cached-answer fallback (bounded memory per stream). */
const MAX_CACHED_ANSWER_CHARS = 64 * 1024;

/** Passes the events on, and caches the whole text once the stream has ended cleanly. */
async function* keepAnswer(
  events: AsyncGenerator<TextStreamEvent>,
  stream: { id: string; model: string },
  cache: AnswerCachePolicy<TextGeneration>,
): AsyncGenerator<TextStreamEvent> {
  let parts: string[] | undefined = [];
  let length = 0;
  for await (const event of events) {
    if (event.type === 'delta' && parts) {
      length += event.content.length;
      if (length > MAX_CACHED_ANSWER_CHARS) parts = undefined;
      else parts.push(event.content);
    } else if (event.type === 'end' && event.usage && parts) {
      const content = parts.join('');
      cache.write({
        id: stream.id,
        model: stream.model,
        content,
        finishReason: event.finishReason,
        usage: event.usage,
      });
    }
    yield event;
  }
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
