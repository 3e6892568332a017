import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadEnvFile } from './process-env';

describe('.env at start-up', () => {
  const dir = mkdtempSync(join(tmpdir(), 'tiergate-env-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('adds the file’s variables but never replaces one the environment already sets', () => {
    const file = join(dir, 'settings.env');
    writeFileSync(
      file,
      [
        '# copied from .env.example',
        'PORT=4000',
        'DATABASE_URL="postgres://tiergate:secret@db:5432/tiergate"',
        "JWT_SECRET='quoted # not a comment'",
        'export LOG_LEVEL=debug',
        'EMPTY=',
      ].join('\n'),
    );
    const env: Record<string, string | undefined> = { PORT: '3000', LOG_LEVEL: 'warn' };
    const added = loadEnvFile(file, env);
    expect(env).toEqual({
      PORT: '3000',
      LOG_LEVEL: 'warn',
      DATABASE_URL: 'postgres://tiergate:secret@db:5432/tiergate',
      JWT_SECRET: 'quoted # not a comment',
      EMPTY: '',
    });
    expect(added.sort()).toEqual(['DATABASE_URL', 'EMPTY', 'JWT_SECRET']);
  });

  it('a missing file changes nothing', () => {
    const env = { PORT: '3000' };
    expect(loadEnvFile(join(dir, 'absent.env'), env)).toEqual([]);
    expect(env).toEqual({ PORT: '3000' });
  });

  it('processEnv() reads .env from the working directory once, the process environment first', () => {
    const cwd = process.cwd();
    const names = ['TIERGATE_SPEC_FROM_FILE', 'TIERGATE_SPEC_ALREADY_SET'];
    writeFileSync(join(dir, '.env'), 'TIERGATE_SPEC_FROM_FILE=file\nTIERGATE_SPEC_ALREADY_SET=file\n');
    process.env.TIERGATE_SPEC_ALREADY_SET = 'environment';
    try {
      process.chdir(dir);
      jest.isolateModules(() => {
        // eslint-disable-next-line @typescript-eslint/no-require-imports
        const { processEnv } = require('./process-env') as typeof import('./process-env');
        const env = processEnv();
        expect(env.TIERGATE_SPEC_FROM_FILE).toBe('file');
        expect(env.TIERGATE_SPEC_ALREADY_SET).toBe('environment');
        // Read once: a later change to the file is not picked up mid-run.
        writeFileSync(join(dir, '.env'), 'TIERGATE_SPEC_LATER=file\n');
        expect(processEnv().TIERGATE_SPEC_LATER).toBeUndefined();
      });
    } finally {
      process.chdir(cwd);
      for (const name of names) delete process.env[name];
    }
  });
});
