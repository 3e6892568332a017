import { resolve } from 'node:path';
import { FEATURE_FLAG_NAMES, isFeatureFlag } from '@tiergate/common';
import { ApiEnv, LogLevel } from './env/api-env.schema';
import { parseDurationSeconds, parseEncryptionKey } from './env/durations';
import { loadOrCreateEmbeddedSecrets } from './embedded-secrets';
import { ConfigValidationError, validateEnv } from './env/validate-env';
import { resolveRedisUrl } from './redis-target';
import { metricsAccessFor, type MetricsAccess } from './network-exposure';
import { tracingSettings, type TracingSettings } from './tracing-settings';

export type RunMode = 'production' | 'embedded';

export interface RetrySettings {
  maxRetries: number;
  baseDelayMs: number;
  maxDelayMs: number;
  budgetMs: number;
}

/** The platform's default model per modality, until a tier's model configuration says otherwise. */
export interface DefaultModels {
  chat: string;
  text: string;
  code: string;
  vision: string;
  image: string;
  tts: string;
  ttsVoice: string;
  stt: string;
  embedding: string;
}

export interface MediaSettings {
  artifacts:
    | { store: 'local'; dir: string; urlTtlSeconds: number }
    | {
        store: 's3';
        bucket: string;
        region: string;
        endpoint?: string;
        accessKeyId?: string;
        secretAccessKey?: string;
        forcePathStyle: boolean;
        urlTtlSeconds: number;
      };
  /** Absolute base of the links Tiergate hands out; by default the request's own host. */
  publicBaseUrl?: string;
  maxImageUploadBytes: number;
  maxAudioUploadBytes: number;
  /** Fetching a user-supplied URL (audio_url). */
  remoteFetch: { timeoutMs: number; maxBytes: number; allow: string[] };
}

export interface FallbackSettings {
  /** No new model is started once the chain has taken this long. */
  chainBudgetMs: number;
  breaker: {
    failureThreshold: number;
    windowMs: number;
    /** The first cool-down; doubled by each failed probe up to `maxCooldownMs`, reset by a success. */
    cooldownMs: number;
    maxCooldownMs: number;
    probeTimeoutMs: number;
  };
  /** How long the last good answer to a request is kept for the CACHED_RESPONSE fallback. */
  responseCacheTtlSeconds: number;
}

export interface UpstreamTimeouts {
  connectMs: number;
  firstByteMs: number;
  idleMs: number;
  totalMs: number;
}

/**
 * The api's typed configuration, built once at start-up from the validated environment. It is
 * also the injection token (an abstract class beside its shape).
 */
export abstract class ApiConfig {
  abstract readonly mode: RunMode;
  abstract readonly http: {
    port: number;
    /** The listen address: HOST, else 127.0.0.1 in embedded mode and 0.0.0.0 in production. */
    host: string;
    bodyLimitBytes: number;
    shutdownGraceMs: number;
    /** Origins whose web pages may call the API (`*`: any); empty: none (no CORS headers). */
    corsOrigins: readonly string[];
  };
  /** The dashboard's built files, served at `/`. */
  abstract readonly dashboard: { dir: string };
  abstract readonly database: { url?: string; dataDir: string };
  /** `url`: a redis:// URL, or redis+cluster://host:port,... for a Redis Cluster. */
  abstract readonly redis: { url?: string };
  abstract readonly upstream: {
    baseUrl: string;
    apiKey: string;
    /** True when the embedded simulator stands in for Together. */
    simulated: boolean;
    timeouts: UpstreamTimeouts;
    retry: RetrySettings;
    maxConnections: number;
  };
  abstract readonly auth: {
    jwtSecret: string;
    jwtTtlSeconds: number;
    /** How long a dashboard sign-in lasts (SESSION_TTL). */
    sessionTtlSeconds: number;
    /** Failed sign-ins allowed per account (ten times as many per address) in the window. */
    loginMaxFailures: number;
    loginFailureWindowSeconds: number;
    allowRegistration: boolean;
  };
  abstract readonly admin: { email: string; password?: string };
  /** The current AES-256 key (also the root of the artifact link signing key). */
  abstract readonly encryptionKey: Buffer;
  /** Keys ENCRYPTION_KEY replaced: still read, never written (`npm run keys:reencrypt` moves off them). */
  abstract readonly previousEncryptionKeys: Buffer[];
  abstract readonly redisKeyPrefix: string;
  /** Flag values applied at start-up, over what the database holds. */
  abstract readonly featureFlagOverrides: Record<string, boolean>;
  abstract readonly providerKeys: { rotationGraceSeconds: number };
  abstract readonly fallback: FallbackSettings;
  /** When set, /metrics requires `Authorization: Bearer <token>`. */
  abstract readonly metricsToken?: string;
  /** Who may read /metrics: see {@link metricsAccessFor}. */
  abstract readonly metricsAccess: MetricsAccess;
  abstract readonly logLevel: LogLevel;
  abstract readonly tracing: TracingSettings;
  abstract readonly sim: { port: number };
  abstract readonly models: DefaultModels;
  abstract readonly media: MediaSettings;
}

