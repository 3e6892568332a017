import { ErrorCode } from '@tiergate/common';
import { ProviderError } from '../provider.errors';
import { isRetryable, retryDelayMs, withRetries, type RetrySettings } from './retry-policy';

const settings: RetrySettings = { maxRetries: 3, baseDelayMs: 1, maxDelayMs: 4, budgetMs: 1_000 };
const fail = (code: ProviderError['code'], retryAfterSeconds?: number) =>
  new ProviderError(code, 'failed', { provider: 'test', retryAfterSeconds });

describe('retry policy', () => {
  it('retries 429, 5xx and connection failures, never user errors, bad keys or timeouts', () => {
    expect(isRetryable(fail(ErrorCode.UpstreamRateLimited))).toBe(true);
    expect(isRetryable(fail(ErrorCode.UpstreamUnavailable))).toBe(true);
    expect(isRetryable(fail(ErrorCode.UpstreamBadRequest))).toBe(false);
    expect(isRetryable(fail(ErrorCode.UpstreamAuthFailed))).toBe(false);
    expect(isRetryable(fail(ErrorCode.ModelNotAvailable))).toBe(false);
    expect(isRetryable(fail(ErrorCode.UpstreamTimeout))).toBe(false);
    expect(isRetryable(new Error('boom'))).toBe(false);
  });

  it('uses full jitter below a doubling, capped ceiling', () => {
    const big: RetrySettings = { maxRetries: 5, baseDelayMs: 100, maxDelayMs: 1_000, budgetMs: 10_000 };
    const error = fail(ErrorCode.UpstreamUnavailable);
    expect(retryDelayMs(big, 0, error, () => 0.999)).toBe(99);
    expect(retryDelayMs(big, 2, error, () => 0.5)).toBe(200);
    expect(retryDelayMs(big, 6, error, () => 0.999)).toBe(999);
    expect(retryDelayMs(big, 3, error, () => 0)).toBe(0);
  });

  it('honours the upstream retry-after exactly', () => {
    expect(retryDelayMs(settings, 0, fail(ErrorCode.UpstreamRateLimited, 2.5))).toBe(2_500);
  });

  it('succeeds after transient failures and reports each retry', async () => {
    const retries: number[] = [];
    let calls = 0;
    const result = await withRetries(
      settings,
      async () => {
        calls += 1;
        if (calls < 3) throw fail(ErrorCode.UpstreamUnavailable);
        return 'ok';
      },
      { onRetry: (e) => retries.push(e.attempt) },
    );
    expect(result).toBe('ok');
    expect(calls).toBe(3);
    expect(retries).toEqual([1, 2]);
  });

  it('gives up after maxRetries with the last error', async () => {
    let calls = 0;
    const error = fail(ErrorCode.UpstreamUnavailable);
    await expect(
      withRetries(settings, async () => {
        calls += 1;
        throw error;
      }),
    ).rejects.toBe(error);
    expect(calls).toBe(4);
  });

  it('does not retry a non-retryable error', async () => {
    let calls = 0;
    await expect(
      withRetries(settings, async () => {
        calls += 1;
        throw fail(ErrorCode.UpstreamBadRequest);
      }),
    ).rejects.toMatchObject({ code: ErrorCode.UpstreamBadRequest });
    expect(calls).toBe(1);
  });

  it('does not begin a wait the budget cannot afford', async () => {
    let calls = 0;
    await expect(
      withRetries({ ...settings, budgetMs: 500 }, async () => {
        calls += 1;
        throw fail(ErrorCode.UpstreamRateLimited, 30);
      }),
    ).rejects.toMatchObject({ retryAfterSeconds: 30 });
    expect(calls).toBe(1);
  });

  it('stops waiting when the caller aborts', async () => {
    const controller = new AbortController();
    let calls = 0;
    const run = withRetries(
      { ...settings, budgetMs: 60_000 },
      async () => {
        calls += 1;
        throw fail(ErrorCode.UpstreamRateLimited, 20);
      },
      { signal: controller.signal },
    );
    controller.abort();
    await expect(run).rejects.toMatchObject({ code: ErrorCode.UpstreamRateLimited });
    expect(calls).toBe(1);
  });

  it.each<[string, boolean[], number]>([
    ['declined at once (another model can take the request): one call', [false], 1],
    ['allowed, then declined (the breaker opened meanwhile): two calls', [true, false], 2],
    ['always allowed: up to maxRetries', [true, true, true], 4],
  ])('asks mayRetry before each retry: %s', async (_name, answers, expectedCalls) => {
    let calls = 0;
    const asked: ErrorCode[] = [];
    const error = fail(ErrorCode.UpstreamUnavailable);
    await expect(
      withRetries(
        settings,
        async () => {
          calls += 1;
          throw error;
        },
        {
          mayRetry: (failed) => {
            asked.push(failed.code);
            return Promise.resolve(answers[asked.length - 1] ?? false);
          },
        },
      ),
    ).rejects.toBe(error);
    expect(calls).toBe(expectedCalls);
    expect(asked).toEqual(
      Array(Math.min(answers.length, settings.maxRetries)).fill(ErrorCode.UpstreamUnavailable),
    );
  });

  it('does not ask mayRetry about a failure that is not retried anyway (a timeout)', async () => {
    const mayRetry = jest.fn(() => true);
    await expect(
      withRetries(settings, () => Promise.reject(fail(ErrorCode.UpstreamTimeout)), { mayRetry }),
    ).rejects.toMatchObject({ code: ErrorCode.UpstreamTimeout });
    expect(mayRetry).not.toHaveBeenCalled();
  });
});
