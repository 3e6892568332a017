import { randomUUID } from 'node:crypto';
import Redis from 'ioredis';
import { ManualClock } from '@tiergate/common';
import { deleteKeysWithPrefix } from '@tiergate/redis';
import { advanceRedisExpiries, TEST_REDIS_URL } from '@tiergate/testing';
import { MemoryQuotaStore } from './memory-quota-store';
import type {
  LimitName,
  QuotaStore,
  ReservationAmounts,
  ReservationKeys,
  ReservationLimits,
} from './quota-store';
import { RedisQuotaStore } from './redis-quota-store';
import { utcDay } from './quota-clock';

const DAY = '20990101';
/** No limit set: every limit unlimited. */
const UNLIMITED: ReservationLimits = {};
const TEXT: ReservationAmounts = { tokens: 100, audioMs: 0, stream: false, quota: true };
const NO_USAGE = { requests: 0, tokens: 0, audioMs: 0 };

interface Subject {
  store: QuotaStore;
  /** Another api instance's store: the same counters (in embedded mode, one process: the same store). */
  sibling: QuotaStore;
  /** Loses every counter and seed mark, as a Redis restart without persistence (or a new process) does. */
  lose(): Promise<void>;
  /** Lets time pass as far as the counters' expiry goes (the caller names the windows). */
  advance(ms: number): Promise<void>;
  close(): Promise<void>;
  prefix?: string;
}

function redisSubject(): Subject {
  const prefix = `tiergate-test:${randomUUID().slice(0, 8)}:`;
  const redis = new Redis(TEST_REDIS_URL);
  const other = new Redis(TEST_REDIS_URL);
  return {
    store: new RedisQuotaStore(redis, prefix),
    sibling: new RedisQuotaStore(other, prefix),
    prefix,
    lose: () => deleteKeysWithPrefix(TEST_REDIS_URL, prefix),
    advance: (ms) => advanceRedisExpiries(redis, prefix, ms),
    close: async () => {
      await deleteKeysWithPrefix(TEST_REDIS_URL, prefix);
      redis.disconnect();
      other.disconnect();
    },
  };
}

function memorySubject(): Subject {
  const clock = new ManualClock();
  const store = new MemoryQuotaStore(() => clock.now());
  const state = store as unknown as { counters: Map<string, unknown>; marks: Map<string, unknown> };
  return {
    store,
    sibling: store,
    lose: () => {
      state.counters.clear();
      state.marks.clear();
      return Promise.resolve();
    },
    advance: (ms) => Promise.resolve(clock.advance(ms)),
    close: () => Promise.resolve(),
  };
}

