import type { ModelCandidate } from '@tiergate/common';
import { Logger } from '@nestjs/common';
import { DomainError, ErrorCode } from '@tiergate/common';
import { Metrics } from '@tiergate/metrics';
import { MemoryCircuitBreakerStore } from './memory-circuit-breaker.store';
import {
  breakerCandidate,
  breakerKey,
  FallbackChain,
  FallbackExhaustedError,
  type AttemptContext,
  type ChainOptions,
} from './fallback-chain';

const C = 1_000;
const model = (name: string): ModelCandidate => ({ providerId: 'together_ai', model: name });
const failure = (code: ErrorCode) => new DomainError(code, `failed with ${code}`);
const tooLong = () => failure(ErrorCode.ContextLengthExceeded);

/** A chain over a memory breaker on an injected clock, and a scripted upstream. */
function setup() {
  let now = 1_000_000;
  const breakers = new MemoryCircuitBreakerStore(
    { failureThreshold: 1, windowMs: 10 * C, cooldownMs: C, maxCooldownMs: 8 * C, probeTimeoutMs: 5 * C },
    { now: () => now },
  );
  const metrics = new Metrics();
  const chain = new FallbackChain(breakers, metrics);
  const calls: string[] = [];
  const contexts: Record<string, AttemptContext> = {};
  /** `script[model]`: what the model does (an error to throw, else it answers with its name). */
  const run = (
    models: string[],
    script: Record<string, DomainError | ((context: AttemptContext) => Promise<string>)> = {},
    options: Partial<ChainOptions<string>> = {},
  ) =>
    chain.run<string>(
      {
        // `backup:x` is model x on another provider; a bare name is on together_ai.
        chain: models.map((name) => (name.includes(':') ? breakerCandidate(name) : model(name))),
        deadline: Date.now() + 60_000,
        ...options,
      },
      async (candidate, context) => {
        calls.push(candidate.model);
        contexts[candidate.model] = context;
        const step = script[candidate.model];
        if (step instanceof DomainError) throw step;
        return step ? step(context) : candidate.model;
      },
    );
  return { breakers, metrics, run, calls, contexts, advance: (ms: number) => (now += ms) };
}

