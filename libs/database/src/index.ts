export * from './database.module';
export * from './data-source-options';
export * from './run-migrations';
export { MIGRATIONS } from './migrations';
