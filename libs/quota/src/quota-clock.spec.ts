import { utcDay } from './quota-clock';

describe('utcDay', () => {
  it.each([
    ['2026-11-30T00:00:00.000Z', '20261130', 86_400],
    ['2026-11-30T23:59:59.000Z', '20261130', 1],
    ['2026-11-30T23:59:59.999Z', '20261130', 1],
    ['2026-12-01T00:00:00.000Z', '20261201', 86_400],
    ['2026-11-29T12:00:00.000Z', '20261129', 43_200], // an earlier day after a later one
    ['2028-02-29T06:00:00.000Z', '20280229', 64_800],
  ])('%s is day %s, with %i seconds left', (at, day, secondsLeft) => {
    const now = Date.parse(at);
    const result = utcDay(now);
    expect(result.day).toBe(day);
    expect(result.secondsLeft).toBe(secondsLeft);
    expect(result.resetsAt.getTime()).toBe(now + secondsLeft * 1000 - (now % 1000));
  });
});
