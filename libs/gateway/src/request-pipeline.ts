import { Injectable } from '@nestjs/common';
import { breakerKey } from '@tiergate/fallback-manager';
import type { ModelCandidate } from '@tiergate/common';
import type { Sampling, TextGeneration, TextStream } from '@tiergate/provider';
import type { RequestUsage } from '@tiergate/usage';
import { SPAN } from '@tiergate/tracing';
import { AnswerSources } from './answer-sources';
import { ChainRunner, type AnswerCachePolicy, type Answered } from './chain-runner';
import type { GatewayRequestBase, GatewayTextStream, Modality, Served } from './gateway.types';
import type { ModelCall } from './model-caller';
import { ResponseCache } from './response-cache';
import { StreamRescue } from './stream-rescue';
import {
  keepAnswer,
  openedFrom,
  replayFirst,
  settledWhenDone,
  startStream,
  type OpenedStream,
} from './text-streams';
import { timedAttempts, timedCache, traceFallback } from './step-telemetry';
import { UsageMeter, type Reservation, type UsageDemand } from './usage-meter';
import type { UsageTicket } from './usage-ticket';

export type { AnswerCachePolicy } from './chain-runner';

/** What admission granted the upstream call: the caller's max_tokens, capped by the tier. */
export interface Granted {
  maxTokens: number | undefined;
}

/** Calls one model with what was granted. */
export type Invoke<T> = (call: ModelCall, granted: Granted) => Promise<T>;

/** An answer whose usage is not known yet (a stream, speech): its ticket settles it once it is. */
export interface OpenAnswer<T> extends Served<T> {
  ticket: UsageTicket;
  /** The models after the one that answered, in chain order (a stream's rescuers). */
  rest: ModelCandidate[];
  startedAt: number;
}