/** The same contract for the Redis store and its in-process twin. */
describe.each([
  ['Redis', redisSubject],
  ['memory', memorySubject],
])('QuotaStore seeding (%s)', (_name, create: () => Subject) => {
  let subject: Subject;
  let store: QuotaStore;
  let second = 0;

  beforeEach(() => {
    subject = create();
    store = subject.store;
  });
  afterEach(() => subject.close());

  /** Keys in a fresh rate window each time, so only the daily counters carry over. */
  const keysFor = (userId: string, feature = 'text_generation'): ReservationKeys => ({
    userId,
    feature,
    day: DAY,
    second: ++second,
    minute: second,
    dayTtlSeconds: 3600,
  });
  const usage = async (userId: string) => store.dayUsage(userId, DAY, ['text_generation', 'audio_tts']);

  it('counts nothing against unseeded day counters and says so; own-key requests need no seed', async () => {
    const user = randomUUID();
    expect(await store.reserve(keysFor(user), UNLIMITED, TEXT, true)).toEqual({ ok: false, unseeded: true });
    expect(await usage(user)).toEqual({
      seeded: false,
      features: { text_generation: NO_USAGE, audio_tts: NO_USAGE },
    });
    const own = await store.reserve(keysFor(user), UNLIMITED, { ...TEXT, quota: false }, true);
    expect(own).toMatchObject({ ok: true, requestsUsed: 0 });
  });

  it('seeds from the ledger once, then counts on top of it up to the limit', async () => {
    const user = randomUUID();
    const ledger = {
      text_generation: { requests: 49, tokens: 4_900, audioMs: 0 },
      audio_tts: { requests: 2, tokens: 0, audioMs: 61_500 },
    };
    expect(await store.seed(user, DAY, ledger, 3600)).toBe(true);
    expect(await usage(user)).toEqual({ seeded: true, features: ledger });
    // A second seeding (another instance, later) changes nothing.
    expect(
      await store.seed(user, DAY, { text_generation: { requests: 500, tokens: 1, audioMs: 0 } }, 3600),
    ).toBe(false);
    const limits = { ...UNLIMITED, requests_per_day: 50 };
    const first = await store.reserve(keysFor(user), limits, TEXT, true);
    expect(first).toMatchObject({ ok: true, requestsUsed: 50, tokensUsed: 5_000 });
    expect(await store.reserve(keysFor(user), limits, TEXT, true)).toEqual({
      ok: false,
      limit: 'requests_per_day',
      limitValue: 50,
    });
    const audio = await store.reserve(
      keysFor(user, 'audio_tts'),
      { ...UNLIMITED, minutes_per_day: 120_000 },
      { tokens: 0, audioMs: 60_000, stream: false, quota: true },
      true,
    );
    expect(audio).toEqual({ ok: false, limit: 'minutes_per_day', limitValue: 120_000 });
  });

  it('instances racing to seed count the ledger once', async () => {
    const user = randomUUID();
    const ledger = { text_generation: { requests: 7, tokens: 70, audioMs: 0 } };
    const results = await Promise.all(Array.from({ length: 20 }, () => store.seed(user, DAY, ledger, 3600)));
    expect(results.filter(Boolean)).toHaveLength(1);
    expect((await usage(user)).features.text_generation).toEqual(ledger.text_generation);
  });

  it('keeps counters already larger than the ledger (counted while the ledger was unreachable)', async () => {
    const user = randomUUID();
    for (let i = 0; i < 3; i++) await store.reserve(keysFor(user), UNLIMITED, TEXT, false);
    await store.seed(user, DAY, { text_generation: { requests: 2, tokens: 900, audioMs: 0 } }, 3600);
    expect((await usage(user)).features.text_generation).toEqual({ requests: 3, tokens: 900, audioMs: 0 });
  });

  it('200 racing reservations on seeded counters: exactly the limit succeeds', async () => {
    const user = randomUUID();
    await store.seed(user, DAY, { text_generation: { requests: 10, tokens: 0, audioMs: 0 } }, 3600);
    const keys = keysFor(user);
    const outcomes = await Promise.all(
      Array.from({ length: 200 }, () =>
        store.reserve(keys, { ...UNLIMITED, requests_per_day: 50 }, TEXT, true),
      ),
    );
    expect(outcomes.filter((outcome) => outcome.ok)).toHaveLength(40);
    expect((await usage(user)).features.text_generation.requests).toBe(50);
  });

  it('settles under the same seeding; after a loss and a rebuild, adds a settled request in full and ignores a refund', async () => {
    const user = randomUUID();
    await store.seed(user, DAY, {}, 3600);
    const reserve = async (keys: ReservationKeys) => {
      const outcome = await store.reserve(keys, UNLIMITED, TEXT, true);
      if (!outcome.ok) throw new Error('not admitted');
      return { ...keys, seed: outcome.seed };
    };
    const settled = await reserve(keysFor(user));
    await store.settle(settled, TEXT, -40, 0); // used 60 of the 100 reserved
    expect((await usage(user)).features.text_generation).toEqual({ requests: 1, tokens: 60, audioMs: 0 });

    const inFlight = await reserve(keysFor(user));
    const failing = await reserve(keysFor(user));
    await subject.lose();
    // Nothing is counted until the counters are rebuilt.
    expect(await store.reserve(keysFor(user), UNLIMITED, TEXT, true)).toEqual({ ok: false, unseeded: true });
    await store.seed(user, DAY, { text_generation: { requests: 1, tokens: 60, audioMs: 0 } }, 3600);
    await store.settle(inFlight, TEXT, -75, 0); // its event is written after this: counted now, in full
    await store.refund(failing, TEXT); // never counted by the rebuild: nothing to give back
    expect((await usage(user)).features.text_generation).toEqual({ requests: 2, tokens: 85, audioMs: 0 });
  });

  it('leaves day counters alone when a settle finds them lost and not yet rebuilt', async () => {
    const user = randomUUID();
    await store.seed(user, DAY, {}, 3600);
    const outcome = await store.reserve(keysFor(user), UNLIMITED, TEXT, true);
    if (!outcome.ok) throw new Error('not admitted');
    await subject.lose();
    await store.settle({ ...keysFor(user), seed: outcome.seed }, TEXT, -10, 0);
    expect(await usage(user)).toEqual({
      seeded: false,
      features: { text_generation: NO_USAGE, audio_tts: NO_USAGE },
    });
  });
  it('carries the counts of a fail-open period over, unless the counters were rebuilt from the ledger since it began', async () => {
    const counted = { requests: 5, tokens: 500, audioMs: 0 };
    // Seeded before the outage: the counts are added.
    const before = randomUUID();
    await store.seed(before, DAY, { text_generation: { requests: 10, tokens: 1_000, audioMs: 0 } }, 3600);
    await store.carryOver(before, DAY, 'text_generation', counted, Date.now() + 5, 3600);
    expect((await usage(before)).features.text_generation).toEqual({
      requests: 15,
      tokens: 1_500,
      audioMs: 0,
    });
    // Rebuilt from the ledger after the outage began: that ledger may hold them already.
    const rebuilt = randomUUID();
    const since = Date.now() - 5;
    await store.seed(rebuilt, DAY, { text_generation: { requests: 10, tokens: 1_000, audioMs: 0 } }, 3600);
    await store.carryOver(rebuilt, DAY, 'text_generation', counted, since, 3600);
    expect((await usage(rebuilt)).features.text_generation).toEqual({
      requests: 10,
      tokens: 1_000,
      audioMs: 0,
    });
    // Not seeded (lost): added, and the rebuild that follows keeps the larger of them and the ledger.
    const lost = randomUUID();
    await store.carryOver(lost, DAY, 'text_generation', counted, since, 3600);
    await store.seed(lost, DAY, { text_generation: { requests: 3, tokens: 900, audioMs: 0 } }, 3600);
    expect((await usage(lost)).features.text_generation).toEqual({ requests: 5, tokens: 900, audioMs: 0 });
  });
  it('takes back a reservation whose reply was lost, once, and never a settled one', async () => {
    const user = randomUUID();
    await store.seed(user, DAY, {}, 3600);
    const stream = { ...TEXT, stream: true };
    const lost = { ...keysFor(user), reservation: `${user}.1` };
    const settled = { ...keysFor(user), reservation: `${user}.2` };
    expect((await store.reserve(lost, UNLIMITED, stream, true)).ok).toBe(true);
    const kept = await store.reserve(settled, UNLIMITED, stream, true);
    if (!kept.ok) throw new Error('not admitted');
    await store.settle({ ...settled, seed: kept.seed }, stream, -40, 0);
    expect((await usage(user)).features.text_generation).toEqual({ requests: 2, tokens: 160, audioMs: 0 });

    expect(await store.undoLost(lost, stream)).toBe(true);
    expect(await store.undoLost(lost, stream)).toBe(false);
    expect(await store.undoLost(settled, stream)).toBe(false);
    expect(await store.undoLost({ ...keysFor(user), reservation: 'never-sent' }, stream)).toBe(false);
    expect((await usage(user)).features.text_generation).toEqual({ requests: 1, tokens: 60, audioMs: 0 });
    // Its stream slot is free again: one concurrent stream allowed, and none is open.
    const again = await store.reserve(keysFor(user), { ...UNLIMITED, concurrent_streams: 1 }, stream, true);
    expect(again.ok).toBe(true);
  });
  it('adds usage with an id once, however often it is repeated (a batch follower run again)', async () => {
    const user = randomUUID();
    const results = { requests: 100, tokens: 4_000, audioMs: 0 };
    await store.seed(user, DAY, { text_generation: { requests: 1, tokens: 10, audioMs: 0 } }, 3600);
    await Promise.all(
      [1, 2, 3].map(() =>
        store.carryOver(user, DAY, 'text_generation', results, Date.now() + 5, 3600, 'batch_1'),
      ),
    );
    await store.carryOver(user, DAY, 'text_generation', results, Date.now() + 5, 3600, 'batch_2');
    expect((await usage(user)).features.text_generation).toEqual({
      requests: 201,
      tokens: 8_010,
      audioMs: 0,
    });
  });
});

