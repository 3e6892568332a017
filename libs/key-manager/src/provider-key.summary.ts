import type { ProviderKeyEntity, ProviderKeyStatus } from './entities/provider-key.entity';
import type { KeyLimits } from './pacing/pacer';

/** Everything about a provider key that may be shown or audited: never the secret, only its end. */
export interface ProviderKeySummary {
  id: string;
  provider: string;
  owner: 'system' | 'user';
  userId: string | null;
  label: string;
  keyHint: string;
  status: ProviderKeyStatus;
  statusReason: string | null;
  fallbackToSystem: boolean;
  verifiedAt: Date | null;
  lastUsedAt: Date | null;
  retireAt: Date | null;
  replacedBy: string | null;
  /** A system key's account limits, which its calls are paced to (null for a user's key). */
  limits: KeyLimits | null;
  createdAt: Date;
}

export function summarizeKey(key: ProviderKeyEntity): ProviderKeySummary {
  return {
    id: key.id,
    provider: key.provider,
    owner: key.userId ? 'user' : 'system',
    userId: key.userId,
    label: key.label,
    keyHint: `…${key.last4}`,
    status: key.status,
    statusReason: key.statusReason,
    fallbackToSystem: key.fallbackToSystem,
    verifiedAt: key.verifiedAt,
    lastUsedAt: key.lastUsedAt,
    retireAt: key.retireAt,
    replacedBy: key.replacedBy,
    limits: key.userId ? null : limitsOf(key),
    createdAt: key.createdAt,
  };
}

/** The audit's view: the summary without timestamps that change on every use. */
export function auditViewOf(key: ProviderKeyEntity) {
  const { lastUsedAt: _lastUsed, ...rest } = summarizeKey(key);
  return rest;
}

/** The last four characters, the only part of a key ever shown again. */
export function lastFour(secret: string): string {
  return secret.slice(-4);
}

/** The account limits a key's row carries. */
export function limitsOf(key: ProviderKeyEntity): KeyLimits {
  return {
    requestsPerSecond: key.requestsPerSecond ?? null,
    requestsPerMinute: key.requestsPerMinute ?? null,
    tokensPerMinute: key.tokensPerMinute ?? null,
  };
}
