import { reportedRoom } from './reported-room';

const limits = (rps: number | null, tpm: number | null = null) => ({
  requestsPerSecond: rps,
  requestsPerMinute: null,
  tokensPerMinute: tpm,
});

describe('reportedRoom', () => {
  it.each([
    ['no headers', {}, limits(10), null],
    [
      'fewer requests than configured',
      { 'x-ratelimit-remaining': '3', 'x-ratelimit-reset': '2' },
      limits(10),
      { requests: 3, tokens: null, resetMs: 2000 },
    ],
    ['as many as configured', { 'x-ratelimit-remaining': '10', 'x-ratelimit-reset': '1' }, limits(10), null],
    [
      'any report for a key without limits',
      { 'x-ratelimit-remaining': '0', 'x-ratelimit-reset': '0.5' },
      null,
      { requests: 0, tokens: null, resetMs: 500 },
    ],
    [
      'tokens below the configured minute, no reset: one second',
      { 'x-tokenlimit-remaining': '120' },
      limits(null, 1000),
      { requests: null, tokens: 120, resetMs: 1000 },
    ],
    ['garbage', { 'x-ratelimit-remaining': 'soon', 'x-ratelimit-reset': '-1' }, null, null],
  ])('%s', (_name, headers, keyLimits, expected) => {
    expect(reportedRoom(headers, keyLimits)).toEqual(expected);
  });
});