/**
 * The request pipeline every modality and surface goes through, as a line of values: the models
 * for the tier; one quota reservation (the ticket); the fallback chain (ChainRunner: each model
 * called with the right key, retried only as the last resort); where the answer came from; and
 * the ticket settled to what the answer used, which prices and records it exactly once whatever
 * the outcome (plus one ledger row per failed attempt that a fallback replaced).
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

  /** Answers the request and settles it to what `usageOf` says the answer used. */
  async run<T>(
    request: GatewayRequestBase,
    modality: Modality,
    invoke: Invoke<T>,
    plan: {
      demand: UsageDemand;
      usageOf: (result: T) => Partial<RequestUsage>;
      cache?: AnswerCachePolicy<T>;
    },
  ): Promise<Served<T>> {
    const { result, source, rateLimit, ticket } = await this.open(request, modality, invoke, plan);
    const costUsd = await ticket.settle(source.cached ? {} : plan.usageOf(result), source);
    return { result, source: { ...source, costUsd }, rateLimit };
  }

  /** Answers the request and hands back its ticket, for the caller to settle once the usage is known. */
  async open<T>(
    request: GatewayRequestBase,
    modality: Modality,
    invoke: Invoke<T>,
    plan: { demand: UsageDemand; cache?: AnswerCachePolicy<T> },
  ): Promise<OpenAnswer<T>> {
    const cache = timedCache(request, plan.cache);
    const startedAt = Date.now();
    let ticket: UsageTicket | undefined;
    try {
      request.trace?.begin(SPAN.selectModels, { 'tiergate.modality': modality });
      const selection = await this.chains.select(request, modality);
      const { chain } = selection;
      request.trace?.end(SPAN.selectModels, { 'tiergate.models': chain.map((c) => c.model) });
      // Quotas are reserved once, before the chain: a fallback never counts twice.
      const reservation = await this.admit(request, modality, chain[0], plan.demand, startedAt);
      const answer = (caller: GatewayRequestBase, granted: Granted) =>
        this.chains.answer(
          caller,
          selection,
          timedAttempts(caller, (call: ModelCall) => invoke(call, granted)),
          { cache, expectedTokens: expectedTokens(plan.demand, granted) },
        );
      let outcome: Answered<T>;
      if (reservation.callBeside) {
        const granted: Granted = { maxTokens: plan.demand.maxTokens };
        const beside = await besideReservation(request, reservation.ticket, (caller) =>
          answer(caller, granted),
        );
        ticket = beside.ticket;
        outcome = await beside.answered;
      } else {
        ticket = await reservation.ticket;
        outcome = await answer(request, { maxTokens: ticket.maxTokens });
      }
      if (cache && outcome.strategy !== 'CACHED_RESPONSE') cache.write(outcome.result);
      this.meter.recordFailedAttempts(
        request,
        modality,
        startedAt,
        outcome.failures,
        (failure) => outcome.keySources?.get(breakerKey(failure.candidate)) ?? 'system',
      );
      const source = this.sources.describe(request, outcome);
      if (source.cached && request.timings) request.timings.cacheServed = true;
      traceFallback(request, outcome, chain[0].model);
      const rest = chain.slice(chain.indexOf(outcome.candidate) + 1);
      return { result: outcome.result, source, rateLimit: ticket.rateLimit, ticket, rest, startedAt };
    } catch (error) {
      request.trace?.fail(error);
      // The upstream gave nothing: everything reserved is given back, and the failure recorded.
      if (ticket) await ticket.fail(error);
      else void this.meter.record({ request, modality, startedAt, error });
      throw error;
    }
  }

  /**
   * Opens a stream and waits for its first event before answering, so every failure up to the
   * first token can still be retried or sent to the next model (and reported with a proper HTTP
   * status). After that: mid-stream rescue, the cached-answer copy, and, when the stream ends
   * (also when the client leaves), the ticket settled with the stream's usage and TTFT.
   */
  async runStream(
    request: GatewayRequestBase,
    modality: Modality,
    plan: { demand: UsageDemand & { promptTokens: number }; cache: AnswerCachePolicy<TextGeneration> },
    open: (call: ModelCall, granted: Granted, partial?: string) => Promise<TextStream>,
  ): Promise<GatewayTextStream> {
    const { cache, demand } = plan;
    const streamCache: AnswerCachePolicy<OpenedStream> = {
      read: async () => {
        const answer = await cache.read();
        return answer && (await openedFrom(answer));
      },
      write: () => undefined,
      preferred: cache.preferred,
    };
    const answer = await this.open(
      request,
      modality,
      async (call, granted) => startStream(await open(call, granted)),
      { demand, cache: streamCache },
    );
    const { result, source, ticket } = answer;
    const ttftMs = Date.now() - answer.startedAt;
    const granted: Granted = { maxTokens: ticket.maxTokens };
    const events = source.cached
      ? replayFirst(result)
      : keepAnswer(
          this.rescue.guard(result, {
            request,
            source,
            candidates: answer.rest,
            expectedTokens: demand.promptTokens + (granted.maxTokens ?? 0),
            open: async (call, partial) => startStream(await open(call, granted, partial)),
          }),
          result,
          cache,
        );
    return {
      source,
      rateLimit: answer.rateLimit,
      events: settledWhenDone(events, { source, promptTokens: demand.promptTokens, ticket, ttftMs }),
    };
  }

  /** The cached-answer policy for a text request, keyed by what shapes the answer. */
  answerCache(
    request: GatewayRequestBase,
    modality: Modality,
    input: { sampling: Sampling; [field: string]: unknown },
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
      preferred: request.preferCached === true && input.sampling.temperature === 0,
    };
  }

  /**
   * Starts the request's reservation against the caller's quota and rate limits (their own key:
   * rate limits only); its time and span end when Redis answers.
   */
  private async admit(
    request: GatewayRequestBase,
    modality: Modality,
    primary: ModelCandidate,
    demand: UsageDemand,
    startedAt: number,
  ): Promise<Reservation> {
    const started = performance.now();
    request.trace?.begin(SPAN.quota, { 'tiergate.tier': request.caller.tier });
    const ended = () => request.timings?.add('quota', started);
    try {
      const reservation = await this.meter.admit(request, modality, primary, demand, startedAt);
      reservation.ticket.then(() => {
        ended();
        request.trace?.end(SPAN.quota);
      }, ended);
      return reservation;
    } catch (error) {
      ended(); // the key lookup before the reservation failed
      throw error;
    }
  }
}

/** The tokens a call may use, for the key's pace: the prompt and each answer's max_tokens. */
function expectedTokens(demand: UsageDemand, granted: Granted): number {
  return (demand.promptTokens ?? 0) + (demand.choices ?? 1) * (granted.maxTokens ?? 0);
}

/**
 * A call made while its reservation is still under way (the reservation cannot refuse it, only
 * count it). The call gets its own signal, so that a reservation that fails after all (Redis
 * refusing a tier that fails closed) abandons it; the caller's going away still reaches it. The
 * ticket is returned once Redis has answered, so the request is settled after it was counted.
 */
async function besideReservation<T>(
  request: GatewayRequestBase,
  reserving: Promise<UsageTicket>,
  answer: (request: GatewayRequestBase) => Promise<T>,
): Promise<{ ticket: UsageTicket; answered: Promise<T> }> {
  const call = new AbortController();
  request.signal?.addEventListener('abort', () => call.abort(request.signal?.reason), { once: true });
  const answered = answer({ ...request, signal: call.signal });
  answered.catch(() => undefined); // read by the caller once the reservation is in
  try {
    return { ticket: await reserving, answered };
  } catch (error) {
    call.abort(error);
    throw error;
  }
}
