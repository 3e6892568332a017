import { IsInt, IsOptional, IsString, IsUrl, Matches, Max, Min, MinLength } from 'class-validator';
import { ToInt } from './env-decorators';
import { ApiAuthEnv } from './api-env-auth.schema';

/**
 * Calling the models: Together (or the simulator on SIM_PORT without a key), timeouts, retries,
 * provider key rotation, and the fallback chain with its circuit breakers.
 */
export class ApiUpstreamEnv extends ApiAuthEnv {
  @IsOptional()
  @IsString()
  @MinLength(8, { message: 'looks too short to be a Together API key' })
  TOGETHER_API_KEY?: string;

  @IsUrl({ require_tld: false, protocols: ['http', 'https'] }, { message: 'must be an http(s) URL' })
  TOGETHER_BASE_URL: string = 'https://api.together.ai/v1';

  @ToInt()
  @IsInt({ message: 'must be an integer port (1-65535)' })
  @Min(1)
  @Max(65535)
  SIM_PORT: number = 9100;

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
}
