import { WorkerEnv } from './env/worker-env.schema';
import { LogLevel } from './env/api-env.schema';
import { ConfigValidationError, validateEnv } from './env/validate-env';

export abstract class WorkerConfig {
  abstract readonly database: { url: string };
  abstract readonly redis: { url: string };
  abstract readonly logLevel: LogLevel;
  abstract readonly redisKeyPrefix: string;
  abstract readonly usage: { concurrency: number };
}

export function loadWorkerConfig(env: Record<string, string | undefined>): WorkerConfig {
  const { values, problems } = validateEnv(WorkerEnv, env);
  if (problems.length) throw new ConfigValidationError('worker', problems);
  return {
    database: { url: values.DATABASE_URL },
    redis: { url: values.REDIS_URL },
    logLevel: values.LOG_LEVEL,
    redisKeyPrefix: values.REDIS_KEY_PREFIX,
    usage: { concurrency: values.USAGE_WORKER_CONCURRENCY },
  };
}
