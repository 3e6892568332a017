import { Injectable } from '@nestjs/common';
import { DomainError, ErrorCode } from '@tiergate/common';
import { ApiConfig } from '@tiergate/config';
import {
  breakerKey,
  FallbackChain,
  FallbackExhaustedError,
  isFallbackTrigger,
  type ChainResult,
} from '@tiergate/fallback-manager';
import { FeatureGate } from '@tiergate/flags';
import {
  ModelNotAllowedError,
  ModelSelector,
  RouteMisconfiguredError,
  type Selection,
} from '@tiergate/model-selector';
import { ProviderRegistry } from '@tiergate/provider';
import { CatalogService } from '@tiergate/catalog';
import type { GatewayRequestBase, Modality } from './gateway.types';
import { ModelCaller, type ModelCall } from './model-caller';

/** The last good answer to a text request: read when every model failed, written after a success. */
export interface AnswerCachePolicy<T> {
  read: () => Promise<T | undefined>;
  write: (result: T) => void;
  /** The caller asked for a cached answer first (and the request is deterministic). */
  preferred: boolean;
}

/** The chain's outcome, with the call that answered and how many upstream attempts it took. */
export type Answered<T> = ChainResult<T> & {
  call?: ModelCall;
  attempts: number;
  /** An opt-in cache hit (asked for by the caller), not a fallback. */
  optIn?: boolean;
  /** Whose key each model was last called with (for the ledger rows of failed attempts). */
  keySources?: ReadonlyMap<string, 'system' | 'user'>;
};

/**
 * The models for a request and the walk down them: the selection for the tier (fallbacks only
 * when the flag is on), then the fallback chain, each model called with the right key and
 * retried only when the chain allows it. A chain that fails because the configuration names no
 * model the provider serves becomes a 503 that says so.
 */
@Injectable()
export class ChainRunner {
  constructor(
    private readonly providers: ProviderRegistry,
    private readonly config: ApiConfig,
    private readonly gate: FeatureGate,
    private readonly selector: ModelSelector,
    private readonly catalog: CatalogService,
    private readonly fallbacks: FallbackChain,
    private readonly caller: ModelCaller,
  ) {}

  /**
   * The opt-in cache first, then the fallback chain (ending with the cached answer). Each model is
   * retried only when the chain allows it (no other model left to move to), and a chain that
   * fails because the configuration names no model the provider serves is a 503 saying so.
   */
  async answer<T>(
    request: GatewayRequestBase,
    selection: Selection,
    invoke: (call: ModelCall) => Promise<T>,
    options: { cache?: AnswerCachePolicy<T>; expectedTokens: number },
  ): Promise<Answered<T>> {
    const { cache, expectedTokens } = options;
    const { chain } = selection;
    const hit = cache?.preferred ? await cache.read() : undefined;
    if (hit !== undefined)
      return {
        result: hit,
        candidate: chain[0],
        strategy: 'CACHED_RESPONSE',
        fallbackReason: null,
        failures: [],
        attempts: 0,
        optIn: true,
      };
    let attempts = 0;
    let answered: ModelCall | undefined;
    const keySources = new Map<string, 'system' | 'user'>();
    const failed = new Map<string, unknown>();
    const primary = this.providers.primary.id;
    try {
      const outcome = await this.fallbacks.run(
        {
          chain,
          deadline: Date.now() + this.config.fallback.chainBudgetMs,
          signal: request.signal,
          // Only the primary provider's catalog is read: another provider's windows are unknown.
          contextLength: async (candidate) =>
            candidate.providerId === primary
              ? ((await this.catalog.find(candidate.model))?.contextLength ?? null)
              : null,
          cached: cache && this.gate.fallbackEnabled ? cache.read : undefined,
        },
        async (candidate, context) => {
          try {
            const { result, call } = await this.caller.call(
              request,
              candidate,
              invoke,
              (call) => {
                attempts += 1;
                keySources.set(breakerKey(candidate), call.credential.source);
              },
              { mayRetry: context.mayRetry, expectedTokens },
            );
            answered = call;
            return result;
          } catch (error) {
            failed.set(breakerKey(candidate), error);
            throw error;
          }
        },
      );
      return { ...outcome, call: answered, attempts, keySources };
    } catch (error) {
      throw (await this.misconfiguration(selection, failed, error)) ?? error;
    }
  }

  /**
   * When the chain failed only because none of its models is served (the provider answered
   * "model not available", or a model on the primary provider is missing from its catalog), the
   * configuration is at fault: a 503 naming the route and the models, not a 400 for the caller.
   */
  private async misconfiguration(
    selection: Selection,
    failed: ReadonlyMap<string, unknown>,
    error: unknown,
  ): Promise<RouteMisconfiguredError | undefined> {
    if (!(error instanceof FallbackExhaustedError) && !isFallbackTrigger(error)) return undefined;
    const primary = this.providers.primary.id;
    const unserved: string[] = [];
    for (const candidate of selection.chain) {
      const failure = failed.get(breakerKey(candidate));
      if (failure instanceof DomainError && failure.code === ErrorCode.ModelNotAvailable) {
        unserved.push(`${candidate.model} (the provider does not serve it)`);
        continue;
      }
      if (failure !== undefined || candidate.providerId !== primary) return undefined;
      // Not called (an open breaker, the time limit): missing from the catalog, or not the problem.
      const listed = await this.catalog.find(candidate.model).catch(() => null);
      if (listed !== undefined) return undefined;
      unserved.push(`${candidate.model} (not in the provider's catalog)`);
    }
    return new RouteMisconfiguredError(
      selection.source,
      `has no model the provider serves: ${unserved.join(', ')}`,
    );
  }

  /** The models to try: the tier's route (or a model the caller may name), fallbacks when enabled. */
  async select(request: GatewayRequestBase, modality: Modality): Promise<Selection> {
    try {
      const selection = this.selector.select({
        tier: request.caller.tier,
        modality,
        purpose: request.purpose,
        model: request.model,
        provider: request.provider,
      });
      return this.gate.fallbackEnabled ? selection : { ...selection, chain: selection.chain.slice(0, 1) };
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
}
