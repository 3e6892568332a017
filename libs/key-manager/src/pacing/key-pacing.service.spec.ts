import { DomainError, ErrorCode } from '@tiergate/common';
import type { UpstreamCredential, UpstreamKeyResolver } from '../upstream-key.resolver';
import { KeyPacing, MAX_PACING_WAIT_MS } from './key-pacing.service';
import { NO_LIMITS, Pacer, type KeyLimits, type PaceOutcome, type ReportedRoom } from './pacer';

const credential = (keyId: string, limits: KeyLimits | null, source: 'system' | 'user' = 'system') =>
  ({
    apiKey: `secret-${keyId}`,
    keyId,
    source,
    keyHint: '…',
    userId: null,
    fallbackToSystem: false,
    limits,
  }) as UpstreamCredential;

/** A pacer answering from a script per key; every call is recorded. */
class ScriptedPacer extends Pacer {
  readonly calls: string[] = [];
  readonly reports: Array<[string, ReportedRoom]> = [];
  constructor(private readonly answer: (keyId: string) => PaceOutcome | Error) {
    super();
  }
  acquire(keyId: string): Promise<PaceOutcome> {
    this.calls.push(keyId);
    const outcome = this.answer(keyId);
    return outcome instanceof Error ? Promise.reject(outcome) : Promise.resolve(outcome);
  }
  correctTokens(): Promise<void> {
    return Promise.resolve();
  }
  report(keyId: string, room: ReportedRoom): Promise<void> {
    this.reports.push([keyId, room]);
    return Promise.resolve();
  }
}

const RPS = { ...NO_LIMITS, requestsPerSecond: 10 };
const demand = { providerId: 'together_ai', providerName: 'Together AI', tokens: () => 42 };

function pacingWith(pacer: Pacer, others: UpstreamCredential[] = []) {
  const resolver = {
    systemKey: (_p: string, _n: string, tried: ReadonlySet<string>) => {
      const next = others.find((key) => !tried.has(key.keyId));
      return next ? Promise.resolve(next) : Promise.reject(new DomainError(ErrorCode.NoSystemKey, 'none'));
    },
  } as unknown as UpstreamKeyResolver;
  return { pacing: new KeyPacing(pacer, resolver) };
}

describe('KeyPacing', () => {
  it('leaves a key without limits alone: no pacer call at all', async () => {
    const pacer = new ScriptedPacer(() => new Error('must not be called'));
    const { pacing } = pacingWith(pacer);
    const key = credential('a', NO_LIMITS);
    expect(pacing.paces(key)).toBe(false);
    expect(await pacing.acquire(key, demand)).toEqual({ credential: key });
    expect(pacer.calls).toEqual([]);
  });

  it("never paces a user's own key", async () => {
    const pacer = new ScriptedPacer(() => new Error('must not be called'));
    const { pacing } = pacingWith(pacer);
    const own = credential('mine', RPS, 'user');
    expect(await pacing.acquire(own, demand)).toEqual({ credential: own });
    pacing.observe(own, { 'x-ratelimit-remaining': '0' });
    expect(pacer.reports).toEqual([]);
    expect(pacer.calls).toEqual([]);
  });

  it('takes a slot on the key, counted with the expected tokens', async () => {
    const pacer = new ScriptedPacer(() => ({ ok: true, slot: 7 }));
    const key = credential('a', RPS);
    expect(await pacingWith(pacer).pacing.acquire(key, demand)).toEqual({
      credential: key,
      slot: 7,
      tokens: 42,
    });
  });

  it('moves to another system key with room when this one is full', async () => {
    const pacer = new ScriptedPacer((id) =>
      id === 'a' ? { ok: false, limit: 'requests_per_second', retryAfterMs: 900 } : { ok: true, slot: 1 },
    );
    const other = credential('b', RPS);
    const paced = await pacingWith(pacer, [other]).pacing.acquire(credential('a', RPS), demand);
    expect(paced.credential).toBe(other);
    expect(pacer.calls).toEqual(['a', 'b']);
  });

  it('waits for room that frees within the bound', async () => {
    let refused = false;
    const pacer = new ScriptedPacer(() => {
      if (refused) return { ok: true, slot: 1 };
      refused = true;
      return { ok: false, limit: 'requests_per_second', retryAfterMs: 30 };
    });
    const key = credential('a', RPS);
    expect((await pacingWith(pacer).pacing.acquire(key, demand)).credential).toBe(key);
    expect(pacer.calls).toEqual(['a', 'a']);
  });

  it('refuses with 429 and an honest Retry-After when no key has room within the bound', async () => {
    const pacer = new ScriptedPacer((id) => ({
      ok: false,
      limit: 'requests_per_second',
      retryAfterMs: id === 'a' ? 1_400 : MAX_PACING_WAIT_MS + 700,
    }));
    const error = await pacingWith(pacer, [credential('b', RPS)])
      .pacing.acquire(credential('a', RPS), demand)
      .catch((e: unknown) => e);
    expect(error).toMatchObject({ code: ErrorCode.AccountRateLimited, retryAfterSeconds: 1 });
    expect((error as Error).message).toContain('requests per second');
  });

  it('fails open while the pacer (Redis) is unreachable', async () => {
    const pacer = new ScriptedPacer(() => new Error('Connection is closed.'));
    const key = credential('a', RPS);
    expect(await pacingWith(pacer).pacing.acquire(key, demand)).toEqual({ credential: key });
  });

  it('follows headers reporting less room than the key is limited to', () => {
    const pacer = new ScriptedPacer(() => ({ ok: true, slot: 1 }));
    const { pacing } = pacingWith(pacer);
    pacing.observe(credential('a', RPS), { 'x-ratelimit-remaining': '3', 'x-ratelimit-reset': '2' });
    expect(pacer.reports).toEqual([['a', { requests: 3, tokens: null, resetMs: 2000 }]]);
  });

  it('leaves a key without limits alone even when the upstream reports no room (its 429s are retried as ever)', () => {
    const pacer = new ScriptedPacer(() => new Error('must not be called'));
    const { pacing } = pacingWith(pacer);
    const key = credential('a', NO_LIMITS);
    pacing.observe(key, { 'x-ratelimit-remaining': '0', 'x-ratelimit-reset': '30' });
    expect(pacer.reports).toEqual([]);
    expect(pacing.paces(key)).toBe(false);
  });

  it('ignores headers reporting at least the configured room', () => {
    const pacer = new ScriptedPacer(() => ({ ok: true, slot: 1 }));
    const { pacing } = pacingWith(pacer);
    pacing.observe(credential('a', RPS), { 'x-ratelimit-remaining': '10', 'x-ratelimit-reset': '1' });
    expect(pacer.reports).toEqual([]);
  });
});
