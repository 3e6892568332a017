import { randomUUID } from 'node:crypto';
import Redis from 'ioredis';
import { ManualClock } from '@tiergate/common';
import { deleteKeysWithPrefix, RedisChangeBus } from '@tiergate/redis';
import { TEST_REDIS_URL, waitFor } from '@tiergate/testing';
import type { CircuitBreakerStore } from './circuit-breaker';
import { MemoryCircuitBreakerStore } from './memory-circuit-breaker.store';
import { BREAKER_OPENED, CLEAN_FOR_MS, RedisCircuitBreakerStore } from './redis-circuit-breaker.store';
import { BREAKER_CONTRACT, contractSettings, runScenario } from './circuit-breaker.contract';

/** The first cool-down of the stores under test: their clock is a test clock, so no test waits it out. */
const C = 1_000;

interface Subject {
  store: CircuitBreakerStore;
  /** Another api instance's store: the same breakers (embedded mode, one process: the same store). */
  sibling: CircuitBreakerStore;
  /** Another deployment's store (another key prefix; another process): none of these breakers. */
  stranger: CircuitBreakerStore;
  /** The instances' one clock (synchronized, as servers' clocks are). */
  clock: ManualClock;
  close(): Promise<void>;
}

function redisSubject(): Subject {
  const prefix = `tiergate-test:${randomUUID().slice(0, 8)}:`;
  const redis = new Redis(TEST_REDIS_URL);
  const other = new Redis(TEST_REDIS_URL);
  const settings = contractSettings(C);
  const clock = new ManualClock();
  return {
    store: new RedisCircuitBreakerStore(redis, prefix, settings, clock),
    sibling: new RedisCircuitBreakerStore(other, prefix, settings, clock),
    stranger: new RedisCircuitBreakerStore(other, `${prefix}other:`, settings, clock),
    clock,
    close: async () => {
      redis.disconnect();
      other.disconnect();
      await deleteKeysWithPrefix(TEST_REDIS_URL, prefix);
    },
  };
}

function memorySubject(): Subject {
  const clock = new ManualClock();
  const store = new MemoryCircuitBreakerStore(contractSettings(C), clock);
  return {
    store,
    sibling: store,
    stranger: new MemoryCircuitBreakerStore(contractSettings(C), clock),
    clock,
    close: () => Promise.resolve(),
  };
}

/** The CircuitBreakerStore contract, for the Redis store and its in-process twin. */
describe.each([
  ['Redis', redisSubject],
  ['memory', memorySubject],
])('CircuitBreakerStore (%s)', (_name, create: () => Subject) => {
  let subject: Subject;
  beforeEach(() => {
    subject = create();
  });
  afterEach(() => subject.close());
  const key = () => `together_ai:contract/${randomUUID().slice(0, 8)}`;
  /** Lets `cooldowns` first cool-downs pass. */
  const wait = (cooldowns: number) => Promise.resolve(subject.clock.advance(Math.round(cooldowns * C)));

  it.each(BREAKER_CONTRACT)('%s', async (_scenario, steps) => {
    const { observed, expected } = await runScenario(subject.store, key(), steps, wait);
    expect(observed).toEqual(expected);
  });

  it('is shared by every instance: failures add up, and one instance sees the breaker another opened', async () => {
    const model = key();
    expect(await subject.store.recordFailure(model)).toBe(false);
    expect(await subject.sibling.recordFailure(model)).toBe(true);
    expect(await subject.store.acquire(model)).toBe('open');
    expect((await subject.sibling.listOpen()).map((breaker) => breaker.key)).toEqual([model]);
    await wait(1.15);
    expect(await subject.sibling.acquire(model)).toBe('probe');
    expect(await subject.store.acquire(model)).toBe('open'); // the one probe is out, on any instance
    await subject.store.recordSuccess(model);
    expect(await subject.sibling.acquire(model)).toBe('closed');
  });

  it('keeps models and deployments apart', async () => {
    const [model, other] = [key(), key()];
    for (let i = 0; i < 2; i++) await subject.store.recordFailure(model);
    expect(await subject.store.acquire(other)).toBe('closed');
    expect(await subject.stranger.acquire(model)).toBe('closed');
    expect(await subject.stranger.listOpen()).toEqual([]);
    expect(await subject.stranger.recordFailure(model)).toBe(false); // its own count, from zero
  });

  it('100 racing failures open the breaker once; of 50 racing calls after the cool-down exactly one probes', async () => {
    const model = key();
    const opened = await Promise.all(
      Array.from({ length: 100 }, (_, i) => (i % 2 ? subject.sibling : subject.store).recordFailure(model)),
    );
    expect(opened.filter(Boolean)).toHaveLength(1);
    await wait(1.15);
    const decisions = await Promise.all(
      Array.from({ length: 50 }, (_, i) => (i % 2 ? subject.sibling : subject.store).acquire(model)),
    );
    expect(decisions.filter((decision) => decision === 'probe')).toHaveLength(1);
    expect(decisions.filter((decision) => decision === 'open')).toHaveLength(49);
  });
});

