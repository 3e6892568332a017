import { mkdtempSync, readFileSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadApiConfig, SIMULATOR_API_KEY } from './api-config';
import { isLoopbackHost } from './network-exposure';
import { parseDurationSeconds, parseEncryptionKey } from './env/durations';
import { ConfigValidationError } from './env/validate-env';

const production = {
  DATABASE_URL: 'postgres://u@localhost/db',
  REDIS_URL: 'redis://localhost:6379',
  JWT_SECRET: 's'.repeat(32),
  ENCRYPTION_KEY: 'ab'.repeat(32),
  TOGETHER_API_KEY: 'together-key-1234',
};

function problems(env: Record<string, string>): string[] {
  try {
    loadApiConfig(env);
    return [];
  } catch (error) {
    if (!(error instanceof ConfigValidationError)) throw error;
    return error.problems;
  }
}

describe('loadApiConfig', () => {
  it('lists every bad variable at once, one line each', () => {
    const found = problems({
      PORT: 'eighty',
      DATABASE_URL: 'mysql://x',
      JWT_TTL: 'forever',
      LOG_LEVEL: 'loud',
      ALLOW_REGISTRATION: 'maybe',
    });
    expect(found.map((p) => p.split(':')[0])).toEqual(
      expect.arrayContaining([
        'PORT',
        'DATABASE_URL',
        'JWT_TTL',
        'LOG_LEVEL',
        'ALLOW_REGISTRATION',
        'REDIS_URL',
        'JWT_SECRET',
        'ENCRYPTION_KEY',
        'TOGETHER_API_KEY',
      ]),
    );
    expect(new Set(found.map((p) => p.split(':')[0])).size).toBe(found.length);
  });

  it('never echoes a secret in its messages', () => {
    const found = problems({
      ...production,
      JWT_SECRET: 'short-secret-value',
      ENCRYPTION_KEY: 'not-a-key-at-all',
    });
    expect(found.join('\n')).not.toMatch(/short-secret-value|not-a-key-at-all/);
  });

  it('production mode needs its secrets and builds a typed config', () => {
    const config = loadApiConfig({
      ...production,
      TOGETHER_BASE_URL: 'https://api.together.xyz/v1/',
      JWT_TTL: '15m',
    });
    expect(config.mode).toBe('production');
    expect(config.upstream).toMatchObject({
      baseUrl: 'https://api.together.xyz/v1',
      apiKey: 'together-key-1234',
      simulated: false,
    });
    expect(config.auth.jwtTtlSeconds).toBe(900);
    expect(config.encryptionKey).toHaveLength(32);
  });

  it('embedded mode generates the secrets once under DATA_DIR and uses the simulator', () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'tiergate-config-'));
    const first = loadApiConfig({ DATA_DIR: dataDir, SIM_PORT: '9555' });
    const second = loadApiConfig({ DATA_DIR: dataDir });
    expect(first.mode).toBe('embedded');
    expect(first.upstream).toMatchObject({
      baseUrl: 'http://127.0.0.1:9555/v1',
      apiKey: SIMULATOR_API_KEY,
      simulated: true,
    });
    expect(second.auth.jwtSecret).toBe(first.auth.jwtSecret);
    expect(second.encryptionKey.equals(first.encryptionKey)).toBe(true);
    const file = join(dataDir, 'secrets.json');
    expect(statSync(file).mode & 0o777).toBe(0o600);
    expect(readFileSync(file, 'utf8')).toContain(first.auth.jwtSecret);
  });
});

describe('listen address and /metrics exposure', () => {
  const embedded = () => ({ DATA_DIR: mkdtempSync(join(tmpdir(), 'tiergate-config-')) });
  const TOKEN = 'm'.repeat(24);

  it.each([
    ['embedded, no HOST', '127.0.0.1', 'open', {}],
    ['embedded, HOST=0.0.0.0', '0.0.0.0', 'off', { HOST: '0.0.0.0' }],
    ['embedded, HOST=::1', '::1', 'open', { HOST: '::1' }],
    ['embedded, HOST=0.0.0.0 with a token', '0.0.0.0', 'token', { HOST: '0.0.0.0', METRICS_TOKEN: TOKEN }],
    ['production, no HOST', '0.0.0.0', 'off', production],
    ['production, HOST=127.0.0.1', '127.0.0.1', 'off', { ...production, HOST: '127.0.0.1' }],
    ['production with a token', '0.0.0.0', 'token', { ...production, METRICS_TOKEN: TOKEN }],
  ] as Array<[string, string, string, Record<string, string>]>)(
    '%s: listens on %s, /metrics %s',
    (_name, host, access, env) => {
      const config = loadApiConfig({ ...embedded(), ...env });
      expect(config.http.host).toBe(host);
      expect(config.metricsAccess).toBe(access);
    },
  );

  it('rejects a HOST that is no address or host name', () => {
    expect(problems({ ...production, HOST: 'http://0.0.0.0/' })).toEqual([
      expect.stringMatching(/^HOST: must be an address or host name/),
    ]);
  });

  it.each([
    ['127.0.0.1', true],
    ['127.8.9.10', true],
    ['::1', true],
    ['[::1]', true],
    ['localhost', true],
    ['0.0.0.0', false],
    ['::', false],
    ['10.0.0.1', false],
    ['1270.0.0.1', false],
  ])('isLoopbackHost(%s) → %s', (host, loopback) => expect(isLoopbackHost(host)).toBe(loopback));
});

describe('CORS_ORIGINS', () => {
  it.each([
    ['', []],
    ['*', ['*']],
    [' https://app.example.com ', ['https://app.example.com']],
    // As browsers send Origin: lower-case host, no default port, no trailing slash.
    [
      'https://App.Example.com:443/, http://localhost:5173',
      ['https://app.example.com', 'http://localhost:5173'],
    ],
    ['http://[::1]:8080', ['http://[::1]:8080']],
  ] as Array<[string, string[]]>)('%j → %j', (value, origins) => {
    expect(loadApiConfig({ ...production, CORS_ORIGINS: value }).http.corsOrigins).toEqual(origins);
  });

  it.each([
    'app.example.com',
    'https://app.example.com/path',
    'ftp://files.example.com',
    '*, https://app.example.com',
    'https://app.example.com;https://b.example.com',
    'http://localhost:99999',
  ])('rejects %j, naming the variable', (value) => {
    expect(problems({ ...production, CORS_ORIGINS: value })).toEqual([
      expect.stringMatching(/^CORS_ORIGINS: /),
    ]);
  });
});

describe('parsers', () => {
  it.each([
    ['900', 900],
    ['15m', 900],
    ['1h', 3600],
    ['7d', 604800],
    ['0', undefined],
    ['1w', undefined],
  ])('duration %s → %s', (text, seconds) => expect(parseDurationSeconds(text)).toBe(seconds));

  it.each([
    ['ab'.repeat(32), 32],
    [Buffer.alloc(32, 7).toString('base64'), 32],
    [Buffer.alloc(16, 7).toString('base64'), undefined],
    ['xyz', undefined],
  ])('encryption key %s', (text, length) => expect(parseEncryptionKey(text)?.length).toBe(length));
});
