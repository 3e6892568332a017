import { IsIn, IsNumber, IsOptional, IsString, IsUrl, Matches, Max, Min, MinLength } from 'class-validator';
import { Transform } from 'class-transformer';
import { ApiMediaEnv } from './api-env-media.schema';

export const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;
export type LogLevel = (typeof LOG_LEVELS)[number];
export const OTEL_TRACES_EXPORTERS = ['otlp', 'none'] as const;

/** Logs, the /metrics token, and OpenTelemetry tracing. */
export class ApiObservabilityEnv extends ApiMediaEnv {
  @IsIn(LOG_LEVELS, { message: `must be one of ${LOG_LEVELS.join(', ')}` })
  LOG_LEVEL: LogLevel = 'info';

  @IsOptional()
  @IsString()
  @MinLength(16, { message: 'must be at least 16 characters' })
  METRICS_TOKEN?: string;

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