describe('FallbackChain', () => {
  beforeAll(() => Logger.overrideLogger(false));
  afterAll(() => Logger.overrideLogger(['log', 'error', 'warn', 'debug', 'verbose']));

  describe('context_length_exceeded: only models whose window is larger, or unknown', () => {
    const windows: Record<string, number | null> = { w4k: 4_096, w8k: 8_192, w16k: 16_384, unknown: null };
    const contextLength = (candidate: ModelCandidate) => Promise.resolve(windows[candidate.model] ?? null);

    it.each<[string, string[], string[], string[]]>([
      ['a model with an unknown window is tried (issue 15)', ['w4k', 'unknown'], ['w4k'], ['w4k', 'unknown']],
      [
        'a smaller window is skipped, an unknown one tried',
        ['w8k', 'w4k', 'unknown'],
        ['w8k'],
        ['w8k', 'unknown'],
      ],
      [
        'after an unknown window fails, the largest known failure still bounds the rest',
        ['w8k', 'unknown', 'w4k', 'w16k'],
        ['w8k', 'unknown'],
        ['w8k', 'unknown', 'w16k'],
      ],
    ])('%s', async (_name, models, failing, called) => {
      const { run, calls } = setup();
      const script = Object.fromEntries(failing.map((name) => [name, tooLong()]));
      const outcome = await run(models, script, { contextLength });
      expect(calls).toEqual(called);
      expect(outcome.result).toBe(called.at(-1));
      expect(outcome.fallbackReason).toBe('context_length_exceeded');
    });

    it('a window that cannot be read counts as unknown', async () => {
      const { run, calls } = setup();
      const outcome = await run(
        ['w4k', 'w8k'],
        { w4k: tooLong() },
        {
          contextLength: (candidate) =>
            candidate.model === 'w4k' ? Promise.resolve(4_096) : Promise.reject(new Error('catalog down')),
        },
      );
      expect(calls).toEqual(['w4k', 'w8k']);
      expect(outcome.result).toBe('w8k');
    });

    it('when nothing larger fits, says so with a 400 naming the models tried', async () => {
      const { run, calls } = setup();
      const attempt = run(
        ['w8k', 'w4k', 'unknown'],
        { w8k: tooLong(), unknown: tooLong() },
        { contextLength },
      );
      await expect(attempt).rejects.toMatchObject({
        code: ErrorCode.ContextLengthExceeded,
        message: expect.stringMatching(/w8k, unknown.*no model with a larger one/),
      });
      expect(calls).toEqual(['w8k', 'unknown']);
    });
  });

  describe('retries: only when no other model can take the request', () => {
    it.each<[string, string[], (s: ReturnType<typeof setup>) => Promise<void>, boolean]>([
      ['a model with a fallback after it: no retry', ['a', 'b'], () => Promise.resolve(), false],
      ['the last model: retries', ['a'], () => Promise.resolve(), true],
      [
        'every later model behind an open breaker: retries',
        ['a', 'b', 'c'],
        async ({ breakers }) => {
          await breakers.recordFailure(breakerKey(model('b')));
          await breakers.recordFailure(breakerKey(model('c')));
        },
        true,
      ],
      [
        'one later model still closed: no retry',
        ['a', 'b', 'c'],
        async ({ breakers }) => void (await breakers.recordFailure(breakerKey(model('b')))),
        false,
      ],
    ])('%s', async (_name, models, before, expected) => {
      const s = setup();
      await before(s);
      let allowed: boolean | undefined;
      await s.run(models, {
        a: async (context) => {
          allowed = await context.mayRetry();
          return 'a';
        },
      });
      expect(allowed).toBe(expected);
    });

    it('not once the model’s own breaker has opened (another request saw it fail), even as the last model', async () => {
      const s = setup();
      let allowed: boolean | undefined;
      await s.run(['a'], {
        a: async (context) => {
          await s.breakers.recordFailure(breakerKey(model('a')));
          allowed = await context.mayRetry();
          return 'a';
        },
      });
      expect(allowed).toBe(false);
    });

    it('never for a probe: it is one attempt', async () => {
      const s = setup();
      await s.breakers.recordFailure(breakerKey(model('a')));
      s.advance(C);
      let context: AttemptContext | undefined;
      await s.run(['a'], {
        a: (given) => {
          context = given;
          return Promise.resolve('a');
        },
      });
      expect(context!.probe).toBe(true);
      expect(await context!.mayRetry()).toBe(false);
    });
  });

  describe('what a failed call tells the breaker', () => {
    it.each<[string, DomainError, 'open' | 'probe', number | null]>([
      [
        'a probe that fails with a 5xx re-opens it for twice the cool-down',
        failure(ErrorCode.UpstreamUnavailable),
        'open',
        2 * C,
      ],
      ['a probe that times out re-opens it too', failure(ErrorCode.UpstreamTimeout), 'open', 2 * C],
      [
        'a probe refused for the caller’s request says nothing: the next call probes',
        failure(ErrorCode.UpstreamBadRequest),
        'probe',
        null,
      ],
      [
        'a probe that was rate limited says nothing either',
        failure(ErrorCode.UpstreamRateLimited),
        'probe',
        null,
      ],
    ])('%s', async (_name, error, next, cooldown) => {
      const s = setup();
      const key = breakerKey(model('a'));
      await s.breakers.recordFailure(key);
      s.advance(C);
      await s.run(['a', 'b'], { a: error }).catch(() => undefined);
      expect(s.contexts.a.probe).toBe(true);
      expect(await s.breakers.peek(key)).toBe(next);
      const [open] = await s.breakers.listOpen();
      expect(next === 'open' ? open.retryAt - open.openedAt : null).toBe(cooldown);
    });

    it('an open breaker is skipped without a call; a success of the probe closes it', async () => {
      const s = setup();
      await s.breakers.recordFailure(breakerKey(model('a')));
      const skipped = await s.run(['a', 'b']);
      expect(skipped).toMatchObject({ result: 'b', fallbackReason: 'circuit_open' });
      expect(s.calls).toEqual(['b']);
      s.advance(C);
      expect((await s.run(['a', 'b'])).result).toBe('a');
      expect(await s.breakers.acquire(breakerKey(model('a')))).toBe('closed');
      expect(await s.metrics.breakerSkips.get()).toMatchObject({
        values: [expect.objectContaining({ value: 1, labels: { provider: 'together_ai', model: 'a' } })],
      });
    });
  });

  it('reports each model passed over: a called one with its error and timing, a skipped one without', async () => {
    const s = setup();
    await s.breakers.recordFailure(breakerKey(model('b')));
    const before = Date.now();
    const outcome = await s.run(['a', 'b', 'c'], { a: failure(ErrorCode.UpstreamUnavailable) });
    expect(outcome.result).toBe('c');
    expect(outcome.failures).toEqual([
      {
        candidate: model('a'),
        reason: 'upstream_error',
        error: expect.objectContaining({ code: ErrorCode.UpstreamUnavailable }),
        startedAt: expect.any(Number),
        durationMs: expect.any(Number),
      },
      { candidate: model('b'), reason: 'circuit_open' },
    ]);
    expect(outcome.failures[0].startedAt).toBeGreaterThanOrEqual(before);
  });

  describe('which model answers, for each chain', () => {
    const rateLimited = () =>
      new DomainError(ErrorCode.UpstreamRateLimited, 'slow down', { retryAfterSeconds: 7 });

    it.each<[string, string[], Record<string, DomainError>, string[], string | null, string | null]>([
      ['the primary answers', ['a', 'b'], {}, ['a'], null, null],
      [
        'a 5xx moves on to the same provider’s next model',
        ['a', 'b'],
        { a: failure(ErrorCode.UpstreamUnavailable) },
        ['a', 'b'],
        'SAME_PROVIDER_DIFFERENT_MODEL',
        'upstream_error',
      ],
      [
        'a timeout moves on to another provider',
        ['a', 'backup:b'],
        { a: failure(ErrorCode.UpstreamTimeout) },
        ['a', 'b'],
        'DIFFERENT_PROVIDER',
        'timeout',
      ],
      [
        'the reason is the first failure’s, however many followed',
        ['a', 'b', 'backup:c'],
        { a: rateLimited(), b: failure(ErrorCode.ModelNotAvailable) },
        ['a', 'b', 'c'],
        'DIFFERENT_PROVIDER',
        'rate_limited',
      ],
      [
        'no usable key for the primary’s provider moves on',
        ['a', 'backup:b'],
        { a: failure(ErrorCode.NoSystemKey) },
        ['a', 'b'],
        'DIFFERENT_PROVIDER',
        'no_key',
      ],
    ])('%s', async (_name, models, script, called, strategy, reason) => {
      const s = setup();
      const outcome = await s.run(models, script);
      expect(s.calls).toEqual(called);
      expect(outcome).toMatchObject({ result: called.at(-1), strategy, fallbackReason: reason });
      expect(outcome.failures.map((f) => f.candidate.model)).toEqual(called.slice(0, -1));
    });

    it.each<[string, string[], Record<string, DomainError>, string[], ErrorCode]>([
      [
        'the caller’s bad request ends the chain at once',
        ['a', 'b'],
        { a: failure(ErrorCode.UpstreamBadRequest) },
        ['a'],
        ErrorCode.UpstreamBadRequest,
      ],
      [
        'a content policy refusal from a fallback ends it too',
        ['a', 'b', 'c'],
        { a: failure(ErrorCode.UpstreamUnavailable), b: failure(ErrorCode.ContentPolicy) },
        ['a', 'b'],
        ErrorCode.ContentPolicy,
      ],
      [
        'a context-length failure ends it when no window is known',
        ['a', 'b'],
        { a: tooLong() },
        ['a'],
        ErrorCode.ContextLengthExceeded,
      ],
      [
        'the caller’s own key refused is not a reason to spend another model',
        ['a', 'b'],
        { a: failure(ErrorCode.UserKeyRejected) },
        ['a'],
        ErrorCode.UserKeyRejected,
      ],
    ])('%s', async (_name, models, script, called, code) => {
      const s = setup();
      await expect(s.run(models, script)).rejects.toMatchObject({ code });
      expect(s.calls).toEqual(called);
      // The model that refused is not to blame.
      expect(await s.breakers.peek(breakerKey(model(called.at(-1)!)))).toBe('closed');
    });
  });

  describe('when every model fails', () => {
    const rateLimited = (seconds: number) =>
      new DomainError(ErrorCode.UpstreamRateLimited, 'slow down', { retryAfterSeconds: seconds });

    it.each<
      [string, string[], Record<string, DomainError>, string[], boolean, ErrorCode, number | undefined]
    >([
      [
        'one model: its own error',
        ['a'],
        { a: failure(ErrorCode.UpstreamUnavailable) },
        [],
        false,
        ErrorCode.UpstreamUnavailable,
        undefined,
      ],
      [
        'all timed out: a timeout',
        ['a', 'b'],
        { a: failure(ErrorCode.UpstreamTimeout), b: failure(ErrorCode.UpstreamTimeout) },
        [],
        true,
        ErrorCode.UpstreamTimeout,
        undefined,
      ],
      [
        'mixed, the last a timeout: a timeout',
        ['a', 'b'],
        { a: failure(ErrorCode.UpstreamUnavailable), b: failure(ErrorCode.UpstreamTimeout) },
        [],
        true,
        ErrorCode.UpstreamTimeout,
        undefined,
      ],
      [
        'mixed, the last not a timeout: unavailable',
        ['a', 'b'],
        { a: failure(ErrorCode.UpstreamTimeout), b: failure(ErrorCode.ModelNotAvailable) },
        [],
        true,
        ErrorCode.UpstreamUnavailable,
        undefined,
      ],
      [
        'all rate limited: still a 429, with the last Retry-After',
        ['a', 'b'],
        { a: rateLimited(3), b: rateLimited(9) },
        [],
        true,
        ErrorCode.UpstreamRateLimited,
        9,
      ],
      [
        'no key anywhere: the first no-key error',
        ['a', 'backup:b'],
        { a: failure(ErrorCode.NoSystemKey), b: failure(ErrorCode.NoSystemKey) },
        [],
        false,
        ErrorCode.NoSystemKey,
        undefined,
      ],
      [
        'the primary failed and the rest are behind open breakers: its error, naming them all',
        ['a', 'b', 'c'],
        { a: failure(ErrorCode.UpstreamUnavailable) },
        ['b', 'c'],
        true,
        ErrorCode.UpstreamUnavailable,
        undefined,
      ],
      [
        'every breaker open: not ready, nothing called',
        ['a', 'b'],
        {},
        ['a', 'b'],
        true,
        ErrorCode.NotReady,
        undefined,
      ],
    ])('%s', async (_name, models, script, open, exhausted, code, retryAfter) => {
      const s = setup();
      for (const name of open) await s.breakers.recordFailure(breakerKey(model(name)));
      const error = await s.run(models, script).then(
        () => undefined,
        (thrown: DomainError) => thrown,
      );
      expect(error).toBeInstanceOf(DomainError);
      expect({
        exhausted: error instanceof FallbackExhaustedError,
        code: error?.code,
        retryAfter: error?.retryAfterSeconds,
      }).toEqual({ exhausted, code, retryAfter });
      const names = models.map((name) => name.slice(name.indexOf(':') + 1)); // `backup:b` → b
      // An exhausted chain names every model it passed over.
      const named = names.filter((name) => error?.message.includes(`${name} (`));
      expect(named).toEqual(exhausted ? names : named);
      expect(s.calls).toEqual(names.filter((name) => !open.includes(name)));
    });

    it('answers from the cache when it has the request’s last good answer, else fails as without one', async () => {
      const down = { a: failure(ErrorCode.UpstreamUnavailable), b: failure(ErrorCode.UpstreamTimeout) };
      const cached = await setup().run(['a', 'b'], down, { cached: () => Promise.resolve('from cache') });
      expect(cached).toMatchObject({
        result: 'from cache',
        candidate: model('a'),
        strategy: 'CACHED_RESPONSE',
        fallbackReason: 'upstream_error',
      });
      expect(cached.failures.map((f) => f.reason)).toEqual(['upstream_error', 'timeout']);
      for (const cache of [() => Promise.resolve(undefined), () => Promise.reject(new Error('Redis down'))])
        await expect(setup().run(['a', 'b'], down, { cached: cache })).rejects.toMatchObject({
          code: ErrorCode.UpstreamTimeout,
        });
    });
  });

  describe('time and the caller leaving', () => {
    it('past the deadline the primary is still tried, and no fallback is started', async () => {
      const s = setup();
      const attempt = s.run(
        ['a', 'b', 'c'],
        { a: failure(ErrorCode.UpstreamUnavailable) },
        { deadline: Date.now() - 1 },
      );
      await expect(attempt).rejects.toBeInstanceOf(FallbackExhaustedError);
      await expect(attempt).rejects.toMatchObject({
        failures: [{ reason: 'upstream_error' }, { reason: 'chain_time_limit' }],
      });
      expect(s.calls).toEqual(['a']);
    });

    it('past the deadline a model may retry: no fallback can take the request in time', async () => {
      const s = setup();
      let allowed: boolean | undefined;
      await s.run(
        ['a', 'b'],
        {
          a: async (context) => {
            allowed = await context.mayRetry();
            return 'a';
          },
        },
        { deadline: Date.now() - 1 },
      );
      expect(allowed).toBe(true);
    });

    it('once the caller has left, no further model is called', async () => {
      const s = setup();
      const controller = new AbortController();
      const attempt = s.run(
        ['a', 'b'],
        {
          a: () => {
            controller.abort();
            return Promise.reject(failure(ErrorCode.UpstreamUnavailable));
          },
        },
        { signal: controller.signal },
      );
      await expect(attempt).rejects.toMatchObject({ code: ErrorCode.UpstreamUnavailable });
      expect(s.calls).toEqual(['a']);
    });

    it('a caller that left before the first model says so, and calls nothing', async () => {
      const s = setup();
      const controller = new AbortController();
      controller.abort();
      await expect(s.run(['a', 'b'], {}, { signal: controller.signal })).rejects.toMatchObject({
        code: ErrorCode.ClientClosedRequest,
      });
      expect(s.calls).toEqual([]);
    });
  });

  it('a breaker store that cannot be reached lets every model be called', async () => {
    const s = setup();
    const broken = new FallbackChain(
      {
        acquire: () => Promise.reject(new Error('Redis down')),
        peek: () => Promise.reject(new Error('Redis down')),
        recordFailure: () => Promise.reject(new Error('Redis down')),
        recordSuccess: () => Promise.reject(new Error('Redis down')),
        releaseProbe: () => Promise.reject(new Error('Redis down')),
        listOpen: () => Promise.reject(new Error('Redis down')),
      },
      s.metrics,
    );
    const calls: string[] = [];
    const outcome = await broken.run<string>(
      { chain: [model('a'), model('b')], deadline: Date.now() + 60_000 },
      (candidate) => {
        calls.push(candidate.model);
        return candidate.model === 'a'
          ? Promise.reject(failure(ErrorCode.UpstreamUnavailable))
          : Promise.resolve('b');
      },
    );
    expect(outcome).toMatchObject({ result: 'b', strategy: 'SAME_PROVIDER_DIFFERENT_MODEL' });
    expect(calls).toEqual(['a', 'b']);
  });
});
