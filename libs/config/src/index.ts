export * from './api-config';
export * from './worker-config';
export * from './sim-config';
export * from './config.module';
export * from './process-env';
export { ConfigValidationError } from './env/validate-env';
export { ApiEnv, LOG_LEVELS, type LogLevel } from './env/api-env.schema';
export { WorkerEnv } from './env/worker-env.schema';
export { SimEnv } from './env/sim-env.schema';
