import { readFileSync } from 'node:fs';
import { join } from 'node:path';

const root = join(__dirname, '..', '..', '..');
const read = (file: string) => JSON.parse(readFileSync(join(root, file), 'utf8')) as Record<string, any>;
const pkg = read('package.json');
const lock = read('package-lock.json') as {
  lockfileVersion: number;
  packages: Record<string, Record<string, any>>;
};

/** `>=11.11.0` → [11, 11]; anything else (no lower bound) → [0, 0]. */
function lowerBound(range: string | undefined): [number, number] {
  const match = /^>=\s*(\d+)(?:\.(\d+))?/.exec(range ?? '');
  return match ? [Number(match[1]), Number(match[2] ?? 0)] : [0, 0];
}

/**
 * `npm install` on a fresh clone must leave package-lock.json as committed: whatever npm would
 * write differently shows up here first.
 */
describe('package-lock.json is complete and agrees with package.json', () => {
  it('is a version 3 lock whose root entry mirrors package.json', () => {
    expect(lock.lockfileVersion).toBe(3);
    const rootEntry = lock.packages[''];
    for (const field of ['name', 'version', 'license', 'dependencies', 'devDependencies', 'engines'])
      expect({ field, value: rootEntry[field] }).toEqual({ field, value: pkg[field] });
  });

  it('pins every package to a version with its integrity hash', () => {
    const incomplete = Object.entries(lock.packages)
      .filter(([path, entry]) => path !== '' && !entry.link && !(entry.version && entry.integrity))
      .map(([path]) => path);
    expect(incomplete).toEqual([]);
  });

  it('names the npm that keeps its `libc` fields (npm 11.11+; older npm strips them on install)', () => {
    const withLibc = Object.values(lock.packages).filter((entry) => entry.libc).length;
    expect(withLibc).toBeGreaterThan(0);
    const [major, minor] = lowerBound(pkg.engines?.npm);
    expect(major * 1000 + minor).toBeGreaterThanOrEqual(11 * 1000 + 11);
  });
});
