import { RequestTimings } from './request-timings';

describe('RequestTimings', () => {
  let clock: number;
  beforeEach(() => {
    clock = 1_000;
    jest.spyOn(performance, 'now').mockImplementation(() => clock);
  });
  afterEach(() => jest.restoreAllMocks());

  it('adds each step, sums the upstream attempts, and writes Server-Timing with two decimals', () => {
    const timings = new RequestTimings();
    clock = 1_000.25;
    timings.add('auth', 1_000);
    clock = 1_001.5;
    timings.add('quota', 1_000.25);
    clock = 1_011.5;
    timings.add('upstream', 1_001.5); // a failed attempt
    clock = 1_031.5;
    timings.add('upstream', 1_011.5); // the fallback that answered
    expect(timings.serverTiming(1_032.125)).toBe(
      'auth;dur=0.25, quota;dur=1.25, upstream;dur=30.00, total;dur=32.13',
    );
    expect(timings.overheadMs(1_032.125)).toBeCloseTo(2.125, 6);
  });

  it('reports the cache only when the answer came from it', () => {
    const timings = new RequestTimings(0);
    clock = 0.4;
    timings.add('cache', 0);
    expect(timings.serverTiming(1)).not.toContain('cache');
    timings.cacheServed = true;
    expect(timings.serverTiming(1)).toBe(
      'auth;dur=0.00, quota;dur=0.00, cache;dur=0.40, upstream;dur=0.00, total;dur=1.00',
    );
  });

  it('returns the time now from add, for the step that follows', () => {
    const timings = new RequestTimings(0);
    clock = 3;
    expect(timings.add('auth', 1)).toBe(3);
    expect(timings.auth).toBe(2);
  });

  it('never reports a negative overhead', () => {
    const timings = new RequestTimings(0);
    timings.upstream = 5;
    expect(timings.overheadMs(4)).toBe(0);
  });
});