/** The key the api sends to the embedded simulator, which accepts any bearer key. */
export const SIMULATOR_API_KEY = 'sim-local-key';

/**
 * Validates the environment and builds the api's configuration, listing every problem at once.
 * Production (DATABASE_URL set) requires REDIS_URL, JWT_SECRET, ENCRYPTION_KEY and TOGETHER_API_KEY;
 * embedded mode generates the secrets once under DATA_DIR and uses the simulator without a key.
 */
export function loadApiConfig(env: Record<string, string | undefined>): ApiConfig {
  const { values, problems } = validateEnv(ApiEnv, env);
  // A cluster given by its nodes becomes a redis+cluster:// URL: one value from here on.
  values.REDIS_URL = resolveRedisUrl(values.REDIS_URL, values.REDIS_CLUSTER_NODES, problems);
  const mode: RunMode = values.DATABASE_URL ? 'production' : 'embedded';
  if (mode === 'production') {
    for (const name of ['REDIS_URL', 'JWT_SECRET', 'ENCRYPTION_KEY', 'TOGETHER_API_KEY'] as const) {
      if (!values[name] && !problems.some((p) => p.startsWith(`${name}:`))) {
        problems.push(`${name}: is required when DATABASE_URL is set (production mode)`);
      }
    }
  }
  if (values.ARTIFACT_STORE === 's3' && !values.S3_BUCKET)
    problems.push('S3_BUCKET: is required when ARTIFACT_STORE=s3');
  const unknownFlags = Object.keys(parseFlagOverrides(values.FEATURE_FLAGS ?? '')).filter(
    (name) => !isFeatureFlag(name),
  );
  if (unknownFlags.length)
    problems.push(
      `FEATURE_FLAGS: unknown flag ${unknownFlags.join(', ')}; known: ${FEATURE_FLAG_NAMES.join(', ')}`,
    );
  const badOrigin = splitList(values.CORS_ORIGINS ?? '').find((o) => o !== '*' && !URL.canParse(o));
  if (badOrigin && !problems.some((p) => p.startsWith('CORS_ORIGINS:')))
    problems.push(`CORS_ORIGINS: ${badOrigin} is not an origin (a port above 65535?)`);
  if (problems.length) throw new ConfigValidationError('api', problems);

  const dataDir = resolve(values.DATA_DIR);
  // Only embedded mode can reach here without both secrets; it generates the missing ones once.
  const generated =
    values.JWT_SECRET && values.ENCRYPTION_KEY ? undefined : loadOrCreateEmbeddedSecrets(dataDir);
  const secrets = {
    jwtSecret: values.JWT_SECRET ?? generated!.jwtSecret,
    encryptionKey: values.ENCRYPTION_KEY ?? generated!.encryptionKey,
  };
  const simulated = !values.TOGETHER_API_KEY;
  const host = values.HOST ?? (mode === 'embedded' ? '127.0.0.1' : '0.0.0.0');

  return {
    mode,
    http: {
      port: values.PORT,
      host,
      bodyLimitBytes: values.BODY_LIMIT_BYTES,
      shutdownGraceMs: values.SHUTDOWN_GRACE_MS,
      corsOrigins: corsOrigins(values.CORS_ORIGINS),
    },
    database: { url: values.DATABASE_URL, dataDir },
    dashboard: { dir: resolve(values.DASHBOARD_DIR) },
    redis: { url: values.REDIS_URL },
    upstream: {
      baseUrl: simulated
        ? `http://127.0.0.1:${values.SIM_PORT}/v1`
        : values.TOGETHER_BASE_URL.replace(/\/+$/, ''),
      apiKey: values.TOGETHER_API_KEY ?? SIMULATOR_API_KEY,
      simulated,
      timeouts: {
        connectMs: values.UPSTREAM_CONNECT_TIMEOUT_MS,
        firstByteMs: values.UPSTREAM_FIRST_BYTE_TIMEOUT_MS,
        idleMs: values.UPSTREAM_IDLE_TIMEOUT_MS,
        totalMs: values.UPSTREAM_TOTAL_TIMEOUT_MS,
      },
      retry: {
        maxRetries: values.UPSTREAM_MAX_RETRIES,
        baseDelayMs: values.UPSTREAM_RETRY_BASE_DELAY_MS,
        maxDelayMs: values.UPSTREAM_RETRY_MAX_DELAY_MS,
        budgetMs: values.UPSTREAM_RETRY_BUDGET_MS,
      },
      maxConnections: values.UPSTREAM_MAX_CONNECTIONS,
    },
    auth: {
      jwtSecret: secrets.jwtSecret,
      jwtTtlSeconds: parseDurationSeconds(values.JWT_TTL)!,
      sessionTtlSeconds: parseDurationSeconds(values.SESSION_TTL)!,
      loginMaxFailures: values.LOGIN_MAX_FAILURES,
      loginFailureWindowSeconds: parseDurationSeconds(values.LOGIN_FAILURE_WINDOW)!,
      allowRegistration: values.ALLOW_REGISTRATION,
    },
    admin: { email: values.ADMIN_EMAIL.toLowerCase(), password: values.ADMIN_PASSWORD },
    encryptionKey: parseEncryptionKey(secrets.encryptionKey)!,
    previousEncryptionKeys: splitList(values.ENCRYPTION_KEY_PREVIOUS ?? '').map((key) =>
      parseEncryptionKey(key)!,
    ),
    redisKeyPrefix: values.REDIS_KEY_PREFIX,
    featureFlagOverrides: parseFlagOverrides(values.FEATURE_FLAGS),
    providerKeys: { rotationGraceSeconds: parseDurationSeconds(values.PROVIDER_KEY_GRACE_PERIOD)! },
    metricsToken: values.METRICS_TOKEN,
    metricsAccess: metricsAccessFor(mode, host, values.METRICS_TOKEN),
    fallback: {
      chainBudgetMs: values.FALLBACK_CHAIN_BUDGET_MS,
      breaker: {
        failureThreshold: values.CIRCUIT_BREAKER_FAILURE_THRESHOLD,
        windowMs: values.CIRCUIT_BREAKER_WINDOW_MS,
        cooldownMs: values.CIRCUIT_BREAKER_COOLDOWN_MS,
        maxCooldownMs: values.CIRCUIT_BREAKER_MAX_COOLDOWN_MS,
        probeTimeoutMs: values.UPSTREAM_TOTAL_TIMEOUT_MS,
      },
      responseCacheTtlSeconds: parseDurationSeconds(values.RESPONSE_CACHE_TTL)!,
    },
    logLevel: values.LOG_LEVEL,
    tracing: tracingSettings(values),
    sim: { port: values.SIM_PORT },
    models: {
      chat: values.DEFAULT_CHAT_MODEL,
      text: values.DEFAULT_TEXT_MODEL,
      code: values.DEFAULT_CODE_MODEL,
      vision: values.DEFAULT_VISION_MODEL,
      image: values.DEFAULT_IMAGE_MODEL,
      tts: values.DEFAULT_TTS_MODEL,
      ttsVoice: values.DEFAULT_TTS_VOICE,
      stt: values.DEFAULT_STT_MODEL,
      embedding: values.DEFAULT_EMBEDDING_MODEL,
    },
    media: mediaSettings(values, dataDir),
  };
}

