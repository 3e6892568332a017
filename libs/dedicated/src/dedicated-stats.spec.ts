import type { EndpointRunEntity } from './entities/endpoint-run.entity';
import { runningTime } from './dedicated-stats';

const at = (time: string) => new Date(`2026-11-02T${time}Z`);
const run = (start: string, stop: string | null, price = 6): EndpointRunEntity => ({
  id: '1',
  endpointId: 'e',
  startedAt: at(start),
  stoppedAt: stop === null ? null : at(stop),
  pricePerHourUsd: price,
});
const DAY = { from: at('00:00:00'), until: new Date(at('00:00:00').getTime() + 86_400_000) };

describe('runningTime: billed minutes and cost of run intervals', () => {
  it.each<[string, EndpointRunEntity[], number, number]>([
    ['a few seconds count as one started minute', [run('10:00:00', '10:00:05')], 1, 0.1],
    ['whole minutes are not rounded up', [run('10:00:00', '10:02:00')], 2, 0.2],
    [
      'each interval is rounded on its own, at its own price',
      [run('10:00:00', '10:00:30'), run('11:00:00', '11:01:01', 12)],
      3,
      0.1 + 0.4,
    ],
    ['an interval is clipped to the range', [run('23:59:00', null)], 1, 0.1],
    ['an empty interval costs nothing', [run('10:00:00', '10:00:00')], 0, 0],
  ])('%s', (_name, runs, minutes, cost) => {
    const now = new Date(at('00:00:00').getTime() + 2 * 86_400_000);
    const result = runningTime(runs, DAY.from, DAY.until, now);
    expect(result.minutes).toBe(minutes);
    expect(result.costUsd).toBeCloseTo(cost, 8);
  });

  it('counts an open interval up to now', () => {
    expect(runningTime([run('10:00:00', null)], DAY.from, DAY.until, at('10:10:00'))).toEqual({
      minutes: 10,
      costUsd: 1,
    });
  });
});
