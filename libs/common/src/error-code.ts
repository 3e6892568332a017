/**
 * Every error a library can raise, by code. apps/api maps each code to an HTTP status in one
 * exhaustive switch (http/error-status.ts), so adding a code here without mapping it fails to compile.
 */
export enum ErrorCode {
  ValidationFailed = 'validation_failed',
  NotFound = 'not_found',
  PayloadTooLarge = 'payload_too_large',
  UnsupportedMediaType = 'unsupported_media_type',
  NotReady = 'not_ready',
  Internal = 'internal_error',
  Unauthenticated = 'unauthenticated',
  InvalidCredentials = 'invalid_credentials',
  Forbidden = 'forbidden',
  /** A state-changing request on a cookie session without the session's CSRF token. */
  CsrfFailed = 'csrf_failed',
  /** Too many failed sign-ins for an account or from an address. */
  TooManyAttempts = 'too_many_attempts',
  EmailTaken = 'email_taken',
  LimitReached = 'limit_reached',
  RegistrationClosed = 'registration_closed',
  UpstreamAuthFailed = 'upstream_auth_failed',
  ModelNotAvailable = 'model_not_available',
  UpstreamBadRequest = 'upstream_bad_request',
  UpstreamRateLimited = 'upstream_rate_limited',
  /** The platform's upstream account has no room now (its keys' paced limits): Retry-After says when. */
  AccountRateLimited = 'account_rate_limited',
  UpstreamUnavailable = 'upstream_unavailable',
  UpstreamTimeout = 'upstream_timeout',
  UpstreamProtocolError = 'upstream_protocol_error',
  ClientClosedRequest = 'client_closed_request',
  Conflict = 'conflict',
  IntegrationDisabled = 'integration_disabled',
  FreeTierDisabled = 'free_tier_disabled',
  UserKeysDisabled = 'user_keys_disabled',
  /** A key an admin or user submitted was refused by the upstream when we verified it. */
  ProviderKeyRejected = 'provider_key_rejected',
  /** The caller's own upstream key was refused while serving their request. */
  UserKeyRejected = 'user_key_rejected',
  /** No usable system key: none configured, or the upstream rejected all of them. */
  NoSystemKey = 'no_system_key',
  /** An admin configured a model the provider's catalog does not list (send `force` to save it anyway). */
  ModelNotInCatalog = 'model_not_in_catalog',
  /** The caller's tier may not use the model they named. */
  ModelNotAllowed = 'model_not_allowed',
  /** The model configuration cannot serve the request (no model, or none the provider serves): the platform's to fix. */
  RouteMisconfigured = 'route_misconfigured',
  /** The provider refused the content (a safety policy); never retried or sent elsewhere. */
  ContentPolicy = 'content_policy_violation',
  /** The request does not fit the model's context window, nor any larger one the tier may use. */
  ContextLengthExceeded = 'context_length_exceeded',
  /** A quota or rate limit is reached. */
  QuotaExceeded = 'quota_exceeded',
  /** The quota counters cannot be reached and the tier fails closed. */
  QuotaUnavailable = 'quota_unavailable',
  /** PostgreSQL cannot be reached: what needs it is refused with 503 and Retry-After until it is back. */
  DatabaseUnavailable = 'database_unavailable',
  /** The caller's tier may not submit batch jobs. */
  BatchesNotAllowed = 'batches_not_allowed',
  /** The model is a dedicated endpoint that is not running (stopped, starting): falls back, else 503. */
  EndpointNotRunning = 'endpoint_not_running',
}
