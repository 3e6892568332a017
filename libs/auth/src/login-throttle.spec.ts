import { Logger } from '@nestjs/common';
import type { AuditService } from '@tiergate/audit';
import type { ApiConfig } from '@tiergate/config';
import { AttemptCounter, MemoryAttemptCounter, type AttemptCount } from '@tiergate/redis';
import { TooManySignInAttemptsError } from './auth.errors';
import { LoginThrottle, SIGN_IN_THROTTLED } from './login-throttle';

/** A shared counter that can be taken down, as Redis can. */
class SwitchableCounter extends AttemptCounter {
  down = false;
  private readonly inner = new MemoryAttemptCounter();

  private guard<T>(work: () => Promise<T>): Promise<T> {
    return this.down ? Promise.reject(new Error('Connection is closed.')) : work();
  }
  increment(key: string, windowSeconds: number): Promise<AttemptCount> {
    return this.guard(() => this.inner.increment(key, windowSeconds));
  }
  peek(key: string): Promise<AttemptCount> {
    return this.guard(() => this.inner.peek(key));
  }
  reset(key: string): Promise<void> {
    return this.guard(() => this.inner.reset(key));
  }
}

const config = { auth: { loginMaxFailures: 3, loginFailureWindowSeconds: 900 } } as ApiConfig;
const attempt = { email: 'Someone@Example.com', address: '203.0.113.9' };

describe('LoginThrottle', () => {
  beforeAll(() => Logger.overrideLogger(false));
  afterAll(() => Logger.overrideLogger(['log', 'error', 'warn', 'debug', 'verbose']));

  let counter: SwitchableCounter;
  let record: jest.Mock;
  let throttle: LoginThrottle;

  beforeEach(() => {
    counter = new SwitchableCounter();
    record = jest.fn().mockResolvedValue(undefined);
    throttle = new LoginThrottle(counter, config, { record } as unknown as AuditService);
  });

  async function failTimes(n: number) {
    for (let i = 0; i < n; i++) await throttle.recordFailure(attempt);
  }

  it('refuses after the limit and audits the refusal once a minute, without a user id', async () => {
    await failTimes(3);
    for (let i = 0; i < 3; i++)
      await expect(throttle.check(attempt)).rejects.toBeInstanceOf(TooManySignInAttemptsError);
    expect(record).toHaveBeenCalledTimes(1);
    expect(record).toHaveBeenCalledWith(
      { id: null, email: 'anonymous' },
      {
        action: SIGN_IN_THROTTLED,
        targetType: 'sign_in',
        targetId: null,
        after: {
          email: 'someone@example.com',
          address: '203.0.113.9',
          limit: 'account',
          retry_after_seconds: expect.any(Number),
        },
      },
    );
  });

  it('answers the 429 even when the audit cannot be written', async () => {
    record.mockRejectedValue(new Error('Connection terminated unexpectedly'));
    await failTimes(3);
    await expect(throttle.check(attempt)).rejects.toBeInstanceOf(TooManySignInAttemptsError);
  });

  it('counts per instance, with the same limits, while Redis is unreachable', async () => {
    counter.down = true;
    await failTimes(2);
    await expect(throttle.check(attempt)).resolves.toBeUndefined();
    await failTimes(1);
    await expect(throttle.check(attempt)).rejects.toBeInstanceOf(TooManySignInAttemptsError);
    // A success clears the account's count wherever it was kept.
    await throttle.recordSuccess(attempt);
    await expect(throttle.check(attempt)).resolves.toBeUndefined();
  });

  it('uses the shared counts again once Redis is back', async () => {
    await failTimes(3);
    counter.down = true;
    await expect(throttle.check(attempt)).resolves.toBeUndefined(); // this instance counted nothing
    counter.down = false;
    await expect(throttle.check(attempt)).rejects.toBeInstanceOf(TooManySignInAttemptsError);
  });

  it('limits an address at ten times the account limit, across accounts', async () => {
    for (let i = 0; i < 30; i++)
      await throttle.recordFailure({ email: `user${i % 15}@example.com`, address: attempt.address });
    const fresh = { email: 'fresh@example.com', address: attempt.address };
    await expect(throttle.check(fresh)).rejects.toBeInstanceOf(TooManySignInAttemptsError);
    expect(record.mock.calls[0][1].after.limit).toBe('address');
  });
});
