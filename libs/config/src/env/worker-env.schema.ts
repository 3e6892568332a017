import { IsIn, IsInt, Matches, Max, Min } from 'class-validator';
import { ToInt } from './env-decorators';
import { LOG_LEVELS, LogLevel } from './api-env.schema';

/** The worker's environment: it always runs against PostgreSQL and Redis. */
export class WorkerEnv {
  @Matches(/^postgres(ql)?:\/\/.+/, { message: 'is required: a postgres:// URL' })
  DATABASE_URL!: string;

  @Matches(/^rediss?:\/\/.+/, { message: 'is required: a redis:// or rediss:// URL' })
  REDIS_URL!: string;

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
