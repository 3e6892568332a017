import { DomainError, ErrorCode } from '@tiergate/common';
import type { PaceLimitName } from './pacer';

const DESCRIPTIONS: Record<PaceLimitName, string> = {
  requests_per_second: 'requests per second',
  requests_per_minute: 'requests per minute',
  tokens_per_minute: 'tokens per minute',
  reported_requests: 'requests (as the provider reported)',
  reported_tokens: 'tokens (as the provider reported)',
};

/**
 * Every key of the platform's upstream account is at one of its limits, and the room does not
 * free within the short wait a request may spend: a 429 whose Retry-After is when it frees.
 */
export class AccountRateLimitedError extends DomainError {
  constructor(providerName: string, limit: PaceLimitName, retryAfterMs: number) {
    const seconds = Math.max(1, Math.ceil(retryAfterMs / 1000));
    super(
      ErrorCode.AccountRateLimited,
      `The platform's ${providerName} account is at its limit of ${DESCRIPTIONS[limit]}; retry in ${seconds} s`,
      { retryAfterSeconds: seconds },
    );
  }
}
