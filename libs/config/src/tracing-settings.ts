import type { ApiEnv } from './env/api-env.schema';

/** OpenTelemetry tracing: off unless an OTLP endpoint or `OTEL_TRACES_EXPORTER=otlp` is set. */
export interface TracingSettings {
  enabled: boolean;
  /** Where spans are posted (OTLP/HTTP, JSON). */
  url: string;
  /** Sent with each export (a collector's or vendor's credentials): never logged. */
  headers: Record<string, string>;
  serviceName: string;
  /** The share of new traces recorded (a caller's sampled `traceparent` is always followed). */
  sampleRatio: number;
}

/** The OTLP/HTTP default: a collector on the same host. */
const DEFAULT_OTLP_ENDPOINT = 'http://localhost:4318';

export function tracingSettings(values: ApiEnv): TracingSettings {
  const endpoint = values.OTEL_EXPORTER_OTLP_ENDPOINT?.replace(/\/+$/, '');
  const url = values.OTEL_EXPORTER_OTLP_TRACES_ENDPOINT ?? `${endpoint ?? DEFAULT_OTLP_ENDPOINT}/v1/traces`;
  const configured =
    values.OTEL_TRACES_EXPORTER === 'otlp' ||
    endpoint !== undefined ||
    values.OTEL_EXPORTER_OTLP_TRACES_ENDPOINT !== undefined;
  return {
    enabled: values.OTEL_TRACES_EXPORTER !== 'none' && configured,
    url,
    headers: parseHeaders(values.OTEL_EXPORTER_OTLP_HEADERS ?? ''),
    serviceName: values.OTEL_SERVICE_NAME,
    sampleRatio: values.OTEL_TRACES_SAMPLER_ARG,
  };
}

/** "api-key=abc, x-team=ops" → { 'api-key': 'abc', 'x-team': 'ops' } (values may be URL-encoded). */
function parseHeaders(text: string): Record<string, string> {
  const headers: Record<string, string> = {};
  for (const entry of text.split(',')) {
    const at = entry.indexOf('=');
    if (at <= 0) continue;
    headers[entry.slice(0, at).trim()] = decodeURIComponent(entry.slice(at + 1).trim());
  }
  return headers;
}
