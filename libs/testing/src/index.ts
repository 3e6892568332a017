export * from './test-env';
export * from './test-database';
export * from './wait';
export * from './tcp-proxy';
export * from './redis-cluster';
export * from './redis-expiry';
export * from './factories';
