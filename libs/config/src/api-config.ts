import { resolve } from 'node:path';
import { ApiEnv, LogLevel } from './env/api-env.schema';
import { parseDurationSeconds, parseEncryptionKey } from './env/durations';
import { loadOrCreateEmbeddedSecrets } from './embedded-secrets';
import { ConfigValidationError, validateEnv } from './env/validate-env';

export type RunMode = 'production' | 'embedded';

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
  abstract readonly http: { port: number; bodyLimitBytes: number };
  abstract readonly database: { url?: string; dataDir: string };
  abstract readonly redis: { url?: string };
  abstract readonly upstream: {
    baseUrl: string;
    apiKey: string;
    /** True when the embedded simulator stands in for Together. */
    simulated: boolean;
    timeouts: UpstreamTimeouts;
    maxConnections: number;
  };
  abstract readonly auth: { jwtSecret: string; jwtTtlSeconds: number; allowRegistration: boolean };
  abstract readonly admin: { email: string; password?: string };
  abstract readonly encryptionKey: Buffer;
  abstract readonly logLevel: LogLevel;
  abstract readonly sim: { port: number };
  abstract readonly models: { defaultChat: string };
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
  const mode: RunMode = values.DATABASE_URL ? 'production' : 'embedded';
  if (mode === 'production') {
    for (const name of ['REDIS_URL', 'JWT_SECRET', 'ENCRYPTION_KEY', 'TOGETHER_API_KEY'] as const) {
      if (!values[name] && !problems.some((p) => p.startsWith(`${name}:`))) {
        problems.push(`${name}: is required when DATABASE_URL is set (production mode)`);
      }
    }
  }
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

  return {
    mode,
    http: { port: values.PORT, bodyLimitBytes: values.BODY_LIMIT_BYTES },
    database: { url: values.DATABASE_URL, dataDir },
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
      maxConnections: values.UPSTREAM_MAX_CONNECTIONS,
    },
    auth: {
      jwtSecret: secrets.jwtSecret,
      jwtTtlSeconds: parseDurationSeconds(values.JWT_TTL)!,
      allowRegistration: values.ALLOW_REGISTRATION,
    },
    admin: { email: values.ADMIN_EMAIL.toLowerCase(), password: values.ADMIN_PASSWORD },
    encryptionKey: parseEncryptionKey(secrets.encryptionKey)!,
    logLevel: values.LOG_LEVEL,
    sim: { port: values.SIM_PORT },
    models: { defaultChat: values.DEFAULT_CHAT_MODEL },
  };
}
