import {
  IsBoolean,
  IsEmail,
  IsIn,
  IsInt,
  IsNumber,
  IsOptional,
  IsString,
  IsUrl,
  Matches,
  Max,
  MaxLength,
  Min,
  MinLength,
} from 'class-validator';
import { Transform } from 'class-transformer';
import { ToBoolean, ToInt } from './env-decorators';

export const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;
export type LogLevel = (typeof LOG_LEVELS)[number];
export const OTEL_TRACES_EXPORTERS = ['otlp', 'none'] as const;
export const ARTIFACT_STORES = ['local', 's3'] as const;
export type ArtifactStoreKind = (typeof ARTIFACT_STORES)[number];

const POSTGRES_URL = /^postgres(ql)?:\/\/.+/;
/** One server, or a Redis Cluster (`redis+cluster://host:port,host:port`). */
export const REDIS_URL = /^rediss?(\+cluster)?:\/\/.+/;
export const REDIS_URL_MESSAGE = 'must be a redis://, rediss:// or redis+cluster://host:port,host:port URL';

/** The api's environment. Every variable is documented in .env.example. */
export class ApiEnv {
  @ToInt()
  @IsInt({ message: 'must be an integer port (1-65535)' })
  @Min(1)
  @Max(65535)
  PORT: number = 3000;

  /** The address the api listens on; unset: 127.0.0.1 in embedded mode, 0.0.0.0 in production. */
  @IsOptional()
  @Matches(/^[A-Za-z0-9.:-]{1,253}$/, {
    message: 'must be an address or host name to listen on, e.g. 127.0.0.1 or 0.0.0.0',
  })
  HOST?: string;

  @IsOptional()
  @Matches(POSTGRES_URL, { message: 'must be a postgres:// URL' })
  DATABASE_URL?: string;

  @IsOptional()
  @Matches(REDIS_URL, { message: REDIS_URL_MESSAGE })
  REDIS_URL?: string;

  /** A Redis Cluster's nodes, `host:port,host:port` (instead of REDIS_URL). */
  @IsOptional()
  @IsString()
  REDIS_CLUSTER_NODES?: string;

  @IsOptional()
  @IsString()
  @MinLength(8, { message: 'looks too short to be a Together API key' })
  TOGETHER_API_KEY?: string;

  @IsUrl({ require_tld: false, protocols: ['http', 'https'] }, { message: 'must be an http(s) URL' })
  TOGETHER_BASE_URL: string = 'https://api.together.ai/v1';

  @IsOptional()
  @IsString()
  @MinLength(32, { message: 'must be at least 32 characters' })
  JWT_SECRET?: string;

  @Matches(/^\d+\s*[smhd]?$/, { message: 'must be a duration such as 900, 15m, 1h or 7d' })
  JWT_TTL: string = '1h';

  @Matches(/^\d+\s*[smhd]?$/, { message: 'must be a duration such as 900, 15m, 12h or 7d' })
  SESSION_TTL: string = '12h';

  @ToInt()
  @IsInt({ message: 'must be a whole number of attempts' })
  @Min(1)
  LOGIN_MAX_FAILURES: number = 10;

  @Matches(/^\d+\s*[smhd]?$/, { message: 'must be a duration such as 900, 15m or 1h' })
  LOGIN_FAILURE_WINDOW: string = '15m';

  @IsOptional()
  @Matches(/^([0-9a-fA-F]{64}|[A-Za-z0-9+/_-]{43}=?)$/, {
    message: 'must be 32 bytes as 64 hex characters or base64 (openssl rand -base64 32)',
  })
  ENCRYPTION_KEY?: string;

  @IsEmail({ require_tld: false }, { message: 'must be an email address' })
  ADMIN_EMAIL: string = 'admin@tiergate.local';

  @IsOptional()
  @IsString()
  @MinLength(12, { message: 'must be at least 12 characters' })
  @MaxLength(128)
  ADMIN_PASSWORD?: string;

  @IsString()
  DATA_DIR: string = './.data';

  @IsString()
  DASHBOARD_DIR: string = './dist/dashboard';

  @IsIn(LOG_LEVELS, { message: `must be one of ${LOG_LEVELS.join(', ')}` })
  LOG_LEVEL: LogLevel = 'info';

  @ToInt()
  @IsInt({ message: 'must be an integer port (1-65535)' })
  @Min(1)
  @Max(65535)
  SIM_PORT: number = 9100;

  @ToBoolean()
  @IsBoolean({ message: 'must be true or false' })
  ALLOW_REGISTRATION: boolean = true;

  @IsString()
  @MinLength(1)
  DEFAULT_CHAT_MODEL: string = 'meta-llama/Meta-Llama-3.1-8B-Instruct-Turbo';

