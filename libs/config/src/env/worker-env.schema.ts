import { IsIn, IsInt, IsOptional, IsString, Matches, Max, Min, ValidateIf } from 'class-validator';
import { ToInt } from './env-decorators';
import { LOG_LEVELS, LogLevel, REDIS_URL, REDIS_URL_MESSAGE } from './api-env.schema';

/** The worker's environment: it always runs against PostgreSQL and Redis. */
export class WorkerEnv {
  @Matches(/^postgres(ql)?:\/\/.+/, { message: 'is required: a postgres:// URL' })
  DATABASE_URL!: string;

  @ValidateIf((env: WorkerEnv) => env.REDIS_CLUSTER_NODES === undefined)
  @Matches(REDIS_URL, { message: `is required: ${REDIS_URL_MESSAGE}` })
  REDIS_URL?: string;

  /** A Redis Cluster's nodes, `host:port,host:port` (instead of REDIS_URL). */
  @IsOptional()
  @IsString()
  REDIS_CLUSTER_NODES?: string;

  @IsIn(LOG_LEVELS, { message: `must be one of ${LOG_LEVELS.join(', ')}` })
  LOG_LEVEL: LogLevel = 'info';

  @Matches(/^[\w.:-]{1,64}$/, { message: 'must be 1-64 letters, digits or . : _ -' })
  REDIS_KEY_PREFIX: string = 'tiergate:';

  @ToInt()
  @IsInt()
  @Min(1)
  @Max(64)
  USAGE_WORKER_CONCURRENCY: number = 4;
}
