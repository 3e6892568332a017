import { Injectable } from '@nestjs/common';
import { ApiConfig } from '@tiergate/config';
import { ChatRequest, ProviderRegistry } from '@tiergate/provider';
import type { AnswerSource, GatewayChatRequest, GatewayChatResult, GatewayChatStream } from './gateway.types';

/**
 * The request pipeline, written once for every surface: select the model, resolve the upstream
 * key, call the provider, describe where the answer came from. Later stages (flags, quotas,
 * fallbacks, usage events) slot in here, not in controllers.
 */
@Injectable()
export class GatewayService {
  constructor(
    private readonly providers: ProviderRegistry,
    private readonly config: ApiConfig,
  ) {}

  async chat(request: GatewayChatRequest): Promise<GatewayChatResult> {
    const { provider, upstreamRequest, source } = this.plan(request);
    const completion = await provider.chat(upstreamRequest, this.callContext(request));
    return { completion, source: { ...source, servedModel: completion.model } };
  }

  async chatStream(request: GatewayChatRequest): Promise<GatewayChatStream> {
    const { provider, upstreamRequest, source } = this.plan(request);
    const stream = await provider.chatStream(upstreamRequest, this.callContext(request));
    return { source, events: stream };
  }

  private plan(request: GatewayChatRequest) {
    const provider = this.providers.primary;
    const model = request.model ?? this.config.models.defaultChat;
    const upstreamRequest: ChatRequest = {
      model,
      messages: request.messages,
      maxTokens: request.maxTokens,
      temperature: request.temperature,
      topP: request.topP,
      stop: request.stop,
      seed: request.seed,
    };
    const source: AnswerSource = {
      providerId: provider.id,
      providerName: provider.displayName,
      requestedModel: request.model ?? null,
      servedModel: model,
    };
    return { provider, upstreamRequest, source };
  }

  private callContext(request: GatewayChatRequest) {
    return { apiKey: this.config.upstream.apiKey, signal: request.signal, requestId: request.requestId };
  }
}
