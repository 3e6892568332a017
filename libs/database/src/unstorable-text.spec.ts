import { QueryFailedError } from 'typeorm';
import { isUnstorableText } from './unstorable-text';

const withCode = (message: string, code: string) => Object.assign(new Error(message), { code });

describe('isUnstorableText', () => {
  it.each([
    [
      'a NUL refused by node-postgres (22021)',
      withCode('invalid byte sequence for encoding "UTF8": 0x00', '22021'),
    ],
    [
      "the same inside TypeORM's QueryFailedError",
      new QueryFailedError('SELECT $1', ['\0'], withCode('invalid byte sequence', '22021')),
    ],
    ['an untranslatable character (22P05)', withCode('unsupported Unicode escape sequence', '22P05')],
  ])('recognises %s', (_what, error) => {
    expect(isUnstorableText(error)).toBe(true);
  });

  it.each([
    ['a unique violation', new QueryFailedError('INSERT', [], withCode('duplicate key', '23505'))],
    ['an invalid uuid (22P02)', withCode('invalid input syntax for type uuid', '22P02')],
    ['a plain error', new Error('boom')],
    ['nothing', undefined],
  ])('leaves alone %s', (_what, error) => {
    expect(isUnstorableText(error)).toBe(false);
  });
});
