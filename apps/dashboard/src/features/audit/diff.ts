export type ChangeKind = 'added' | 'removed' | 'changed' | 'unchanged';

export interface ChangeRow {
  /** A dotted path into the summary ("status", "limits.requests_per_day"). */
  path: string;
  before: unknown;
  after: unknown;
  /** Whether the path exists on each side (a null value is present; a missing field is not). */
  inBefore: boolean;
  inAfter: boolean;
  kind: ChangeKind;
}

type Json = Record<string, unknown>;

const isPlainObject = (value: unknown): value is Json =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/** Leaves of a change summary by dotted path (arrays are leaves, compared whole). */
export function flatten(value: Json | null | undefined, prefix = ''): Map<string, unknown> {
  const leaves = new Map<string, unknown>();
  if (!value) return leaves;
  for (const [key, child] of Object.entries(value)) {
    const path = prefix ? `${prefix}.${key}` : key;
    if (isPlainObject(child) && Object.keys(child).length > 0)
      for (const [leaf, leafValue] of flatten(child, path)) leaves.set(leaf, leafValue);
    else leaves.set(path, child);
  }
  return leaves;
}

const same = (a: unknown, b: unknown): boolean => JSON.stringify(a) === JSON.stringify(b);

/** Field-by-field comparison of an audit entry's before and after, changes first, then by path. */
export function diffChange(before: Json | null | undefined, after: Json | null | undefined): ChangeRow[] {
  const left = flatten(before);
  const right = flatten(after);
  const paths = [...new Set([...left.keys(), ...right.keys()])];
  const rank: Record<ChangeKind, number> = { changed: 0, added: 1, removed: 2, unchanged: 3 };
  return paths
    .map((path): ChangeRow => {
      const inBefore = left.has(path);
      const inAfter = right.has(path);
      const kind: ChangeKind = !inBefore
        ? 'added'
        : !inAfter
          ? 'removed'
          : same(left.get(path), right.get(path))
            ? 'unchanged'
            : 'changed';
      return { path, before: left.get(path), after: right.get(path), inBefore, inAfter, kind };
    })
    .sort((a, b) => rank[a.kind] - rank[b.kind] || a.path.localeCompare(b.path));
}

/** A value as text for the diff table: JSON for anything but a plain string. */
export function formatValue(value: unknown, present = true): string {
  if (!present) return '—';
  if (typeof value === 'string') return value;
  return JSON.stringify(value) ?? String(value);
}

/** "3 fields changed", "5 fields set" (no before), "2 fields removed" (no after): a short summary of an entry's change. */
export function summarizeChange(before: Json | null | undefined, after: Json | null | undefined): string {
  if (!before && !after) return 'No details recorded';
  const fields = (count: number) => `${count} field${count === 1 ? '' : 's'}`;
  if (!before) return `${fields(flatten(after).size)} set`;
  if (!after) return `${fields(flatten(before).size)} removed`;
  const changed = diffChange(before, after).filter((row) => row.kind !== 'unchanged').length;
  return changed === 0 ? 'No field changed' : `${fields(changed)} changed`;
}
