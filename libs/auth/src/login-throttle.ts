import { createHash } from 'node:crypto';
import { Injectable, Logger } from '@nestjs/common';
import { LRUCache } from 'lru-cache';
import { AuditService } from '@tiergate/audit';
import { ApiConfig } from '@tiergate/config';
import { AttemptCounter, MemoryAttemptCounter } from '@tiergate/redis';
import { TooManySignInAttemptsError } from './auth.errors';

/** Who is trying to sign in: the account named and the address the attempt came from. */
export interface SignInAttempt {
  email: string;
  address?: string;
}

type Scope = 'account' | 'address';

const keyOf = (kind: Scope, value: string): string =>
  `login-failures:${kind}:${createHash('sha256').update(value).digest('base64url').slice(0, 22)}`;

/** The audit entry written when the throttle refuses a sign-in (at most once a minute per account or address). */
export const SIGN_IN_THROTTLED = 'auth.sign_in_throttled';
const AUDIT_INTERVAL_MS = 60_000;

/**
 * Limits password guessing: after LOGIN_MAX_FAILURES failed sign-ins for one account, or ten
 * times that from one address, within LOGIN_FAILURE_WINDOW, further attempts get 429 with
 * Retry-After until the window ends (also with the right password). A success clears the
 * account's count. Counts are shared by every instance in Redis; while Redis cannot be reached,
 * each instance counts on its own with the same limits (like the quotas of tiers that fail open),
 * so an outage neither locks everyone out nor opens the door to unlimited guessing.
 *
 * A refusal is audited (`auth.sign_in_throttled`, with the email as typed and the address), the
 * same whether or not the account exists: the user table is not read for it.
 */
@Injectable()
export class LoginThrottle {
  private readonly logger = new Logger(LoginThrottle.name);
  /** The per-instance stand-in while Redis is unreachable. */
  private readonly local = new MemoryAttemptCounter();
  private readonly audited = new LRUCache<string, true>({ max: 10_000, ttl: AUDIT_INTERVAL_MS });
  private outageReported = false;

  constructor(
    private readonly counter: AttemptCounter,
    private readonly config: ApiConfig,
    private readonly audit: AuditService,
  ) {}

  private keys(attempt: SignInAttempt) {
    const keys: Array<{ scope: Scope; key: string; limit: number }> = [
      {
        scope: 'account',
        key: keyOf('account', attempt.email.toLowerCase()),
        limit: this.config.auth.loginMaxFailures,
      },
    ];
    if (attempt.address)
      keys.push({
        scope: 'address',
        key: keyOf('address', attempt.address),
        limit: this.config.auth.loginMaxFailures * 10,
      });
    return keys;
  }

  /** Throws (and audits) when the account or the address has used up its failures. */
  async check(attempt: SignInAttempt): Promise<void> {
    for (const { scope, key, limit } of this.keys(attempt)) {
      const { count, resetInSeconds } = await this.shared((counter) => counter.peek(key));
      if (count >= limit) {
        this.auditRefusal(attempt, scope, key, resetInSeconds);
        throw new TooManySignInAttemptsError(resetInSeconds);
      }
    }
  }

  async recordFailure(attempt: SignInAttempt): Promise<void> {
    const window = this.config.auth.loginFailureWindowSeconds;
    await Promise.all(
      this.keys(attempt).map(({ key }) => this.shared((counter) => counter.increment(key, window))),
    );
  }

  async recordSuccess(attempt: SignInAttempt): Promise<void> {
    const { key } = this.keys(attempt)[0];
    await this.local.reset(key);
    await this.shared((counter) => counter.reset(key));
  }

  /** Runs on the shared counter; on the per-instance one while Redis does not answer. */
  private async shared<T>(work: (counter: AttemptCounter) => Promise<T>): Promise<T> {
    try {
      const result = await work(this.counter);
      this.outageReported = false;
      return result;
    } catch (error) {
      if (!this.outageReported)
        this.logger.warn(
          `Sign-in throttle counts unreachable, counting per instance: ${(error as Error).message}`,
        );
      this.outageReported = true;
      return work(this.local);
    }
  }

  /** Off the response path, and at most once a minute per account or address (no audit flood). */
  private auditRefusal(attempt: SignInAttempt, scope: Scope, key: string, retryAfterSeconds: number): void {
    if (this.audited.has(key)) return;
    this.audited.set(key, true);
    this.audit
      .record(
        { id: null, email: 'anonymous' },
        {
          action: SIGN_IN_THROTTLED,
          targetType: 'sign_in',
          targetId: null,
          after: {
            email: attempt.email.toLowerCase().slice(0, 254),
            address: attempt.address ?? null,
            limit: scope,
            retry_after_seconds: retryAfterSeconds,
          },
        },
      )
      .catch((error: Error) => this.logger.warn(`could not audit a refused sign-in: ${error.message}`));
  }
}
