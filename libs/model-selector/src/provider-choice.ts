import { DomainError, ErrorCode, type Modality, type Tier } from '@tiergate/common';
import type { ModelCandidate } from '@tiergate/common';
import type { Selection } from './model-selector';

/** The provider a caller asked for, and where they named it (`x-provider` or `provider`), for errors. */
export interface RequestedProvider {
  name: string;
  param: string;
}

/** A provider's id as callers may write it: the id, or the id without `_ai` (`together`). */
export function providerIdFor(name: string, known: readonly string[]): string | undefined {
  const lower = name.trim().toLowerCase();
  return known.find((id) => id === lower || id === `${lower}_ai`);
}

/**
 * The provider the caller asked for, when it exists (else a 400 naming the field) and their tier
 * may use it (else a 403): the providers the tier's routes and allow-list name.
 */
export function resolveRequestedProvider(
  requested: RequestedProvider,
  tier: Tier,
  known: readonly string[],
  allowed: ReadonlySet<string>,
): string {
  const id = providerIdFor(requested.name, known);
  const usable = [...allowed].join(', ');
  if (!id)
    throw new DomainError(
      ErrorCode.ValidationFailed,
      `${requested.param} must name a provider your tier may use: ${usable}`,
      { param: requested.param },
    );
  if (!allowed.has(id))
    throw new DomainError(
      ErrorCode.Forbidden,
      `The ${tier} tier may not use the provider ${id}; it may use: ${usable}`,
      { param: requested.param },
    );
  return id;
}

/**
 * The selection narrowed to one provider: its models on that provider, in order; a model the
 * caller named (and may use) is asked of that provider when the configuration puts it elsewhere.
 * Nothing on that provider for the request: a 400 naming the field.
 */
export function onProvider(
  selection: Selection,
  providerId: string,
  request: { tier: Tier; modality: Modality; model?: string; param: string },
): Selection {
  const chain = selection.chain.filter((candidate) => candidate.providerId === providerId);
  const source = `${selection.source}, on ${providerId} as asked`;
  if (chain.length) return { ...selection, chain, source };
  if (request.model) {
    const named: ModelCandidate = { providerId, model: request.model };
    return { ...selection, chain: [named], source };
  }
  throw new DomainError(
    ErrorCode.ValidationFailed,
    `The ${request.tier} tier has no ${request.modality} model on ${providerId}; name one with model, or leave ${request.param} out`,
    { param: request.param },
  );
}
