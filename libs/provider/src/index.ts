export * from './llm-provider';
export * from './provider.errors';
export { ProviderModule } from './provider.module';
export { ProviderRegistry } from './provider.registry';
export {
  UpstreamHttpClient,
  UpstreamTransportError,
  type TransportFailure,
} from './http/upstream-http.client';
export { sseDataEvents } from './http/sse-events';
export {
  TogetherAdapter,
  type ProviderIdentity,
  type TogetherAdapterOptions,
} from './together/together.adapter';
export { retryAfterSeconds, redactSecrets } from './together/together-errors';
export {
  withRetries,
  isRetryable,
  retryDelayMs,
  type RetrySettings,
  type RetryOptions,
} from './resilience/retry-policy';
export { openAiCompatibleProvider } from './openai-compatible/openai-compatible.adapter';
export {
  TogetherBatchClient,
  toUpstreamBatch,
  UPSTREAM_BATCH_STATUSES,
  type UpstreamBatch,
  type UpstreamBatchStatus,
  type UpstreamFile,
} from './together/together-batch.client';
export {
  TogetherEndpointsClient,
  toUpstreamEndpoint,
  UPSTREAM_ENDPOINT_STATES,
  UPSTREAM_JOB_STATUSES,
  type UpstreamEndpoint,
  type UpstreamEndpointState,
  type UpstreamHardware,
  type UpstreamJob,
  type UpstreamJobStatus,
  type NewUpstreamEndpoint,
  type EndpointChanges,
  type NewModelUpload,
} from './together/together-endpoints.client';
export { UpstreamProviderEntity } from './entities/upstream-provider.entity';
export { ProviderDirectoryModule } from './registration/provider-directory.module';
export { ProviderDirectory, type UpstreamProviderAddress } from './registration/provider-directory';
