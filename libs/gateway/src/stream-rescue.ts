import { Injectable, Logger } from '@nestjs/common';
import { failureReason, isFallbackTrigger } from '@tiergate/fallback-manager';
import { FeatureGate } from '@tiergate/flags';
import { ModelSelector, type ModelCandidate } from '@tiergate/model-selector';
import type { TextStreamEvent } from '@tiergate/provider';
import type { AnswerSource, GatewayRequestBase } from './gateway.types';
import { ModelCaller, type ModelCall } from './model-caller';

/** A stream whose first event has arrived. */
export interface OpenedStream {
  id: string;
  model: string;
  iterator: AsyncIterator<TextStreamEvent>;
  first: IteratorResult<TextStreamEvent>;
}

export interface RescueContext {
  request: GatewayRequestBase;
  /** The answer's source: updated in place when another model takes over (the final chunk says so). */
  source: AnswerSource;
  /** The models after the one streaming, in chain order. */
  candidates: ModelCandidate[];
  /** Opens a stream that continues from the partial answer. */
  open: (call: ModelCall, partial: string) => Promise<OpenedStream>;
}

/**
 * Mid-stream rescue. When a stream dies or stalls after content has reached the client, the next
 * model whose configuration says it supports continuation is asked to continue the answer (the
 * conversation plus the partial answer as an assistant prefix), and the client receives one whole
 * answer. If no model can, or the continuation fails too, the original failure is raised, so the
 * stream ends with an error event carrying it, never with a clean end.
 */
@Injectable()
export class StreamRescue {
  private readonly logger = new Logger(StreamRescue.name);

  constructor(
    private readonly caller: ModelCaller,
    private readonly selector: ModelSelector,
    private readonly gate: FeatureGate,
  ) {}

  /** The stream, rescued on failure while the fallback flag is on (as it is, when it is off). */
  guard(events: AsyncGenerator<TextStreamEvent>, context: RescueContext): AsyncGenerator<TextStreamEvent> {
    return this.gate.fallbackEnabled ? this.rescued(events, context) : events;
  }

  private async *rescued(
    events: AsyncGenerator<TextStreamEvent>,
    context: RescueContext,
  ): AsyncGenerator<TextStreamEvent> {
    let partial = '';
    try {
      for await (const event of events) {
        if (event.type === 'delta') partial += event.content;
        yield event;
      }
      return;
    } catch (error) {
      if (!isFallbackTrigger(error) || context.request.signal?.aborted) throw error;
      const continuation = await this.continueWith(context, partial, failureReason(error)).catch(
        () => undefined,
      );
      if (!continuation) throw error;
      try {
        yield* replayFirst(continuation.iterator, continuation.first);
      } catch {
        throw error;
      }
    }
  }

  private async continueWith(
    context: RescueContext,
    partial: string,
    reason: string,
  ): Promise<OpenedStream | undefined> {
    const next = context.candidates.find((candidate) => this.selector.supportsContinuation(candidate.model));
    if (!next) return undefined;
    const { result, call } = await this.caller.call(
      context.request,
      next,
      (call) => context.open(call, partial),
      () => (context.source.attempts += 1),
    );
    this.logger.warn(
      { requestId: context.request.requestId, from: context.source.servedModel, to: next.model, reason },
      'Stream rescued mid-answer by another model',
    );
    const sameProvider = call.provider.id === context.source.providerId;
    Object.assign(context.source, {
      providerId: call.provider.id,
      providerName: call.provider.displayName,
      servedModel: result.model || next.model,
      keySource: call.credential.source,
      isFallback: true,
      fallbackReason: reason,
      fallbackStrategy: sameProvider ? 'SAME_PROVIDER_DIFFERENT_MODEL' : 'DIFFERENT_PROVIDER',
    });
    if (context.source.indicator)
      Object.assign(context.source.indicator, {
        providerId: call.provider.id,
        displayName: call.provider.displayName,
        isFallback: true,
      });
    return result;
  }
}

/** Hands on the first event (already awaited), then the rest; closes the upstream when done. */
export async function* replayFirst(
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
