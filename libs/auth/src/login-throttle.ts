import { createHash } from 'node:crypto';
import { Injectable, Logger } from '@nestjs/common';
import { ApiConfig } from '@tiergate/config';
import { AttemptCounter } from '@tiergate/redis';
import { TooManySignInAttemptsError } from './auth.errors';

/** Who is trying to sign in: the account named and the address the attempt came from. */
export interface SignInAttempt {
  email: string;
  address?: string;
}

const keyOf = (kind: string, value: string): string =>
  `login-failures:${kind}:${createHash('sha256').update(value).digest('base64url').slice(0, 22)}`;

/**
 * Limits password guessing: after LOGIN_MAX_FAILURES failed sign-ins for one account, or ten
 * times that from one address, within LOGIN_FAILURE_WINDOW, further attempts get 429 with
 * Retry-After until the window ends (also with the right password). A success clears the
 * account's count. Counts are shared by every instance; if they cannot be reached, sign-in works
 * (an outage of Redis must not lock everyone out).
 */
@Injectable()
export class LoginThrottle {
  private readonly logger = new Logger(LoginThrottle.name);

  constructor(
    private readonly counter: AttemptCounter,
    private readonly config: ApiConfig,
  ) {}

  private keys(attempt: SignInAttempt) {
    const keys = [
      { key: keyOf('account', attempt.email.toLowerCase()), limit: this.config.auth.loginMaxFailures },
    ];
    if (attempt.address)
      keys.push({ key: keyOf('address', attempt.address), limit: this.config.auth.loginMaxFailures * 10 });
    return keys;
  }

  /** Throws when the account or the address has used up its failures. */
  async check(attempt: SignInAttempt): Promise<void> {
    try {
      for (const { key, limit } of this.keys(attempt)) {
        const { count, resetInSeconds } = await this.counter.peek(key);
        if (count >= limit) throw new TooManySignInAttemptsError(resetInSeconds);
      }
    } catch (error) {
      if (error instanceof TooManySignInAttemptsError) throw error;
      this.logger.warn(`Sign-in throttle unavailable: ${(error as Error).message}`);
    }
  }

  async recordFailure(attempt: SignInAttempt): Promise<void> {
    const window = this.config.auth.loginFailureWindowSeconds;
    await Promise.all(this.keys(attempt).map(({ key }) => this.counter.increment(key, window))).catch(
      (error: unknown) => this.logger.warn(`Sign-in throttle unavailable: ${(error as Error).message}`),
    );
  }

  async recordSuccess(attempt: SignInAttempt): Promise<void> {
    await this.counter
      .reset(this.keys(attempt)[0].key)
      .catch((error: unknown) =>
        this.logger.warn(`Sign-in throttle unavailable: ${(error as Error).message}`),
      );
  }
}
