import { randomBytes } from 'node:crypto';
import { Logger } from '@nestjs/common';
import { eventLoopTurns, TEST_REDIS_URL, waitFor } from '@tiergate/testing';
import { RepeatableSweep } from './repeatable-sweep';

/** A sweep that takes `ms` and counts its runs. */
class SlowSweep extends RepeatableSweep {
  runs = 0;
  finished = 0;

  constructor(private readonly ms: number) {
    super('test', 'test-sweep', 'test-sweep-every', {
      redis: { url: TEST_REDIS_URL, keyPrefix: `t${randomBytes(4).toString('hex')}:` },
      intervalMs: 50,
    });
  }

  protected async follow(): Promise<number> {
    this.runs += 1;
    await new Promise((resolve) => setTimeout(resolve, this.ms));
    this.finished += 1;
    return 1;
  }
}

describe('RepeatableSweep on BullMQ (Redis)', () => {
  beforeAll(() => jest.spyOn(Logger.prototype, 'warn').mockImplementation(() => undefined));
  afterAll(() => jest.restoreAllMocks());

  it('runs its sweep on the job scheduler', async () => {
    const sweep = new SlowSweep(1);
    await sweep.onModuleInit();
    try {
      await waitFor(() => (sweep.finished >= 2 ? true : undefined), 10_000, 'two sweeps');
      expect(sweep.runs).toBeGreaterThanOrEqual(2);
    } finally {
      await sweep.onApplicationShutdown();
    }
  });

  it('shuts down at any moment of its fetch loop without starving the event loop', async () => {
    for (let i = 0; i < 15; i++) {
      const sweep = new SlowSweep(1);
      await sweep.onModuleInit();
      await new Promise((resolve) => setTimeout(resolve, (i * 7) % 60));
      await sweep.onApplicationShutdown();
      expect(await eventLoopTurns()).toBe(true);
    }
  }, 60_000);

  it('shuts down with a sweep in hand without starving the event loop, and the sweep still ends', async () => {
    const sweep = new SlowSweep(600);
    await sweep.onModuleInit();
    await waitFor(() => (sweep.runs >= 1 ? true : undefined), 10_000, 'a sweep in hand');
    await sweep.onApplicationShutdown();
    // A connection closed under BullMQ's job in flight made it retry without a pause, for good.
    expect(await eventLoopTurns()).toBe(true);
    expect(sweep.finished).toBe(1);
    await new Promise((resolve) => setTimeout(resolve, 700));
    expect(await eventLoopTurns()).toBe(true);
    expect(sweep.runs).toBe(1);
  });
});
