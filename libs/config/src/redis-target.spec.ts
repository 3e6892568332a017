import { loadApiConfig } from './api-config';
import { ConfigValidationError } from './env/validate-env';
import { parseRedisClusterUrl, resolveRedisUrl } from './redis-target';
import { loadWorkerConfig } from './worker-config';

const production = {
  DATABASE_URL: 'postgres://u@localhost/db',
  JWT_SECRET: 's'.repeat(32),
  ENCRYPTION_KEY: 'ab'.repeat(32),
  TOGETHER_API_KEY: 'together-key-1234',
};

function problemsOf(load: () => unknown): string[] {
  try {
    load();
    return [];
  } catch (error) {
    if (!(error instanceof ConfigValidationError)) throw error;
    return error.problems;
  }
}

describe('Redis Cluster configuration', () => {
  it.each([
    [
      'redis+cluster://10.0.0.1:7000,10.0.0.2:7001',
      {
        nodes: [
          { host: '10.0.0.1', port: 7000 },
          { host: '10.0.0.2', port: 7001 },
        ],
        tls: false,
      },
    ],
    [
      'rediss+cluster://app:p%40ss@redis-a.internal:6380/',
      { nodes: [{ host: 'redis-a.internal', port: 6380 }], tls: true, username: 'app', password: 'p@ss' },
    ],
    [
      'redis+cluster://:secret@[::1]:7000, 127.0.0.1:7001',
      {
        nodes: [
          { host: '::1', port: 7000 },
          { host: '127.0.0.1', port: 7001 },
        ],
        tls: false,
        password: 'secret',
      },
    ],
  ])('reads %s', (url, expected) => {
    expect(parseRedisClusterUrl(url)).toEqual(expected);
  });

  it.each([
    ['redis+cluster://', 'at least one host:port'],
    ['redis+cluster://a:1,b', '"b" is not a host:port'],
    ['redis+cluster://a:70000', '"a:70000" is not a host:port'],
    ['redis+cluster://a:1/0?x=1', 'no path or query'],
  ])('refuses %s', (url, message) => {
    expect(() => parseRedisClusterUrl(url)).toThrow(message);
  });

  it('turns REDIS_CLUSTER_NODES into one redis+cluster:// URL for the api and the worker', () => {
    const nodes = ' 127.0.0.1:7000,127.0.0.1:7001 ,[::1]:7002';
    const url = 'redis+cluster://127.0.0.1:7000,127.0.0.1:7001,[::1]:7002';
    expect(loadApiConfig({ ...production, REDIS_CLUSTER_NODES: nodes }).redis.url).toBe(url);
    expect(
      loadWorkerConfig({ DATABASE_URL: production.DATABASE_URL, REDIS_CLUSTER_NODES: nodes }).redis.url,
    ).toBe(url);
    const direct = 'rediss+cluster://u:p@h1:7000,h2:7000';
    expect(loadApiConfig({ ...production, REDIS_URL: direct }).redis.url).toBe(direct);
    expect(loadWorkerConfig({ DATABASE_URL: production.DATABASE_URL, REDIS_URL: direct }).redis.url).toBe(
      direct,
    );
  });

  it('names the bad variable once, and does not also call REDIS_URL missing', () => {
    expect(problemsOf(() => loadApiConfig({ ...production, REDIS_CLUSTER_NODES: 'h1:7000,h2' }))).toEqual([
      'REDIS_CLUSTER_NODES: "h2" is not a host:port',
    ]);
    expect(problemsOf(() => loadApiConfig({ ...production, REDIS_URL: 'redis+cluster://h1' }))).toEqual([
      'REDIS_URL: "h1" is not a host:port',
    ]);
    expect(
      problemsOf(() =>
        loadApiConfig({ ...production, REDIS_URL: 'redis://h:6379', REDIS_CLUSTER_NODES: 'h1:7000' }),
      ),
    ).toEqual([
      expect.stringMatching(/^REDIS_CLUSTER_NODES: set REDIS_URL or REDIS_CLUSTER_NODES, not both/),
    ]);
    expect(problemsOf(() => loadWorkerConfig({ DATABASE_URL: production.DATABASE_URL }))).toEqual([
      expect.stringMatching(/^REDIS_URL: is required/),
    ]);
    expect(problemsOf(() => loadApiConfig(production))).toEqual([
      'REDIS_URL: is required when DATABASE_URL is set (production mode)',
    ]);
  });

  it('leaves a single-server URL as it is', () => {
    const problems: string[] = [];
    expect(resolveRedisUrl('rediss://u:p@h:6380/2', undefined, problems)).toBe('rediss://u:p@h:6380/2');
    expect(resolveRedisUrl(undefined, undefined, problems)).toBeUndefined();
    expect(problems).toEqual([]);
  });
});
