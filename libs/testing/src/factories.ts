import { randomUUID } from 'node:crypto';
import type { UsageEvent } from '@tiergate/usage';

/**
 * A ledger event for tests: a served, one-token-each-way chat on a system key, now, by a new user,
 * with what the test cares about overridden.
 */
export function usageEvent(overrides: Partial<UsageEvent> = {}): UsageEvent {
  return {
    requestId: randomUUID(),
    occurredAt: new Date().toISOString(),
    userId: randomUUID(),
    tier: 'free',
    feature: 'text_generation',
    modality: 'chat',
    requestedModel: null,
    servedModel: 'm',
    provider: 'together',
    keySource: 'system',
    isFallback: false,
    fallbackStrategy: null,
    cached: false,
    promptTokens: 1,
    completionTokens: 1,
    totalTokens: 2,
    images: 0,
    audioSeconds: 0,
    characters: 0,
    costUsd: 0,
    latencyMs: 5,
    ttftMs: null,
    status: 200,
    errorCode: null,
    ...overrides,
  };
}