/** Reservations against each limit, on both stores; the windows' keys are the caller's. */
describe.each([
  ['Redis', redisSubject],
  ['memory', memorySubject],
])('QuotaStore limits and windows (%s)', (_name, create: () => Subject) => {
  let subject: Subject;
  let store: QuotaStore;
  beforeEach(() => {
    subject = create();
    store = subject.store;
  });
  afterEach(() => subject.close());

  const keysOf = (userId: string, feature = 'text_generation', day = DAY): ReservationKeys => ({
    userId,
    feature,
    day,
    second: 1,
    minute: 1,
    dayTtlSeconds: 3600,
  });
  const AUDIO: ReservationAmounts = { tokens: 0, audioMs: 60_000, stream: false, quota: true };
  const STREAM: ReservationAmounts = { ...TEXT, stream: true };
  const day = async (userId: string, feature = 'text_generation', on = DAY) =>
    (await store.dayUsage(userId, on, [feature])).features[feature];

  /** Every limit set, and none reached by the few requests of a test: the one reached must stand out. */
  const LOOSE: Required<ReservationLimits> = {
    requests_per_second: 1_001,
    requests_per_minute: 1_002,
    tokens_per_minute: 1_000_003,
    concurrent_streams: 1_004,
    requests_per_day: 1_005,
    tokens_per_day: 1_000_006,
    minutes_per_day: 1_000_007,
  };
  /** Each limit, the value it is set to, the request, and how many such requests fit. */
  const REACHED: Array<[LimitName, number, ReservationAmounts, number]> = [
    ['requests_per_second', 3, TEXT, 3],
    ['requests_per_minute', 3, TEXT, 3],
    ['tokens_per_minute', 250, TEXT, 2],
    ['concurrent_streams', 2, STREAM, 2],
    ['requests_per_day', 3, TEXT, 3],
    ['tokens_per_day', 250, TEXT, 2],
    ['minutes_per_day', 150_000, AUDIO, 2],
  ];
  it.each<[LimitName, string, ReservationLimits, number, ReservationAmounts, number]>(
    REACHED.flatMap(([limit, value, amounts, admitted]) => [
      [limit, 'alone', UNLIMITED, value, amounts, admitted],
      [limit, 'among every other limit', LOOSE, value, amounts, admitted],
    ]),
  )(
    '%s (%s): admits up to the limit, then refuses naming it and its value, and counts nothing',
    async (limit, _others, others, limitValue, amounts, admitted) => {
      const user = randomUUID();
      const limits = { ...others, [limit]: limitValue };
      const outcomes = [];
      for (let i = 0; i <= admitted; i++)
        outcomes.push(await store.reserve(keysOf(user), limits, amounts, false));
      expect(outcomes.map((outcome) => outcome.ok)).toEqual([...Array(admitted).fill(true), false]);
      expect(outcomes.at(-1)).toEqual({ ok: false, limit, limitValue });
      expect(await day(user)).toEqual({
        requests: admitted,
        tokens: admitted * amounts.tokens,
        audioMs: admitted * amounts.audioMs,
      });
    },
  );

  it('a limit of 0 refuses the first request, naming it; null is unlimited', async () => {
    const user = randomUUID();
    const limits = { ...LOOSE, tokens_per_minute: null, tokens_per_day: 0 };
    expect(await store.reserve(keysOf(user), limits, TEXT, false)).toEqual({
      ok: false,
      limit: 'tokens_per_day',
      limitValue: 0,
    });
    const own = { ...TEXT, tokens: 5_000_000, quota: false }; // past every token limit but the null one
    expect(await store.reserve(keysOf(user), limits, own, false)).toMatchObject({ ok: true });
  });

  it('names the first limit reached in the order rate windows, streams, day', async () => {
    const user = randomUUID();
    // Given in another order than the stores check them: the order given does not count.
    const limits = { requests_per_day: 1, concurrent_streams: 1, requests_per_minute: 1 };
    expect(await store.reserve(keysOf(user), limits, STREAM, false)).toMatchObject({
      ok: true,
      requestsUsed: 1,
    });
    expect(await store.reserve(keysOf(user), limits, STREAM, false)).toEqual({
      ok: false,
      limit: 'requests_per_minute',
      limitValue: 1,
    });
    const nextMinute = { ...keysOf(user), minute: 2, second: 2 };
    expect(await store.reserve(nextMinute, limits, STREAM, false)).toMatchObject({
      limit: 'concurrent_streams',
    });
    expect(await store.reserve(nextMinute, limits, TEXT, false)).toMatchObject({ limit: 'requests_per_day' });
  });

  it('200 racing reservations on two instances never pass a limit: tokens per day, and concurrent streams', async () => {
    const user = randomUUID();
    const race = (limits: ReservationLimits, amounts: ReservationAmounts, keys: ReservationKeys) =>
      Promise.all(
        Array.from({ length: 200 }, (_, i) =>
          (i % 2 ? subject.sibling : store).reserve(keys, limits, amounts, false),
        ),
      );
    const byTokens = await race({ ...UNLIMITED, tokens_per_day: 5_000 }, TEXT, keysOf(user));
    expect(byTokens.filter((outcome) => outcome.ok)).toHaveLength(50);
    expect(byTokens.filter((outcome) => !outcome.ok)).toEqual(
      Array(150).fill({ ok: false, limit: 'tokens_per_day', limitValue: 5_000 }),
    );
    expect(await day(user)).toEqual({ requests: 50, tokens: 5_000, audioMs: 0 });

    const streamer = randomUUID();
    const streamKeys = keysOf(streamer, 'chat');
    const streams = await race({ ...UNLIMITED, concurrent_streams: 5 }, STREAM, streamKeys);
    expect(streams.filter((outcome) => outcome.ok)).toHaveLength(5);
    // Streams that end give their slots back, on whichever instance they end.
    await Promise.all([store.settle(streamKeys, STREAM, 0, 0), subject.sibling.refund(streamKeys, STREAM)]);
    const more = await race({ ...UNLIMITED, concurrent_streams: 5 }, STREAM, streamKeys);
    expect(more.filter((outcome) => outcome.ok)).toHaveLength(2);
  });

  it('settles to the real usage, refunds everything, and never takes a stream slot below zero', async () => {
    const user = randomUUID();
    const keys = keysOf(user);
    const limits = { ...UNLIMITED, concurrent_streams: 1 };
    expect(await store.reserve(keys, limits, STREAM, false)).toMatchObject({ ok: true, tokensUsed: 100 });
    await store.settle(keys, STREAM, 150, 0); // used 250 of 100 reserved
    expect(await day(user)).toEqual({ requests: 1, tokens: 250, audioMs: 0 });
    await store.reserve(keys, limits, STREAM, false);
    await store.refund(keys, STREAM); // failed upstream: the request and its tokens back
    expect(await day(user)).toEqual({ requests: 1, tokens: 250, audioMs: 0 });
    await store.refund(keys, STREAM); // a second end of the same stream frees nothing more
    expect(await store.reserve(keys, limits, STREAM, false)).toMatchObject({ ok: true });
    expect(await store.reserve(keys, limits, STREAM, false)).toMatchObject({ limit: 'concurrent_streams' });
  });

  it('own-key requests count against the rate windows only', async () => {
    const user = randomUUID();
    const own = { ...TEXT, quota: false };
    const limits = { ...UNLIMITED, requests_per_day: 0, tokens_per_day: 0, requests_per_minute: 2 };
    expect(await store.reserve(keysOf(user), limits, own, true)).toMatchObject({ ok: true, requestsUsed: 0 });
    expect(await store.reserve(keysOf(user), limits, own, true)).toMatchObject({ ok: true });
    expect(await store.reserve(keysOf(user), limits, own, true)).toMatchObject({
      limit: 'requests_per_minute',
    });
    expect(await day(user)).toEqual(NO_USAGE);
  });

  it('keeps users, features and days apart; rate windows and streams are the user’s, across features', async () => {
    const [user, other] = [randomUUID(), randomUUID()];
    const perDay = { ...UNLIMITED, requests_per_day: 1 };
    expect((await store.reserve(keysOf(user), perDay, TEXT, false)).ok).toBe(true);
    expect((await store.reserve(keysOf(user, 'code_generation'), perDay, TEXT, false)).ok).toBe(true);
    expect((await store.reserve(keysOf(user, 'text_generation', '20990102'), perDay, TEXT, false)).ok).toBe(
      true,
    );
    expect((await store.reserve(keysOf(other), perDay, TEXT, false)).ok).toBe(true);
    expect(await store.reserve(keysOf(user), perDay, TEXT, false)).toMatchObject({
      limit: 'requests_per_day',
    });

    const perSecond = { ...UNLIMITED, requests_per_second: 1, concurrent_streams: 1 };
    const fresh = { second: 9, minute: 9 };
    expect((await store.reserve({ ...keysOf(user), ...fresh }, perSecond, STREAM, false)).ok).toBe(true);
    expect(
      await store.reserve({ ...keysOf(user, 'code_generation'), ...fresh }, perSecond, TEXT, false),
    ).toMatchObject({
      limit: 'requests_per_second',
    });
    expect(
      await store.reserve(
        { ...keysOf(user, 'code_generation'), second: 10, minute: 10 },
        perSecond,
        STREAM,
        false,
      ),
    ).toMatchObject({ limit: 'concurrent_streams' });
    expect((await store.reserve({ ...keysOf(other), ...fresh }, perSecond, STREAM, false)).ok).toBe(true);
  });

  it('windows end with their time to live: a second after 2 s, a minute after 120 s, a stream slot after an hour', async () => {
    const user = randomUUID();
    const keys = keysOf(user);
    const limits = { ...UNLIMITED, requests_per_second: 1, requests_per_minute: 2, concurrent_streams: 1 };
    expect((await store.reserve(keys, limits, STREAM, false)).ok).toBe(true);
    await subject.advance(1_900);
    expect(await store.reserve(keys, limits, TEXT, false)).toMatchObject({ limit: 'requests_per_second' });
    await subject.advance(200);
    expect((await store.reserve(keys, limits, TEXT, false)).ok).toBe(true); // the same second's key, expired
    await subject.advance(2_000);
    expect(await store.reserve(keys, limits, TEXT, false)).toMatchObject({ limit: 'requests_per_minute' });
    await subject.advance(118_100); // 120 s after the last request counted in the minute (each renews it)
    // The minute's key is gone; the stream never settled still holds its slot until its key expires.
    expect(await store.reserve(keys, limits, STREAM, false)).toMatchObject({ limit: 'concurrent_streams' });
    await subject.advance(3_600_000);
    expect((await store.reserve(keys, limits, STREAM, false)).ok).toBe(true);
  });

  it('a day’s counters and its seed mark end with the day’s time to live', async () => {
    const user = randomUUID();
    await store.seed(user, DAY, { text_generation: { requests: 4, tokens: 40, audioMs: 0 } }, 60);
    const keys = { ...keysOf(user), dayTtlSeconds: 60 };
    expect(await store.reserve(keys, UNLIMITED, TEXT, true)).toMatchObject({ ok: true, requestsUsed: 5 });
    await subject.advance(59_000);
    expect(await store.dayUsage(user, DAY, ['text_generation'])).toEqual({
      seeded: true,
      features: { text_generation: { requests: 5, tokens: 140, audioMs: 0 } },
    });
    await subject.advance(1_100);
    expect(await store.dayUsage(user, DAY, ['text_generation'])).toEqual({
      seeded: false,
      features: { text_generation: NO_USAGE },
    });
    expect(await store.reserve(keys, UNLIMITED, TEXT, true)).toEqual({ ok: false, unseeded: true });
  });
});