describe('RedisCircuitBreakerStore (Redis)', () => {
  const prefix = `tiergate-test:${randomUUID().slice(0, 8)}:`;
  let redis: Redis;

  beforeAll(() => {
    redis = new Redis(TEST_REDIS_URL);
  });
  afterAll(async () => {
    redis.disconnect();
    await deleteKeysWithPrefix(TEST_REDIS_URL, prefix);
  });

  it('keeps one breaker in one key (a script never touches two: Redis Cluster places them apart), gone once closed', async () => {
    const store = new RedisCircuitBreakerStore(redis, prefix, contractSettings(C));
    for (let i = 0; i < 2; i++) await store.recordFailure('together_ai:one/key');
    expect(await store.acquire('together_ai:one/key')).toBe('open');
    expect(await redis.keys(`${prefix}breaker:together_ai:one/key*`)).toHaveLength(1);
    await store.recordSuccess('together_ai:one/key');
    expect(await redis.keys(`${prefix}breaker:together_ai:one/key*`)).toHaveLength(0);
  });

  it('costs a healthy model one command a second (the decision), and a success after a failure resets the state', async () => {
    const clock = new ManualClock();
    const store = new RedisCircuitBreakerStore(redis, prefix, contractSettings(C), clock);
    // Connected, and the scripts loaded (the first run of a script on a connection sends its body).
    await store.recordFailure('together_ai:warm-up');
    await store.acquire('together_ai:warm-up');
    const sent = jest.spyOn(redis, 'sendCommand');
    const commands = () => sent.mock.calls.map(([command]) => command.name).sort();
    try {
      expect(await store.acquire('together_ai:healthy')).toBe('closed');
      await store.recordSuccess('together_ai:healthy');
      expect(commands()).toEqual(['evalsha']);
      // Found clean a moment ago: no command until CLEAN_FOR_MS has passed.
      clock.advance(CLEAN_FOR_MS - 1);
      expect(await store.acquire('together_ai:healthy')).toBe('closed');
      expect(await store.peek('together_ai:healthy')).toBe('closed');
      await store.recordSuccess('together_ai:healthy');
      expect(commands()).toEqual(['evalsha']);
      clock.advance(1);
      expect(await store.acquire('together_ai:healthy')).toBe('closed');
      expect(commands()).toEqual(['evalsha', 'evalsha']);

      // A failure recorded here ends what was known: the next decisions ask Redis again.
      await store.recordFailure('together_ai:healthy');
      sent.mockClear();
      expect(await store.acquire('together_ai:healthy')).toBe('closed');
      await store.recordSuccess('together_ai:healthy');
      expect(commands()).toEqual(['del', 'evalsha', 'zrem']);
      expect(await redis.exists(`${prefix}breaker:together_ai:healthy`)).toBe(0);
    } finally {
      sent.mockRestore();
    }
  });

  describe('a breaker found clean, then opened on another instance', () => {
    const settings = contractSettings(60_000); // the cool-down outlasts every clock move here
    const opened = async (store: RedisCircuitBreakerStore, model: string) => {
      expect(await store.recordFailure(model)).toBe(false);
      expect(await store.recordFailure(model)).toBe(true);
    };

    it('is skipped at once where the change bus announced it', async () => {
      const connections = [0, 1, 2, 3].map(() => new Redis(TEST_REDIS_URL));
      const [firstBus, secondBus] = [0, 2].map(
        (i) => new RedisChangeBus(connections[i], connections[i + 1], `${prefix}bus:`),
      );
      try {
        const clock = new ManualClock();
        const first = new RedisCircuitBreakerStore(redis, `${prefix}bus:`, settings, clock, firstBus);
        const second = new RedisCircuitBreakerStore(redis, `${prefix}bus:`, settings, clock, secondBus);
        const announced: string[] = [];
        secondBus.subscribe(BREAKER_OPENED, (key) => announced.push(key));
        // The subscription is in place once an announcement sent after it arrives.
        await waitFor(
          async () => {
            await firstBus.publish(BREAKER_OPENED, 'together_ai:probe');
            return announced.includes('together_ai:probe') || undefined;
          },
          5_000,
          'the subscription',
        );
        expect(await second.acquire('together_ai:bus/model')).toBe('closed'); // clean, and known to be
        await opened(first, 'together_ai:bus/model');
        // The announcement reached the second instance's store before the test's own handler.
        await waitFor(
          () => announced.includes('together_ai:bus/model') || undefined,
          5_000,
          'the announcement',
        );
        expect(await second.acquire('together_ai:bus/model')).toBe('open');
      } finally {
        connections.forEach((connection) => connection.disconnect());
      }
    });

    it('without the bus, is skipped once CLEAN_FOR_MS has passed (or this instance saw it fail)', async () => {
      const clock = new ManualClock();
      const first = new RedisCircuitBreakerStore(redis, `${prefix}nobus:`, settings, clock);
      const second = new RedisCircuitBreakerStore(redis, `${prefix}nobus:`, settings, clock);
      expect(await second.acquire('together_ai:nobus/a')).toBe('closed');
      expect(await second.acquire('together_ai:nobus/b')).toBe('closed');
      await opened(first, 'together_ai:nobus/a');
      await opened(first, 'together_ai:nobus/b');
      expect(await second.acquire('together_ai:nobus/a')).toBe('closed'); // not known here yet
      await second.recordFailure('together_ai:nobus/b'); // the call it let through failed
      expect(await second.acquire('together_ai:nobus/b')).toBe('open');
      clock.advance(CLEAN_FOR_MS);
      expect(await second.acquire('together_ai:nobus/a')).toBe('open');
    });
  });

  it('keeps the whole state of a breaker in one hash, expiring after (window + cap) × 4', async () => {
    const store = new RedisCircuitBreakerStore(redis, prefix, contractSettings(C));
    for (let i = 0; i < 2; i++) await store.recordFailure('together_ai:one-key');
    const state = await redis.hgetall(`${prefix}breaker:together_ai:one-key`);
    expect(Object.keys(state).sort()).toEqual(
      ['cooldown', 'failures', 'open_until', 'opened_at', 'probe_until', 'window_start'].sort(),
    );
    expect(state.cooldown).toBe(String(C));
    const ttl = await redis.pttl(`${prefix}breaker:together_ai:one-key`);
    expect(ttl).toBeGreaterThan((4 * C + 4 * C) * 4 - 1_000);
    expect(ttl).toBeLessThanOrEqual((4 * C + 4 * C) * 4);
  });

  describe('listOpen', () => {
    const settings = { failureThreshold: 2, windowMs: 10_000, cooldownMs: 300, probeTimeoutMs: 1_000 };
    const clock = new ManualClock();
    let store: RedisCircuitBreakerStore;
    beforeAll(() => {
      store = new RedisCircuitBreakerStore(redis, `${prefix}list:`, settings, clock);
    });

    it('lists open breakers with their times, half-open once the cool-down is over, and forgets closed ones', async () => {
      expect(await store.listOpen()).toEqual([]);
      expect(await store.recordFailure('together_ai:m/one')).toBe(false);
      const openedAt = clock.now();
      expect(await store.recordFailure('together_ai:m/one')).toBe(true);
      await store.recordFailure('together_ai:m/two'); // one failure: still closed
      expect(await store.listOpen()).toEqual([
        { key: 'together_ai:m/one', state: 'open', openedAt, retryAt: openedAt + 300 },
      ]);

      clock.advance(299);
      expect((await store.listOpen()).map((breaker) => breaker.state)).toEqual(['open']);
      clock.advance(1);
      expect((await store.listOpen()).map((breaker) => breaker.state)).toEqual(['half_open']);
      expect(await store.acquire('together_ai:m/one')).toBe('probe');
      await store.recordSuccess('together_ai:m/one');
      expect(await store.listOpen()).toEqual([]);
      expect(await redis.zcard(`${prefix}list:breakers:open`)).toBe(0);
    });

    it('drops a listed breaker whose state expired', async () => {
      for (let i = 0; i < 2; i++) await store.recordFailure('together_ai:m/three');
      await redis.del(`${prefix}list:breaker:together_ai:m/three`);
      expect(await store.listOpen()).toEqual([]);
      expect(await redis.zcard(`${prefix}list:breakers:open`)).toBe(0);
    });
  });
});
