import { describe, expect, it } from 'vitest';
import { diffChange, flatten, formatValue, summarizeChange } from './diff';
import { auditListParams, nextDay } from './schema';

describe('flatten', () => {
  it('walks nested objects into dotted paths and keeps arrays and empty objects whole', () => {
    expect([...flatten({ a: 1, b: { c: null, d: { e: 'x' } }, f: [1, 2], g: {} })]).toEqual([
      ['a', 1],
      ['b.c', null],
      ['b.d.e', 'x'],
      ['f', [1, 2]],
      ['g', {}],
    ]);
  });
});

describe('diffChange', () => {
  it('marks changed, added, removed and unchanged fields, changes first', () => {
    const rows = diffChange(
      { tier: 'free', role: 'user', limits: { requests_per_day: 50 }, old: true },
      { tier: 'premium', role: 'user', limits: { requests_per_day: 50, tokens_per_day: null } },
    );
    expect(rows.map((row) => [row.path, row.kind])).toEqual([
      ['tier', 'changed'],
      ['limits.tokens_per_day', 'added'],
      ['old', 'removed'],
      ['limits.requests_per_day', 'unchanged'],
      ['role', 'unchanged'],
    ]);
  });

  it('tells a null value from a missing field', () => {
    const [row] = diffChange({ a: null }, {});
    expect(row).toMatchObject({ path: 'a', kind: 'removed', inBefore: true, inAfter: false });
  });

  it('treats a creation (no before) as every field added', () => {
    expect(diffChange(null, { status: 'active' })).toEqual([
      { path: 'status', before: undefined, after: 'active', inBefore: false, inAfter: true, kind: 'added' },
    ]);
  });
});

describe('formatValue and summarizeChange', () => {
  it('shows strings as they are, other values as JSON, and a missing field as a dash', () => {
    expect(formatValue('free')).toBe('free');
    expect(formatValue(null)).toBe('null');
    expect(formatValue([1, 'a'])).toBe('[1,"a"]');
    expect(formatValue(undefined, false)).toBe('—');
  });

  it('summarises an entry', () => {
    expect(summarizeChange(null, { a: 1, b: { c: 2 } })).toBe('2 fields set');
    expect(summarizeChange({ a: 1 }, null)).toBe('1 field removed');
    expect(summarizeChange({ a: 1, b: 2 }, { a: 2, b: 2 })).toBe('1 field changed');
    expect(summarizeChange(null, null)).toBe('No details recorded');
  });
});

describe('auditListParams', () => {
  it('turns the inclusive UTC days into the API since (inclusive) and until (exclusive)', () => {
    expect(auditListParams({ since: '2026-11-01', until: '2026-11-30' })).toMatchObject({
      since: '2026-11-01T00:00:00Z',
      until: '2026-12-01T00:00:00Z',
      page: 1,
      page_size: 25,
    });
    expect(nextDay('2024-02-28')).toBe('2024-02-29');
  });
});