describe('RedisQuotaStore keys', () => {
  it('keeps every key of a user in one hash slot, so each script runs on a Redis Cluster', async () => {
    const subject = redisSubject();
    const redis = new Redis(TEST_REDIS_URL);
    try {
      const user = randomUUID();
      await subject.store.seed(user, DAY, { text_generation: { requests: 1, tokens: 1, audioMs: 1 } }, 3600);
      await subject.store.reserve(
        { userId: user, feature: 'text_generation', day: DAY, second: 1, minute: 1, dayTtlSeconds: 60 },
        UNLIMITED,
        { ...TEXT, stream: true },
        true,
      );
      const keys: string[] = [];
      let cursor = '0';
      do {
        const [next, batch] = await redis.scan(cursor, 'MATCH', `${subject.prefix}*`, 'COUNT', 1000);
        cursor = next;
        keys.push(...batch);
      } while (cursor !== '0');
      expect(keys).toHaveLength(5); // seed mark, day hash, second, minute, streams
      expect(keys.map((key) => /\{([^}]*)\}/.exec(key)?.[1])).toEqual(keys.map(() => user));
    } finally {
      redis.disconnect();
      await subject.close();
    }
  });
});

describe('MemoryQuotaStore as the fail-open store', () => {
  it('lists the day counters it holds and takes off what was carried over', async () => {
    const store = new MemoryQuotaStore();
    const user = randomUUID();
    const { day } = utcDay(Date.now());
    const keys = { userId: user, feature: 'code_generation', day, second: 1, minute: 1, dayTtlSeconds: 60 };
    for (let i = 0; i < 3; i++) await store.reserve(keys, UNLIMITED, TEXT, false);
    const counted = { requests: 3, tokens: 300, audioMs: 0 };
    expect(store.dayCounters()).toEqual([{ userId: user, day, feature: 'code_generation', usage: counted }]);
    store.subtract(user, day, 'code_generation', counted, 60);
    expect(store.dayCounters()).toEqual([]);
  });
});
