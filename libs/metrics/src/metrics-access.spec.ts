import * as crypto from 'node:crypto';
import { bearerMatches } from './metrics-access';

jest.mock('node:crypto', () => {
  const actual = jest.requireActual<typeof import('node:crypto')>('node:crypto');
  return { ...actual, timingSafeEqual: jest.fn(actual.timingSafeEqual) };
});

const TOKEN = 'metrics-token-0123456789';

describe('bearerMatches (the /metrics token check)', () => {
  it.each([
    [`Bearer ${TOKEN}`, true],
    [`bearer ${TOKEN}`, true],
    [`Bearer ${TOKEN} `, true],
    [undefined, false],
    ['', false],
    [TOKEN, false],
    ['Bearer ', false],
    [`Bearer ${TOKEN}x`, false],
    [`Bearer ${TOKEN.slice(0, -1)}`, false],
    [`Basic ${TOKEN}`, false],
  ])('%s → %s', (header, expected) => expect(bearerMatches(header, TOKEN)).toBe(expected));

  it('compares in constant time, also when the lengths differ', () => {
    const spy = crypto.timingSafeEqual as jest.Mock;
    spy.mockClear();
    expect(bearerMatches('Bearer short', TOKEN)).toBe(false);
    expect(bearerMatches(`Bearer ${TOKEN}${'x'.repeat(100)}`, TOKEN)).toBe(false);
    expect(spy).toHaveBeenCalledTimes(2);
    for (const [a, b] of spy.mock.calls as Array<[Buffer, Buffer]>) expect(a.length).toBe(b.length);
  });
});
