export { batchedDestination, createLogger, NestPinoLogger, REDACTED_PATHS } from './nest-pino-logger';
export type { Logger } from 'pino';
