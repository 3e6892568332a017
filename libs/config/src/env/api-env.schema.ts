import { IsInt, IsOptional, IsString, Matches, Max, Min } from 'class-validator';
import { ToInt } from './env-decorators';
import { ApiObservabilityEnv } from './api-env-observability.schema';

// Declared with their sections; the worker's and simulator's schemas import them from here.
export { ARTIFACT_STORES, type ArtifactStoreKind } from './api-env-media.schema';
export { LOG_LEVELS, OTEL_TRACES_EXPORTERS, type LogLevel } from './api-env-observability.schema';
export { REDIS_URL, REDIS_URL_MESSAGE } from './api-env-stores.schema';

const ORIGIN = String.raw`https?://(\[[0-9A-Fa-f:.]+\]|[A-Za-z0-9.-]+)(:\d{1,5})?/?`;
/** `*`, or origins (scheme, host and port, no path) separated by commas. */
const CORS_ORIGINS_PATTERN = new RegExp(String.raw`^\s*(\*|${ORIGIN}(\s*,\s*${ORIGIN})*)?\s*$`);

/**
 * The api's environment. Every variable is documented in .env.example.
 *
 * One flat class, validated in one pass, built from sections in sibling files (stores, auth,
 * upstream, models, media, observability) that extend one another: class-validator and
 * class-transformer read inherited decorators. The chain's order only sets the order in which
 * problems are listed (this class's first, then from stores to observability). The HTTP server's
 * own variables are declared here.
 */
export class ApiEnv extends ApiObservabilityEnv {
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

  @ToInt()
  @IsInt()
  @Min(1024, { message: 'must be at least 1024 bytes' })
  @Max(100 * 1024 * 1024)
  BODY_LIMIT_BYTES: number = 1024 * 1024;

  @ToInt()
  @IsInt()
  @Min(0)
  @Max(60_000)
  SHUTDOWN_GRACE_MS: number = 2_000;

  @IsString()
  DASHBOARD_DIR: string = './dist/dashboard';

  /** Origins whose web pages may call the API (CORS): `*`, or a comma-separated list; unset: none. */
  @Matches(CORS_ORIGINS_PATTERN, {
    message:
      'must be * or a comma-separated list of origins, e.g. https://app.example.com,http://localhost:5173',
  })
  CORS_ORIGINS: string = '';

  @Matches(/^\s*([a-z0-9_]+\s*=\s*(true|false|on|off|1|0)\s*(,\s*|$))*$/i, {
    message: 'must be a comma-separated list of flag=true|false, e.g. together_ai_free_tier=false',
  })
  FEATURE_FLAGS: string = '';
}