  @ToInt()
  @IsInt()
  @Min(1024, { message: 'must be at least 1024 bytes' })
  @Max(100 * 1024 * 1024)
  BODY_LIMIT_BYTES: number = 1024 * 1024;

  @ToInt()
  @IsInt()
  @Min(100)
  @Max(120_000)
  UPSTREAM_CONNECT_TIMEOUT_MS: number = 5_000;

  @ToInt()
  @IsInt()
  @Min(100)
  @Max(900_000)
  UPSTREAM_FIRST_BYTE_TIMEOUT_MS: number = 60_000;

  @ToInt()
  @IsInt()
  @Min(100)
  @Max(900_000)
  UPSTREAM_IDLE_TIMEOUT_MS: number = 30_000;

  @ToInt()
  @IsInt()
  @Min(100)
  @Max(3_600_000)
  UPSTREAM_TOTAL_TIMEOUT_MS: number = 300_000;

  @ToInt()
  @IsInt()
  @Min(1)
  @Max(4096)
  UPSTREAM_MAX_CONNECTIONS: number = 256;

  @ToInt()
  @IsInt()
  @Min(0)
  @Max(10)
  UPSTREAM_MAX_RETRIES: number = 2;

  @ToInt()
  @IsInt()
  @Min(1)
  @Max(60_000)
  UPSTREAM_RETRY_BASE_DELAY_MS: number = 250;

  @ToInt()
  @IsInt()
  @Min(1)
  @Max(120_000)
  UPSTREAM_RETRY_MAX_DELAY_MS: number = 8_000;

  @ToInt()
  @IsInt()
  @Min(0)
  @Max(600_000)
  UPSTREAM_RETRY_BUDGET_MS: number = 30_000;

  @IsString()
  @MinLength(1)
  DEFAULT_TEXT_MODEL: string = 'meta-llama/Meta-Llama-3.1-8B-Instruct-Turbo';

  @IsString()
  @MinLength(1)
  DEFAULT_CODE_MODEL: string = 'Qwen/Qwen3-Coder-480B-A35B-Instruct-FP8';

  @IsString()
  @MinLength(1)
  DEFAULT_VISION_MODEL: string = 'Qwen/Qwen3.5-9B';

  @IsString()
  @MinLength(1)
  DEFAULT_IMAGE_MODEL: string = 'black-forest-labs/FLUX.1-schnell';

  @IsString()
  @MinLength(1)
  DEFAULT_TTS_MODEL: string = 'hexgrad/Kokoro-82M';

  @IsString()
  @MinLength(1)
  DEFAULT_TTS_VOICE: string = 'af_alloy';

  @IsString()
  @MinLength(1)
  DEFAULT_STT_MODEL: string = 'openai/whisper-large-v3';

  @IsString()
  @MinLength(1)
  DEFAULT_EMBEDDING_MODEL: string = 'intfloat/multilingual-e5-large-instruct';

  @IsIn(ARTIFACT_STORES, { message: `must be one of ${ARTIFACT_STORES.join(', ')}` })
  ARTIFACT_STORE: ArtifactStoreKind = 'local';

  @Matches(/^\d+\s*[smhd]?$/, { message: 'must be a duration such as 900, 15m, 1h or 7d' })
  ARTIFACT_URL_TTL: string = '1h';

  @IsOptional()
  @IsUrl({ require_tld: false, protocols: ['http', 'https'] }, { message: 'must be an http(s) URL' })
  PUBLIC_BASE_URL?: string;

  @IsOptional()
  @IsString()
  @MinLength(3)
  S3_BUCKET?: string;

  @IsString()
  S3_REGION: string = 'us-east-1';

  @IsOptional()
  @IsUrl({ require_tld: false, protocols: ['http', 'https'] }, { message: 'must be an http(s) URL' })
  S3_ENDPOINT?: string;

  @IsOptional()
  @IsString()
  S3_ACCESS_KEY_ID?: string;

  @IsOptional()
  @IsString()
  S3_SECRET_ACCESS_KEY?: string;

  @ToBoolean()
  @IsBoolean({ message: 'must be true or false' })
  S3_FORCE_PATH_STYLE: boolean = false;

  @ToInt()
  @IsInt()
  @Min(1024)
  @Max(100 * 1024 * 1024)
  MAX_IMAGE_UPLOAD_BYTES: number = 10 * 1024 * 1024;

  @ToInt()
  @IsInt()
  @Min(1024)
  @Max(1024 * 1024 * 1024)
  MAX_AUDIO_UPLOAD_BYTES: number = 25 * 1024 * 1024;

  @ToInt()
  @IsInt()
  @Min(100)
  @Max(300_000)
  REMOTE_FETCH_TIMEOUT_MS: number = 15_000;

  @IsString()
  REMOTE_FETCH_ALLOW: string = '';

