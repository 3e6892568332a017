import { Injectable } from '@nestjs/common';
import { FeatureGate } from '@tiergate/flags';
import { ProviderRegistry } from '@tiergate/provider';
import type { Answered } from './chain-runner';
import type { AnswerSource, GatewayRequestBase } from './gateway.types';

/**
 * Where an answer came from: the provider and model that served it, whether a fallback or the
 * cache did, and the specification's indicator (when the indicators flag is on). Every surface shows it:
 * the indicator fields, the `x-tiergate-*` headers, the ledger row.
 */
@Injectable()
export class AnswerSources {
  constructor(
    private readonly providers: ProviderRegistry,
    private readonly gate: FeatureGate,
  ) {}

  describe<T>(request: GatewayRequestBase, outcome: Answered<T>): AnswerSource {
    const answered = outcome.call;
    const provider =
      answered?.provider ?? this.providers.get(outcome.candidate.providerId) ?? this.providers.primary;
    const reported = (outcome.result as { model?: unknown }).model;
    const cached = outcome.strategy === 'CACHED_RESPONSE';
    // An opt-in cache hit is not a fallback; the cached answer after every model failed is.
    const isFallback = outcome.strategy !== null && !outcome.optIn;
    return {
      providerId: provider.id,
      providerName: provider.displayName,
      requestedModel: request.model ?? null,
      servedModel: typeof reported === 'string' && reported ? reported : outcome.candidate.model,
      attempts: outcome.attempts,
      keySource: answered?.credential.source ?? 'system',
      isFallback,
      fallbackStrategy: isFallback ? outcome.strategy : null,
      fallbackReason: outcome.fallbackReason,
      cached,
      costUsd: null,
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
}
