import { Logger } from '@nestjs/common';
import { InProcessChangeBus } from '@tiergate/redis';
import { DatabaseUnavailableError } from '@tiergate/database';
import type { Principal } from './principal';
import { PRINCIPALS_CHANGED, PrincipalCache, type CachedPrincipal } from './principal-cache';

const principal = (overrides: Partial<Principal> = {}): Principal => ({
  id: 'u1',
  email: 'a@example.com',
  role: 'user',
  tier: 'premium',
  via: 'api_key',
  apiKeyId: 'k1',
  ...overrides,
});

const refused = () =>
  Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:5432'), { code: 'ECONNREFUSED' });

/** A load function that counts its calls and answers what it is told. */
function loader(answer: () => Promise<CachedPrincipal | null>) {
  const load = jest.fn(answer);
  return load;
}

describe('PrincipalCache', () => {
  beforeAll(() => Logger.overrideLogger(false));
  afterAll(() => Logger.overrideLogger(['log', 'error', 'warn', 'debug', 'verbose']));

  let bus: InProcessChangeBus;
  let cache: PrincipalCache;
  let now: number;

  beforeEach(() => {
    now = 1_000_000;
    jest.spyOn(Date, 'now').mockImplementation(() => now);
    bus = new InProcessChangeBus();
    cache = new PrincipalCache(bus, { freshMs: 30_000, maxStaleMs: 3_600_000, outageBackoffMs: 1_000 });
    cache.onModuleInit();
  });
  afterEach(() => jest.restoreAllMocks());

  it('reads the database once while an entry is fresh, and again after freshMs', async () => {
    const load = loader(async () => ({ principal: principal() }));
    expect((await cache.resolve('k', load))?.principal.id).toBe('u1');
    now += 29_000;
    await cache.resolve('k', load);
    expect(load).toHaveBeenCalledTimes(1);
    now += 2_000;
    await cache.resolve('k', load);
    expect(load).toHaveBeenCalledTimes(2);
  });

  it('coalesces concurrent misses into one load', async () => {
    let release!: () => void;
    const gate = new Promise<void>((resolve) => (release = resolve));
    const load = loader(async () => {
      await gate;
      return { principal: principal() };
    });
    const all = Promise.all(Array.from({ length: 20 }, () => cache.resolve('k', load)));
    release();
    expect((await all).every((found) => found?.principal.id === 'u1')).toBe(true);
    expect(load).toHaveBeenCalledTimes(1);
  });

  it('does not cache a refusal, and drops an entry the database no longer confirms', async () => {
    let row: CachedPrincipal | null = { principal: principal() };
    const load = loader(async () => row);
    await cache.resolve('k', load);
    row = null;
    now += 31_000;
    expect(await cache.resolve('k', load)).toBeNull();
    expect(cache.size).toBe(0);
  });

  it('serves a stale entry while the database is unreachable, and 503s an unknown principal', async () => {
    await cache.resolve(
      'k',
      loader(async () => ({ principal: principal() })),
    );
    now += 10 * 60_000;
    const down = loader(async () => Promise.reject(refused()));
    expect((await cache.resolve('k', down))?.principal.id).toBe('u1');
    expect(cache.databaseDown).toBe(true);
    // Within the back-off, a stale entry does not wait for the database at all.
    expect((await cache.resolve('k', down))?.principal.id).toBe('u1');
    expect(down).toHaveBeenCalledTimes(1);
    await expect(cache.resolve('other', down)).rejects.toBeInstanceOf(DatabaseUnavailableError);
  });

  it('never serves an entry past maxStaleMs, nor a session past its end', async () => {
    await cache.resolve(
      'k',
      loader(async () => ({ principal: principal() })),
    );
    now += 3_600_001;
    await expect(
      cache.resolve(
        'k',
        loader(async () => Promise.reject(refused())),
      ),
    ).rejects.toBeInstanceOf(DatabaseUnavailableError);
    const session = {
      principal: principal({ via: 'session', sessionId: 's1' }),
      validUntil: new Date(now + 5_000),
    };
    await cache.resolve(
      's',
      loader(async () => session),
    );
    now += 5_000;
    expect(
      await cache.resolve(
        's',
        loader(async () => Promise.reject(refused())),
      ),
    ).toBeNull();
  });

  it('rethrows errors that are not an outage', async () => {
    const broken = loader(async () => Promise.reject(new Error('column "x" does not exist')));
    await expect(cache.resolve('k', broken)).rejects.toThrow('column "x" does not exist');
    expect(cache.databaseDown).toBe(false);
  });

  it.each([
    [{ kind: 'user', userId: 'u1' } as const, ['jwt', 'key', 'session'], ['other']],
    [{ kind: 'api_key', apiKeyId: 'k1' } as const, ['key'], ['jwt', 'session', 'other']],
    [{ kind: 'session', sessionId: 's1' } as const, ['session'], ['jwt', 'key', 'other']],
    [{ kind: 'sessions', userId: 'u1' } as const, ['session'], ['jwt', 'key', 'other']],
  ])('a %o message over the bus drops %j and keeps %j', async (change, dropped, kept) => {
    const entries: Record<string, Principal> = {
      jwt: principal({ via: 'jwt', apiKeyId: undefined }),
      key: principal(),
      session: principal({ via: 'session', apiKeyId: undefined, sessionId: 's1' }),
      other: principal({ id: 'u2', apiKeyId: 'k2', via: 'api_key' }),
    };
    for (const [key, value] of Object.entries(entries))
      await cache.resolve(
        key,
        loader(async () => ({ principal: value })),
      );
    await bus.publish(
      PRINCIPALS_CHANGED,
      `${change.kind}:${'userId' in change ? change.userId : 'apiKeyId' in change ? change.apiKeyId : change.sessionId}`,
    );
    const reload = loader(async () => null);
    for (const key of dropped) expect(await cache.resolve(key, reload)).toBeNull();
    for (const key of kept) expect(await cache.resolve(key, reload)).not.toBeNull();
    expect(reload).toHaveBeenCalledTimes(dropped.length);
  });

  it('announce() drops here and tells the bus; a load that raced the change is not cached', async () => {
    const heard: string[] = [];
    bus.subscribe(PRINCIPALS_CHANGED, (payload) => heard.push(payload));
    let release!: () => void;
    const gate = new Promise<void>((resolve) => (release = resolve));
    const slow = cache.resolve(
      'k',
      loader(async () => {
        await gate;
        return { principal: principal() };
      }),
    );
    await cache.announce({ kind: 'api_key', apiKeyId: 'k1' });
    release();
    await slow;
    expect(heard).toEqual(['api_key:k1']);
    expect(cache.size).toBe(0);
  });

  it('reads every entry again after the bus reconnects, still serving it if the database is down then', async () => {
    const reconnects: Array<() => void> = [];
    class FlakyBus extends InProcessChangeBus {
      override onReconnect(handler: () => void): void {
        reconnects.push(handler);
      }
    }
    const watched = new PrincipalCache(new FlakyBus());
    watched.onModuleInit();
    const load = loader(async () => ({ principal: principal() }));
    await watched.resolve('k', load);
    await watched.resolve(
      'revoked',
      loader(async () => ({ principal: principal({ apiKeyId: 'k9' }) })),
    );
    reconnects.forEach((handler) => handler());
    now += 1;
    await watched.resolve('k', load);
    expect(load).toHaveBeenCalledTimes(2); // re-read although it was fresh
    await watched.resolve('k', load);
    expect(load).toHaveBeenCalledTimes(2); // and fresh again afterwards
    expect(
      await watched.resolve(
        'revoked',
        loader(async () => null),
      ),
    ).toBeNull();

    now += 1;
    reconnects.forEach((handler) => handler());
    const down = loader(async () => Promise.reject(refused()));
    expect((await watched.resolve('k', down))?.principal.id).toBe('u1');
    expect(down).toHaveBeenCalledTimes(1);
  });

  it('announce() does not throw when the bus is down', async () => {
    jest.spyOn(bus, 'publish').mockRejectedValue(new Error('Connection is closed.'));
    await expect(cache.announce({ kind: 'user', userId: 'u1' })).resolves.toBeUndefined();
  });
});
