import { SimEnv } from './env/sim-env.schema';
import { LogLevel } from './env/api-env.schema';
import { ConfigValidationError, validateEnv } from './env/validate-env';

export interface SimConfig {
  port: number;
  host: string;
  logLevel: LogLevel;
}

export function loadSimConfig(env: Record<string, string | undefined>): SimConfig {
  const { values, problems } = validateEnv(SimEnv, env);
  if (problems.length) throw new ConfigValidationError('upstream-sim', problems);
  return { port: values.SIM_PORT, host: values.SIM_HOST, logLevel: values.LOG_LEVEL };
}
