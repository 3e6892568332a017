export * from './database.module';
export * from './data-source-options';
export * from './run-migrations';
export { MIGRATIONS } from './migrations';
export {
  DatabaseUnavailableError,
  DATABASE_RETRY_AFTER_SECONDS,
  isDatabaseUnavailable,
  asDatabaseError,
} from './database-unavailable';
export { isUnstorableText } from './unstorable-text';
