import { Injectable } from '@nestjs/common';
import { breakerKey } from '@tiergate/fallback-manager';
import type { ModelCandidate } from '@tiergate/model-selector';
import { type TextGeneration, type TextStream, type TextStreamEvent } from '@tiergate/provider';
import { countTextTokens, type Admission } from '@tiergate/quota';
import { SPAN } from '@tiergate/tracing';
import { AnswerSources } from './answer-sources';
import { ChainRunner, type AnswerCachePolicy } from './chain-runner';
import type { AnswerSource, GatewayRequestBase, GatewayTextStream, Modality, Served } from './gateway.types';
import type { Metering, UsageFacts } from './metering';
import type { ModelCall } from './model-caller';
import { ResponseCache } from './response-cache';
import { replayFirst, StreamRescue, type OpenedStream } from './stream-rescue';
import { keepAnswer, openedFrom, startStream } from './text-streams';
import { timedAttempts, timedCache, traceFallback } from './step-telemetry';
import { UsageMeter } from './usage-meter';

export type { AnswerCachePolicy } from './chain-runner';

export interface PipelineResult<T> extends Served<T> {
  chain: ModelCandidate[];
  candidate: ModelCandidate;
  admission?: Admission;
  startedAt: number;
}

/**
 * The request pipeline every modality and surface goes through: choose the models for the tier,
 * reserve the quota once, walk the fallback chain (ChainRunner: each model called with the right
 * key, retried only as the last resort), describe where the answer came from, and settle, price
 * and record it, exactly once whatever the outcome (plus one ledger row per failed attempt that a
 * fallback replaced).
 */
@Injectable()
export class RequestPipeline {
  constructor(
    private readonly chains: ChainRunner,
    private readonly sources: AnswerSources,
    private readonly answers: ResponseCache,
    private readonly rescue: StreamRescue,
    private readonly meter: UsageMeter,
  ) {}

  async run<T>(
    request: GatewayRequestBase,
    modality: Modality,
    invoke: (call: ModelCall) => Promise<T>,
    options: { cache?: AnswerCachePolicy<T>; metering?: Metering<T> } = {},
  ): Promise<PipelineResult<T>> {
    const { metering } = options;
    const cache = timedCache(request, options.cache);
    const startedAt = Date.now();
    let admission: Admission | undefined;
    let source: AnswerSource | undefined;
    try {
      request.trace?.begin(SPAN.selectModels, { 'tiergate.modality': modality });
      const selection = await this.chains.select(request, modality);
      const { chain } = selection;
      request.trace?.end(SPAN.selectModels, { 'tiergate.models': chain.map((c) => c.model) });
      // Quotas are reserved once, before the chain: a fallback never counts twice.
      admission = metering && (await this.admit(request, modality, chain[0], metering));
      const outcome = await this.chains.answer(request, selection, timedAttempts(request, invoke), cache);
      if (cache && outcome.strategy !== 'CACHED_RESPONSE') cache.write(outcome.result);
      this.meter.recordFailedAttempts(
        request,
        modality,
        outcome.failures,
        (failure) => outcome.keySources?.get(breakerKey(failure.candidate)) ?? 'system',
      );
      source = this.sources.describe(request, outcome);
      if (source.cached && request.timings) request.timings.cacheServed = true;
      traceFallback(request, outcome, chain[0].model);
      if (metering && !metering.deferred) {
        const facts = source.cached ? {} : metering.facts(outcome.result);
        await this.finish(request, modality, startedAt, source, admission, facts, metering);
      }
      request.onServed?.(source);
      return { result: outcome.result, source, chain, candidate: outcome.candidate, admission, startedAt };
    } catch (error) {
      request.trace?.fail(error);
      // The upstream gave nothing: everything reserved is given back, and the failure recorded.
      if (admission) await this.meter.refund(admission);
      void this.meter.record({ request, modality, startedAt, source, error });
      throw error;
    }
  }

