import { IsIn, IsInt, IsString, Max, Min } from 'class-validator';
import { ToInt } from './env-decorators';
import { LOG_LEVELS, LogLevel } from './api-env.schema';

/** The upstream simulator's environment. */
export class SimEnv {
  @ToInt()
  @IsInt({ message: 'must be an integer port (1-65535)' })
  @Min(0)
  @Max(65535)
  SIM_PORT: number = 9100;

  @IsString()
  SIM_HOST: string = '127.0.0.1';

  @IsIn(LOG_LEVELS, { message: `must be one of ${LOG_LEVELS.join(', ')}` })
  LOG_LEVEL: LogLevel = 'info';
}
