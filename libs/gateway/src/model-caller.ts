import { Injectable, Logger } from '@nestjs/common';
import { ErrorCode, type ModelCandidate } from '@tiergate/common';
import { ApiConfig } from '@tiergate/config';
import { Metrics } from '@tiergate/metrics';
import {
  KeyPacing,
  NoSystemKeyError,
  UpstreamKeyResolver,
  UserKeyRejectedError,
  type UpstreamCredential,
} from '@tiergate/key-manager';
import {
  LlmProvider,
  ProviderCallContext,
  ProviderError,
  ProviderRegistry,
  withRetries,
} from '@tiergate/provider';
import type { GatewayRequestBase } from './gateway.types';

/** One model on one provider, with the key the call goes out with. */
export interface ModelCall {
  provider: LlmProvider;
  model: string;
  credential: UpstreamCredential;
  context: ProviderCallContext;
  /** Corrects the paced key's token count to the answer's usage (set when the call was paced). */
  settle?: (result: unknown) => void;
}

/**
 * Calls one model: with the caller's own key or a system key, retried on 429, 5xx and failed
 * connections (budget and retry-after honoured) when `mayRetry` allows it: the fallback chain
 * declines while another model can take the request, so a failing model costs one attempt, not
 * three. A key the provider refuses (401) is marked invalid and the call moves to the next system
 * key, so a bad key costs no request; a user's own refused key fails the request saying so,
 * unless they chose to fall back to the platform's key. Each attempt with a system key that
 * carries its account's limits first takes a pacing slot (KeyPacing).
 */
@Injectable()
export class ModelCaller {
  private readonly logger = new Logger(ModelCaller.name);

  constructor(
    private readonly providers: ProviderRegistry,
    private readonly keys: UpstreamKeyResolver,
    private readonly config: ApiConfig,
    private readonly metrics: Metrics,
    private readonly pacing: KeyPacing,
  ) {}

  async call<T>(
    request: GatewayRequestBase,
    candidate: ModelCandidate,
    invoke: (call: ModelCall) => Promise<T>,
    onAttempt: (call: ModelCall) => void,
    options: {
      mayRetry?: () => Promise<boolean>;
      /** The tokens a paced key counts the call with before it goes out (prompt plus max_tokens). */
      expectedTokens: number;
    },
  ): Promise<{ result: T; call: ModelCall }> {
    const provider = this.providers.get(candidate.providerId);
    if (!provider) throw new NoSystemKeyError(candidate.providerId);
    const credential = await this.keys.resolve(request.caller, provider.id, provider.displayName);
    const call: ModelCall = {
      provider,
      model: candidate.model,
      credential,
      context: {
        apiKey: credential.apiKey,
        signal: request.signal,
        requestId: request.requestId,
        onHeaders: (headers) => this.pacing.observe(call.credential, headers),
      },
    };
    const tried = new Set<string>();
    for (;;) {
      try {
        const result = await withRetries(
          this.config.upstream.retry,
          async () => {
            await this.pace(request, call, options.expectedTokens);
            onAttempt(call);
            return this.timed(call, invoke);
          },
          {
            signal: request.signal,
            onRetry: (event) => this.logRetry(request, call, event),
            mayRetry: options.mayRetry,
          },
        );
        this.keys.markUsed(call.credential);
        return { result, call };
      } catch (error) {
        if (!isRejectedKey(error)) throw error;
        tried.add(call.credential.keyId);
        await this.replaceRejectedKey(call, tried);
      }
    }
  }

  /**
   * Takes a pacing slot for the attempt when the key carries its account's limits (nothing
   * otherwise): on this key, or on another system key with room (KeyPacing).
   */
  private async pace(request: GatewayRequestBase, call: ModelCall, tokens: number): Promise<void> {
    call.settle = undefined;
    if (!this.pacing.paces(call.credential)) return;
    const paced = await this.pacing.acquire(call.credential, {
      providerId: call.provider.id,
      providerName: call.provider.displayName,
      tokens: () => tokens,
      signal: request.signal,
    });
    if (paced.credential !== call.credential) {
      call.credential = paced.credential;
      call.context = { ...call.context, apiKey: paced.credential.apiKey };
    }
    call.settle = (result) => this.pacing.settle(paced, reportedTokens(result));
  }

  private async timed<T>(call: ModelCall, invoke: (call: ModelCall) => Promise<T>): Promise<T> {
    const end = this.metrics.upstreamDuration.startTimer({ provider: call.provider.id, model: call.model });
    try {
      const result = await invoke(call);
      end({ outcome: 'ok' });
      call.settle?.(result);
      return result;
    } catch (error) {
      end({ outcome: (error as { code?: string }).code ?? 'error' });
      throw error;
    }
  }

  private async replaceRejectedKey(call: ModelCall, tried: ReadonlySet<string>): Promise<void> {
    const rejected = call.credential;
    await this.keys.reportRejected(rejected);
    if (rejected.source === 'user' && !rejected.fallbackToSystem)
      throw new UserKeyRejectedError(rejected.keyHint, 'the provider answered 401');
    call.credential = await this.keys.systemKey(call.provider.id, call.provider.displayName, tried);
    call.context = { ...call.context, apiKey: call.credential.apiKey };
  }

  private logRetry(
    request: GatewayRequestBase,
    call: ModelCall,
    event: { attempt: number; delayMs: number; error: { code: string; message: string } },
  ): void {
    this.metrics.retries.inc({ provider: call.provider.id, code: event.error.code });
    this.logger.warn(
      {
        requestId: request.requestId,
        provider: call.provider.id,
        model: call.model,
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

/** The total tokens an answer reports, when it reports them (text generations, embeddings). */
function reportedTokens(result: unknown): number | undefined {
  const usage = (result as { usage?: { totalTokens?: unknown } | null } | null)?.usage;
  return typeof usage?.totalTokens === 'number' ? usage.totalTokens : undefined;
}
