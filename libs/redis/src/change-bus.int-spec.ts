import { randomUUID } from 'node:crypto';
import { Logger } from '@nestjs/common';
import Redis from 'ioredis';
import { TEST_REDIS_URL, waitFor } from '@tiergate/testing';
import { ChangeBus, InProcessChangeBus, RedisChangeBus } from './change-bus';
import { deleteKeysWithPrefix } from './redis-client';

interface Subject {
  /** Two api instances of one deployment (embedded mode: one process, so one bus). */
  first: ChangeBus;
  second: ChangeBus;
  /** Another deployment (another key prefix; another process). */
  stranger: ChangeBus;
  /** Resolves once `count` subscriptions to `topic` are in place (the stranger's counted apart). */
  listening(topic: string, count: number, of?: 'deployment' | 'stranger'): Promise<void>;
  close(): Promise<void>;
}

function redisSubject(): Subject {
  const prefix = `tiergate-test:${randomUUID().slice(0, 8)}:`;
  const strangerPrefix = `${prefix}other:`;
  const connections: Redis[] = [];
  const connect = () => {
    const connection = new Redis(TEST_REDIS_URL);
    connections.push(connection);
    return connection;
  };
  const bus = (busPrefix: string) => new RedisChangeBus(connect(), connect(), busPrefix);
  const admin = connect();
  return {
    first: bus(prefix),
    second: bus(prefix),
    stranger: bus(strangerPrefix),
    listening: async (topic, count, of = 'deployment') => {
      const channel = (of === 'stranger' ? strangerPrefix : prefix) + topic;
      await waitFor(
        async () => {
          const [, subscribers] = (await admin.pubsub('NUMSUB', channel)) as [string, number];
          return Number(subscribers) >= count ? true : undefined;
        },
        5_000,
        `${count} subscriptions to ${channel}`,
      );
    },
    close: async () => {
      connections.forEach((connection) => connection.disconnect());
      await deleteKeysWithPrefix(TEST_REDIS_URL, prefix);
    },
  };
}

function memorySubject(): Subject {
  const bus = new InProcessChangeBus();
  return {
    first: bus,
    second: bus,
    stranger: new InProcessChangeBus(),
    listening: () => Promise.resolve(),
    close: () => Promise.resolve(),
  };
}

/** What a bus delivered, per listener. */
function recorder() {
  const heard: string[] = [];
  return { heard, handler: (payload: string) => void heard.push(payload) };
}

/** The ChangeBus contract, for the Redis bus and its in-process twin. */
describe.each([
  ['Redis', redisSubject],
  ['memory', memorySubject],
])('ChangeBus (%s)', (_name, create: () => Subject) => {
  let subject: Subject;
  beforeAll(() => Logger.overrideLogger(false));
  afterAll(() => Logger.overrideLogger(['log', 'error', 'warn', 'debug', 'verbose']));
  beforeEach(() => {
    subject = create();
  });
  afterEach(() => subject.close());

  it('delivers a change to every listener of its topic on every instance, in the order published', async () => {
    const onFirst = recorder();
    const onSecond = recorder();
    subject.first.subscribe('flags', onFirst.handler);
    subject.second.subscribe('flags', onSecond.handler);
    const expected = subject.first === subject.second ? 1 : 2;
    await subject.listening('flags', expected);
    const payloads = Array.from({ length: 50 }, (_, i) => `v${i}`);
    for (const payload of payloads) await subject.first.publish('flags', payload);
    await subject.second.publish('flags'); // no payload: an empty one
    const all = [...payloads, ''];
    await waitFor(() => (onFirst.heard.length >= 51 && onSecond.heard.length >= 51 ? true : undefined));
    expect(onFirst.heard).toEqual(all);
    expect(onSecond.heard).toEqual(all);
  });

  it('keeps topics and deployments apart', async () => {
    const flags = recorder();
    const keys = recorder();
    const stranger = recorder();
    subject.second.subscribe('flags', flags.handler);
    subject.second.subscribe('provider-keys', keys.handler);
    subject.stranger.subscribe('flags', stranger.handler);
    await subject.listening('flags', 1);
    await subject.listening('provider-keys', 1);
    await subject.listening('flags', 1, 'stranger');
    await subject.first.publish('flags', 'to this deployment');
    await subject.stranger.publish('flags', 'to the other');
    // The last message published reaches its listener after the ones before it on that bus.
    await subject.first.publish('provider-keys', 'done');
    await waitFor(() => (keys.heard.length && stranger.heard.length ? true : undefined));
    expect(flags.heard).toEqual(['to this deployment']);
    expect(keys.heard).toEqual(['done']);
    expect(stranger.heard).toEqual(['to the other']);
  });

  it('several listeners of one topic on one instance each hear it; one that throws stops none of the others', async () => {
    const before = recorder();
    const after = recorder();
    subject.second.subscribe('users', before.handler);
    subject.second.subscribe('users', () => {
      throw new Error('a broken listener');
    });
    subject.second.subscribe('users', after.handler);
    await subject.listening('users', 1);
    await expect(subject.first.publish('users', 'deactivated:1')).resolves.toBeUndefined();
    await subject.first.publish('users', 'deactivated:2');
    await waitFor(() => (after.heard.length >= 2 ? true : undefined));
    expect(before.heard).toEqual(['deactivated:1', 'deactivated:2']);
    expect(after.heard).toEqual(['deactivated:1', 'deactivated:2']);
  });
});

describe('RedisChangeBus', () => {
  it('tells its reconnect listeners when the subscription came back, and delivers again', async () => {
    const subject = redisSubject();
    try {
      const heard = recorder();
      let reconnects = 0;
      subject.second.subscribe('flags', heard.handler);
      subject.second.onReconnect(() => (reconnects += 1));
      await subject.listening('flags', 1);
      const subscriber = (subject.second as unknown as { subscriber: Redis }).subscriber;
      subscriber.disconnect(true); // dropped, then reconnects and re-subscribes by itself
      await waitFor(() => (reconnects === 1 ? true : undefined), 5_000, 'the reconnect handler');
      await subject.listening('flags', 1);
      await subject.first.publish('flags', 'after the gap');
      await waitFor(() => (heard.heard.length ? true : undefined));
      expect(heard.heard).toEqual(['after the gap']);
      expect(reconnects).toBe(1);
    } finally {
      await subject.close();
    }
  });
});