function mediaSettings(values: ApiEnv, dataDir: string): MediaSettings {
  const urlTtlSeconds = parseDurationSeconds(values.ARTIFACT_URL_TTL)!;
  return {
    artifacts:
      values.ARTIFACT_STORE === 's3'
        ? {
            store: 's3',
            bucket: values.S3_BUCKET!,
            region: values.S3_REGION,
            endpoint: values.S3_ENDPOINT,
            accessKeyId: values.S3_ACCESS_KEY_ID,
            secretAccessKey: values.S3_SECRET_ACCESS_KEY,
            forcePathStyle: values.S3_FORCE_PATH_STYLE,
            urlTtlSeconds,
          }
        : { store: 'local', dir: resolve(dataDir, 'artifacts'), urlTtlSeconds },
    publicBaseUrl: values.PUBLIC_BASE_URL?.replace(/\/+$/, ''),
    maxImageUploadBytes: values.MAX_IMAGE_UPLOAD_BYTES,
    maxAudioUploadBytes: values.MAX_AUDIO_UPLOAD_BYTES,
    remoteFetch: {
      timeoutMs: values.REMOTE_FETCH_TIMEOUT_MS,
      maxBytes: values.MAX_AUDIO_UPLOAD_BYTES,
      allow: splitList(values.REMOTE_FETCH_ALLOW),
    },
  };
}

function splitList(text: string): string[] {
  return text
    .split(',')
    .map((entry) => entry.trim())
    .filter(Boolean);
}

/** "together_ai_free_tier=false, allow_user_keys=on" → { together_ai_free_tier: false, allow_user_keys: true } */
function parseFlagOverrides(text: string): Record<string, boolean> {
  const overrides: Record<string, boolean> = {};
  for (const entry of splitList(text)) {
    const [name, value] = entry.split('=').map((part) => part.trim().toLowerCase());
    overrides[name] = ['true', 'on', '1'].includes(value);
  }
  return overrides;
}

/** CORS_ORIGINS as browsers send Origin: `https://App.example.com:443/` → `https://app.example.com`. */
function corsOrigins(text: string): string[] {
  return splitList(text).map((origin) => (origin === '*' ? origin : new URL(origin).origin));
}
