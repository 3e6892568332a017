import { IsIn, Matches } from 'class-validator';
import { LOG_LEVELS, LogLevel } from './api-env.schema';

/** The worker's environment: it always runs against PostgreSQL and Redis. */
export class WorkerEnv {
  @Matches(/^postgres(ql)?:\/\/.+/, { message: 'is required: a postgres:// URL' })
  DATABASE_URL!: string;

  @Matches(/^rediss?:\/\/.+/, { message: 'is required: a redis:// or rediss:// URL' })
  REDIS_URL!: string;

  @IsIn(LOG_LEVELS, { message: `must be one of ${LOG_LEVELS.join(', ')}` })
  LOG_LEVEL: LogLevel = 'info';
}
