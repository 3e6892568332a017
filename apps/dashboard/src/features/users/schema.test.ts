import { describe, expect, it } from 'vitest';
import { createUserSchema, resetPasswordSchema, userListParams, usersSearchSchema } from './schema';

describe('the Users URL', () => {
  it('keeps valid filters and drops bad ones instead of failing the page', () => {
    expect(
      usersSearchSchema.parse({
        search: 'ada',
        tier: 'gold',
        role: 'admin',
        active: false,
        page: '3',
        page_size: 500,
      }),
    ).toEqual({
      search: 'ada',
      tier: undefined,
      role: 'admin',
      active: false,
      page: 3,
      page_size: undefined,
    });
  });

  it('reads a search that looks like a number as text', () => {
    expect(usersSearchSchema.parse({ search: 123 }).search).toBe('123');
  });

  it('asks the api for page 1 of 25 by default, without an empty search', () => {
    expect(userListParams({ search: '' })).toEqual({
      search: undefined,
      tier: undefined,
      role: undefined,
      active: undefined,
      page: 1,
      page_size: 25,
    });
  });
});

describe('the user forms', () => {
  it('creates users with a valid email and an 8 to 128 character password', () => {
    expect(
      createUserSchema.safeParse({ email: 'a@b.co', password: '12345678', tier: 'free', role: 'user' })
        .success,
    ).toBe(true);
    expect(
      createUserSchema
        .safeParse({ email: 'nope', password: '1234567', tier: 'free', role: 'user' })
        .error?.issues.map((i) => i.path[0]),
    ).toEqual(['email', 'password']);
  });

  it('puts differing passwords on the repeat field', () => {
    const result = resetPasswordSchema.safeParse({ password: 'password-1', confirm_password: 'password-2' });
    expect(result.error?.issues).toEqual([expect.objectContaining({ path: ['confirm_password'] })]);
  });
});
