import { Injectable, Logger } from '@nestjs/common';
import { failureReason, isFallbackTrigger } from '@tiergate/fallback-manager';
import { FeatureGate } from '@tiergate/flags';
import type { ModelCandidate } from '@tiergate/common';
import { ModelSelector } from '@tiergate/model-selector';
import type { TextStreamEvent } from '@tiergate/provider';
import type { AnswerSource, GatewayRequestBase } from './gateway.types';
import { ModelCaller, type ModelCall } from './model-caller';
import { replayFirst, type OpenedStream, type StreamEvent } from './text-streams';

export interface RescueContext {
  request: GatewayRequestBase;
  /** Where the stream comes from; a rescue says where the rest comes from in a `rescued` event. */
  source: AnswerSource;
  /** The models after the one streaming, in chain order. */
  candidates: ModelCandidate[];
  /** The tokens a continuation is paced with (prompt plus max_tokens). */
  expectedTokens: number;
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

  /** The stream's events, rescued on failure while the fallback flag is on. */
  guard(stream: OpenedStream, context: RescueContext): AsyncGenerator<StreamEvent> {
    const events = replayFirst(stream);
    return this.gate.fallbackEnabled ? this.rescued(events, context) : events;
  }

  private async *rescued(
    events: AsyncGenerator<TextStreamEvent>,
    context: RescueContext,
  ): AsyncGenerator<StreamEvent> {
    let partial = '';
    // Another model cannot finish a tool call begun by this one: such a stream is not rescued.
    let calledTools = false;
    try {
      for await (const event of events) {
        if (event.type === 'delta') partial += event.content;
        else if (event.type === 'tool_call') calledTools = true;
        yield event;
      }
      return;
    } catch (error) {
      if (!isFallbackTrigger(error) || calledTools || context.request.signal?.aborted) throw error;
      const rescue = await this.continueWith(context, partial, failureReason(error)).catch(() => undefined);
      if (!rescue) throw error;
      yield { type: 'rescued', source: rescue.source };
      try {
        yield* replayFirst(rescue.stream);
      } catch {
        throw error;
      }
    }
  }

  private async continueWith(
    context: RescueContext,
    partial: string,
    reason: string,
  ): Promise<{ stream: OpenedStream; source: AnswerSource } | undefined> {
    const { request, source } = context;
    const next = context.candidates.find((candidate) => this.selector.supportsContinuation(candidate.model));
    if (!next) return undefined;
    let attempts = source.attempts;
    const { result, call } = await this.caller.call(
      request,
      next,
      (call) => context.open(call, partial),
      () => (attempts += 1),
      { expectedTokens: context.expectedTokens },
    );
    this.logger.warn(
      { requestId: request.requestId, from: source.servedModel, to: next.model, reason },
      'Stream rescued mid-answer by another model',
    );
    const sameProvider = call.provider.id === source.providerId;
    return {
      stream: result,
      source: {
        ...source,
        providerId: call.provider.id,
        providerName: call.provider.displayName,
        servedModel: result.model || next.model,
        attempts,
        keySource: call.credential.source,
        isFallback: true,
        fallbackReason: reason,
        fallbackStrategy: sameProvider ? 'SAME_PROVIDER_DIFFERENT_MODEL' : 'DIFFERENT_PROVIDER',
        indicator: source.indicator && {
          ...source.indicator,
          providerId: call.provider.id,
          displayName: call.provider.displayName,
          isFallback: true,
        },
      },
    };
  }
}
