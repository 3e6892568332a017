import { Logger } from '@nestjs/common';
import { usageEvent } from '@tiergate/testing';
import type { UsageEvent } from './usage-event';
import { UsageRecorder, UsageSink } from './usage-recorder';
import type { UsageSpool } from './usage-spool';
import type { UsageWriter } from './usage-writer';

const event = (requestId: string): UsageEvent =>
  usageEvent({ requestId, occurredAt: new Date(0).toISOString(), userId: 'u1', tier: 'premium' });

class FakeQueue extends UsageSink {
  readonly mode = 'queue' as const;
  down = false;
  readonly delivered: string[] = [];

  deliver(events: UsageEvent[]): Promise<void> {
    if (this.down)
      return Promise.reject(new Error("Stream isn't writeable and enableOfflineQueue options is false"));
    this.delivered.push(...events.map((e) => e.requestId));
    return Promise.resolve();
  }

  depth() {
    return Promise.resolve(null);
  }
}

describe('UsageRecorder when a store is down', () => {
  beforeAll(() => Logger.overrideLogger(false));
  afterAll(() => Logger.overrideLogger(['log', 'error', 'warn', 'debug', 'verbose']));

  let queue: FakeQueue;
  let written: string[];
  let writerDown: boolean;
  let spooled: UsageEvent[];
  let recorder: UsageRecorder;

  beforeEach(() => {
    queue = new FakeQueue();
    written = [];
    writerDown = false;
    spooled = [];
    const writer = {
      write: jest.fn(async (events: UsageEvent[]) => {
        if (writerDown) throw new Error('connect ECONNREFUSED 127.0.0.1:5432');
        written.push(...events.map((e) => e.requestId));
        return events.length;
      }),
    } as unknown as UsageWriter;
    const spool = {
      append: jest.fn(async (events: UsageEvent[]) => void spooled.push(...events)),
      // As the file spool: a replay whose delivery fails leaves the events for the next one.
      replay: jest.fn(async (deliver: (events: UsageEvent[]) => Promise<void>) => {
        if (!spooled.length) return 0;
        await deliver([...spooled]);
        return spooled.splice(0).length;
      }),
    } as unknown as UsageSpool;
    recorder = new UsageRecorder(queue, spool, writer);
  });

  it('queues while Redis is up', async () => {
    recorder.record(event('a'));
    await recorder.drain();
    expect(queue.delivered).toEqual(['a']);
    expect(written).toEqual([]);
  });

  it('writes the ledger directly when the queue refuses (Redis down)', async () => {
    queue.down = true;
    recorder.record(event('a'));
    recorder.record(event('b'));
    await recorder.drain();
    expect(written).toEqual(['a', 'b']);
    expect(spooled).toEqual([]);
  });

  it('spools when PostgreSQL is down too, and keeps the events while both stay down', async () => {
    queue.down = true;
    writerDown = true;
    recorder.record(event('a'));
    await recorder.drain();
    expect(spooled.map((e) => e.requestId)).toEqual(['a']);
    expect(await recorder.replaySpool()).toBe(0);
    expect(spooled.map((e) => e.requestId)).toEqual(['a']);
    expect(written).toEqual([]);
  });

  it('a replay goes to the ledger directly while Redis is still down', async () => {
    queue.down = true;
    writerDown = true;
    recorder.record(event('a'));
    await recorder.drain();
    writerDown = false;
    expect(await recorder.replaySpool()).toBe(1);
    expect(written).toEqual(['a']);
  });
});
