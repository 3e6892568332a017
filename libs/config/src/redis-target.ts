/**
 * Where Redis is: one server (`redis://` or `rediss://`), or a Redis Cluster given as
 * `redis+cluster://[user:password@]host:port,host:port` (`rediss+cluster://` for TLS) or as
 * REDIS_CLUSTER_NODES (`host:port,host:port`). The configuration carries one URL string either
 * way; the Redis client factory (libs/redis) reads it with `parseRedisClusterUrl`.
 */
export interface RedisClusterTarget {
  /** The seed nodes: the client discovers the rest of the cluster from any one of them. */
  nodes: Array<{ host: string; port: number }>;
  username?: string;
  password?: string;
  tls: boolean;
}

const CLUSTER_URL = /^(rediss?)\+cluster:\/\/(?:([^@/]*)@)?([^/?#@]*)\/?$/;
const NODE = /^(?:\[([0-9a-fA-F:.]+)\]|([A-Za-z0-9.-]+)):(\d{1,5})$/;

export function isRedisClusterUrl(url: string | undefined): boolean {
  return /^rediss?\+cluster:\/\//.test(url ?? '');
}

/** Reads a `redis+cluster://` URL; throws an Error whose message says what is wrong. */
export function parseRedisClusterUrl(url: string): RedisClusterTarget {
  const match = CLUSTER_URL.exec(url.trim());
  if (!match)
    throw new Error('must look like redis+cluster://[user:password@]host:port,host:port (no path or query)');
  const [, scheme, credentials, hosts] = match;
  const nodes = parseClusterNodes(hosts);
  const target: RedisClusterTarget = { nodes, tls: scheme === 'rediss' };
  if (credentials) {
    const colon = credentials.indexOf(':');
    const user = decodeURIComponent(colon < 0 ? credentials : credentials.slice(0, colon));
    if (colon >= 0) target.password = decodeURIComponent(credentials.slice(colon + 1));
    if (user) target.username = user;
  }
  return target;
}

/** `host:port,host:port` (IPv6 hosts in brackets); throws an Error naming the bad entry. */
export function parseClusterNodes(list: string): RedisClusterTarget['nodes'] {
  const entries = list
    .split(',')
    .map((entry) => entry.trim())
    .filter(Boolean);
  if (!entries.length) throw new Error('must name at least one host:port');
  return entries.map((entry) => {
    const match = NODE.exec(entry);
    const port = Number(match?.[3]);
    if (!match || port < 1 || port > 65535) throw new Error(`"${entry}" is not a host:port`);
    return { host: match[1] ?? match[2], port };
  });
}

/**
 * The one Redis URL the apps use, from REDIS_URL and REDIS_CLUSTER_NODES: the nodes become a
 * `redis+cluster://` URL. Adds a line to `problems` for a bad value or when both are set (the
 * value returned then only says that something was configured, so no "is required" follows).
 */
export function resolveRedisUrl(
  redisUrl: string | undefined,
  clusterNodes: string | undefined,
  problems: string[],
): string | undefined {
  const reported = (name: string) => problems.some((problem) => problem.startsWith(`${name}:`));
  const given = redisUrl ?? clusterNodes;
  if (reported('REDIS_URL') || reported('REDIS_CLUSTER_NODES')) return given;
  if (clusterNodes !== undefined) {
    if (redisUrl !== undefined) {
      problems.push(
        'REDIS_CLUSTER_NODES: set REDIS_URL or REDIS_CLUSTER_NODES, not both (for a cluster that needs a password or TLS, use REDIS_URL=rediss+cluster://user:password@host:port,...)',
      );
      return given;
    }
    try {
      const nodes = parseClusterNodes(clusterNodes);
      return `redis+cluster://${nodes.map(({ host, port }) => `${host.includes(':') ? `[${host}]` : host}:${port}`).join(',')}`;
    } catch (error) {
      problems.push(`REDIS_CLUSTER_NODES: ${(error as Error).message}`);
      return given;
    }
  }
  if (isRedisClusterUrl(redisUrl)) {
    try {
      parseRedisClusterUrl(redisUrl!);
    } catch (error) {
      problems.push(`REDIS_URL: ${(error as Error).message}`);
      return given;
    }
  }
  return redisUrl;
}
