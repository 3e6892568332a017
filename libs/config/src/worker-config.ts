import { WorkerEnv } from './env/worker-env.schema';
import { LogLevel } from './env/api-env.schema';
import { ConfigValidationError, validateEnv } from './env/validate-env';
import { resolveRedisUrl } from './redis-target';

export abstract class WorkerConfig {
  abstract readonly database: { url: string };
  /** `url`: a redis:// URL, or redis+cluster://host:port,... for a Redis Cluster. */
  abstract readonly redis: { url: string };
  abstract readonly logLevel: LogLevel;
  abstract readonly redisKeyPrefix: string;
  abstract readonly usage: { concurrency: number };
}

export function loadWorkerConfig(env: Record<string, string | undefined>): WorkerConfig {
  const { values, problems } = validateEnv(WorkerEnv, env);
  const redisUrl = resolveRedisUrl(values.REDIS_URL, values.REDIS_CLUSTER_NODES, problems);
  if (problems.length) throw new ConfigValidationError('worker', problems);
  return {
    database: { url: values.DATABASE_URL },
    redis: { url: redisUrl! },
    logLevel: values.LOG_LEVEL,
    redisKeyPrefix: values.REDIS_KEY_PREFIX,
    usage: { concurrency: values.USAGE_WORKER_CONCURRENCY },
  };
}