  @IsOptional()
  @Matches(
    /^\s*([0-9a-fA-F]{64}|[A-Za-z0-9+/_-]{43}=?)(\s*,\s*([0-9a-fA-F]{64}|[A-Za-z0-9+/_-]{43}=?))*\s*$/,
    {
      message:
        'must be a comma-separated list of 32-byte keys (hex or base64), the keys ENCRYPTION_KEY replaced',
    },
  )
  ENCRYPTION_KEY_PREVIOUS?: string;

  @Matches(/^[\w.:-]{1,64}$/, { message: 'must be 1-64 letters, digits or . : _ -' })
  REDIS_KEY_PREFIX: string = 'tiergate:';

  @Matches(/^\s*([a-z0-9_]+\s*=\s*(true|false|on|off|1|0)\s*(,\s*|$))*$/i, {
    message: 'must be a comma-separated list of flag=true|false, e.g. together_ai_free_tier=false',
  })
  FEATURE_FLAGS: string = '';

  @Matches(/^\d+\s*[smhd]?$/, { message: 'must be a duration such as 900, 15m, 1h or 7d' })
  PROVIDER_KEY_GRACE_PERIOD: string = '15m';

  @ToInt()
  @IsInt()
  @Min(1_000)
  @Max(3_600_000)
  FALLBACK_CHAIN_BUDGET_MS: number = 120_000;

  @ToInt()
  @IsInt()
  @Min(1)
  @Max(1_000_000)
  CIRCUIT_BREAKER_FAILURE_THRESHOLD: number = 5;

  @ToInt()
  @IsInt()
  @Min(100)
  @Max(3_600_000)
  CIRCUIT_BREAKER_WINDOW_MS: number = 30_000;

  /** The first cool-down of an opened breaker; each failed probe doubles it, up to the max. */
  @ToInt()
  @IsInt()
  @Min(100)
  @Max(3_600_000)
  CIRCUIT_BREAKER_COOLDOWN_MS: number = 2_500;

  /** The cap of the doubling cool-down (a value below CIRCUIT_BREAKER_COOLDOWN_MS keeps it fixed). */
  @ToInt()
  @IsInt()
  @Min(100)
  @Max(3_600_000)
  CIRCUIT_BREAKER_MAX_COOLDOWN_MS: number = 30_000;

  @Matches(/^\d+\s*[smhd]?$/, { message: 'must be a duration such as 900, 15m, 1h or 7d' })
  RESPONSE_CACHE_TTL: string = '1h';

  @IsOptional()
  @IsString()
  @MinLength(16, { message: 'must be at least 16 characters' })
  METRICS_TOKEN?: string;

  @ToInt()
  @IsInt()
  @Min(0)
  @Max(60_000)
  SHUTDOWN_GRACE_MS: number = 2_000;

  /** OpenTelemetry traces go to `<endpoint>/v1/traces` (OTLP/HTTP); tracing is off without it. */
  @IsOptional()
  @IsUrl(
    { require_tld: false, require_protocol: true, protocols: ['http', 'https'] },
    { message: 'must be an http(s) URL' },
  )
  OTEL_EXPORTER_OTLP_ENDPOINT?: string;

  /** The full traces URL, over OTEL_EXPORTER_OTLP_ENDPOINT. */
  @IsOptional()
  @IsUrl(
    { require_tld: false, require_protocol: true, protocols: ['http', 'https'] },
    { message: 'must be an http(s) URL' },
  )
  OTEL_EXPORTER_OTLP_TRACES_ENDPOINT?: string;

  /** `otlp` turns tracing on (to http://localhost:4318 without an endpoint); `none` keeps it off. */
  @IsOptional()
  @IsIn(OTEL_TRACES_EXPORTERS, { message: `must be one of ${OTEL_TRACES_EXPORTERS.join(', ')}` })
  OTEL_TRACES_EXPORTER?: (typeof OTEL_TRACES_EXPORTERS)[number];

  /** Headers sent with each export (`key=value,key2=value2`), e.g. a vendor's API key. */
  @IsOptional()
  @Matches(/^\s*[^=,\s]+\s*=[^,]*(,\s*[^=,\s]+\s*=[^,]*)*$/, {
    message: 'must be key=value pairs separated by commas',
  })
  OTEL_EXPORTER_OTLP_HEADERS?: string;

  @IsString()
  @MinLength(1)
  OTEL_SERVICE_NAME: string = 'tiergate-api';

  /** The share of requests traced (0 to 1); a caller's sampled `traceparent` is always followed. */
  @Transform(({ value }: { value: unknown }) =>
    typeof value === 'string' && /^\d*\.?\d+$/.test(value) ? Number(value) : value,
  )
  @IsNumber({}, { message: 'must be a number from 0 to 1' })
  @Min(0, { message: 'must be a number from 0 to 1' })
  @Max(1, { message: 'must be a number from 0 to 1' })
  OTEL_TRACES_SAMPLER_ARG: number = 1;
}
