import { QueryFailedError } from 'typeorm';
import { DomainError, ErrorCode, httpErrorFor } from '@tiergate/common';
import { asDatabaseError, DatabaseUnavailableError, isDatabaseUnavailable } from './database-unavailable';

const withCode = (message: string, code: string) => Object.assign(new Error(message), { code });

describe('isDatabaseUnavailable', () => {
  it.each([
    ['a refused connection', withCode('connect ECONNREFUSED 127.0.0.1:5432', 'ECONNREFUSED')],
    ['a reset connection', withCode('read ECONNRESET', 'ECONNRESET')],
    ['a dropped connection', new Error('Connection terminated unexpectedly')],
    ['a connect timeout', new Error('Connection terminated due to connection timeout')],
    ['no free client in time', new Error('timeout exceeded when trying to connect')],
    ['a broken client', new Error('Client has encountered a connection error and is not queryable')],
    [
      'a server shutting down (57P01)',
      withCode('terminating connection due to administrator command', '57P01'),
    ],
    ['a server starting (57P03)', withCode('the database system is starting up', '57P03')],
    ['too many connections (53300)', withCode('sorry, too many clients already', '53300')],
    ['a connection exception (08006)', withCode('connection failure', '08006')],
    [
      'a QueryFailedError around a dropped connection',
      new QueryFailedError('SELECT 1', [], new Error('Connection terminated unexpectedly')),
    ],
    [
      'an AggregateError from connecting to several addresses',
      new AggregateError([withCode('connect ECONNREFUSED ::1:5432', 'ECONNREFUSED')], ''),
    ],
    ['an error caused by one', new Error('could not load', { cause: withCode('x', 'ECONNREFUSED') })],
    ['the domain error itself', new DatabaseUnavailableError()],
  ])('recognises %s', (_what, error) => {
    expect(isDatabaseUnavailable(error)).toBe(true);
  });

  it.each([
    ['a unique violation', new QueryFailedError('INSERT', [], withCode('duplicate key', '23505'))],
    ['a syntax error', withCode('syntax error at or near "x"', '42601')],
    ['a statement timeout (the query, not the server)', withCode('canceling statement', '57014')],
    ['a plain error', new Error('boom')],
    ['Redis being down', new Error('Connection is closed.')],
    ['a domain error', new DomainError(ErrorCode.NotFound, 'nope')],
    ['nothing', undefined],
    ['a string', 'ECONNREFUSED'],
  ])('does not mistake %s for an outage', (_what, error) => {
    expect(isDatabaseUnavailable(error)).toBe(false);
  });

  it('asDatabaseError turns an outage into a 503 with Retry-After and leaves other errors alone', () => {
    const mapped = asDatabaseError(new Error('Connection terminated unexpectedly'));
    expect(mapped).toBeInstanceOf(DatabaseUnavailableError);
    expect((mapped as DatabaseUnavailableError).retryAfterSeconds).toBeGreaterThan(0);
    expect(httpErrorFor((mapped as DatabaseUnavailableError).code)).toEqual({
      status: 503,
      type: 'service_unavailable',
    });
    const other = new Error('boom');
    expect(asDatabaseError(other)).toBe(other);
  });
});