  /**
   * Settles the quota to the real usage, prices the request and records its usage event. The
   * settlement is sent, not awaited: the answer does not wait for Redis, and anything that reads
   * the counters afterwards on this instance goes down the same connection, behind it.
   */
  async finish<T>(
    request: GatewayRequestBase,
    modality: Modality,
    startedAt: number,
    source: AnswerSource,
    admission: Admission | undefined,
    facts: Partial<UsageFacts>,
    metering: Metering<T>,
    ttftMs?: number,
  ): Promise<void> {
    request.trace?.begin(SPAN.settle);
    void this.meter.settle(admission, facts, metering.demand.promptTokens !== undefined);
    source.costUsd = await this.meter.record({ request, modality, startedAt, source, facts, ttftMs });
    request.trace?.end(SPAN.settle, { 'tiergate.cost_usd': source.costUsd ?? 0 });
  }

  /**
   * Opens a stream and waits for its first event before answering, so every failure up to the
   * first token can still be retried or sent to the next model (and reported with a proper HTTP
   * status). After that: mid-stream rescue, the cached-answer copy, and, when the stream ends
   * (also when the client leaves), the quota settled and the usage recorded with its TTFT.
   */
  async runStream(
    request: GatewayRequestBase,
    modality: Modality,
    cache: AnswerCachePolicy<TextGeneration>,
    metering: Metering<OpenedStream> & { promptTokens: number },
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
    const { result, source, chain, candidate, admission, startedAt } = await this.run(
      request,
      modality,
      async (call) => startStream(await open(call)),
      { cache: streamCache, metering: { ...metering, deferred: true } },
    );
    const ttftMs = Date.now() - startedAt;
    let events = replayFirst(result.iterator, result.first);
    if (!source.cached)
      events = this.rescue.guard(events, {
        request,
        source,
        candidates: chain.slice(chain.indexOf(candidate) + 1),
        open: async (call, partial) => startStream(await open(call, partial)),
      });
    if (!source.cached) events = keepAnswer(events, result, cache);
    const finish = (facts: Partial<UsageFacts>) =>
      this.finish(request, modality, startedAt, source, admission, facts, metering, ttftMs);
    return { source, events: finishedWhenDone(events, metering.promptTokens, finish) };
  }

  /** The cached-answer policy for a text request, keyed by what shapes the answer. */
  answerCache(
    request: GatewayRequestBase & { temperature?: number },
    modality: Modality,
    input: object,
  ): AnswerCachePolicy<TextGeneration> {
    const key = this.answers.keyFor({
      tier: request.caller.tier,
      modality,
      purpose: request.purpose ?? null,
      model: request.model ?? null,
      // An answer cached from one provider is not served to a caller who asked for another.
      provider: request.provider?.name.toLowerCase() ?? null,
      ...input,
    });
    return {
      read: () => this.answers.read(key),
      write: (answer) => this.answers.write(key, answer),
      preferred: request.preferCached === true && request.temperature === 0,
    };
  }

  /** Reserves the request against the caller's quota and rate limits (their own key: rate limits only). */
  private async admit<T>(
    request: GatewayRequestBase,
    modality: Modality,
    primary: ModelCandidate,
    metering: Metering<T>,
  ) {
    const started = performance.now();
    request.trace?.begin(SPAN.quota, { 'tiergate.tier': request.caller.tier });
    let admission: Admission;
    try {
      admission = await this.meter.reserve(request, modality, primary, metering.demand);
    } finally {
      request.timings?.add('quota', started);
    }
    request.trace?.end(SPAN.quota);
    metering.apply?.(admission);
    request.onQuota?.(admission.headers);
    return admission;
  }
}

/**
 * Calls `finish` once the stream is over: with the usage the upstream reported, or, when the
 * client left early or the stream broke, the prompt plus the tokens that were streamed.
 */
async function* finishedWhenDone(
  events: AsyncGenerator<TextStreamEvent>,
  promptTokens: number,
  finish: (facts: Partial<UsageFacts>) => Promise<void>,
): AsyncGenerator<TextStreamEvent> {
  const streamed: string[] = [];
  let finished = false;
  try {
    for await (const event of events) {
      if (event.type === 'delta') streamed.push(event.content);
      else if (event.usage) {
        // Before the final event is handed on, so its chunk can carry the cost.
        finished = true;
        await finish({
          promptTokens: event.usage.promptTokens,
          completionTokens: event.usage.completionTokens,
          totalTokens: event.usage.totalTokens,
        });
      }
      yield event;
    }
  } finally {
    if (!finished) {
      const completionTokens = countTextTokens(streamed.join(''));
      await finish({ promptTokens, completionTokens, totalTokens: promptTokens + completionTokens });
    }
  }
}
