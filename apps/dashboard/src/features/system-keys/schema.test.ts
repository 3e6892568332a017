import { describe, expect, it } from 'vitest';
import { addKeySchema, describeSeconds, rotateKeySchema, rotationBody } from './schema';

describe('the key forms', () => {
  it('accepts a provider key as the api does, and says why it refuses one', () => {
    const ok = addKeySchema.safeParse({ provider: 'together_ai', label: 'prod', key: 'sk-0123456789' });
    expect(ok.success).toBe(true);
    const issues = (key: string) =>
      addKeySchema
        .safeParse({ provider: 'together_ai', label: 'prod', key })
        .error?.issues.map((i) => i.message);
    expect(issues('')).toContain('Enter the key');
    expect(issues('short')).toContain('This is too short to be a provider API key');
    expect(issues('sk with spaces')).toContain('Printable characters only, without spaces');
  });

  it('sends the grace period only when one was typed, and bounds it to 7 days', () => {
    expect(rotationBody({ key: 'sk-0123456789', grace_period_seconds: '' })).toEqual({
      key: 'sk-0123456789',
    });
    expect(rotationBody({ key: 'sk-0123456789', grace_period_seconds: 0 })).toEqual({
      key: 'sk-0123456789',
      grace_period_seconds: 0,
    });
    expect(rotateKeySchema.safeParse({ key: 'sk-0123456789', grace_period_seconds: 604_801 }).success).toBe(
      false,
    );
    expect(rotateKeySchema.safeParse({ key: 'sk-0123456789', grace_period_seconds: 1.5 }).success).toBe(
      false,
    );
  });

  it('says a grace period in words', () => {
    expect(describeSeconds(0)).toBe('at once');
    expect(describeSeconds(900)).toBe('15 minutes');
    expect(describeSeconds(3_661)).toBe('1 hour 1 minute');
    expect(describeSeconds(604_800)).toBe('7 days');
  });
});
