export * from './error-code';
export * from './domain.error';
export * from './tiers';
export { sniffImageType } from './image-type';
export * from './feature-flags';
export * from './modalities';
export * from './error-status';
export * from './with-timeout';
