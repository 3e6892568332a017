import { loadApiConfig } from './api-config';
import { ConfigValidationError } from './env/validate-env';

const production = {
  DATABASE_URL: 'postgres://u@localhost/db',
  REDIS_URL: 'redis://localhost:6379',
  JWT_SECRET: 's'.repeat(32),
  ENCRYPTION_KEY: 'ab'.repeat(32),
  TOGETHER_API_KEY: 'together-key-1234',
};

const tracingOf = (env: Record<string, string>) => loadApiConfig({ ...production, ...env }).tracing;

function problems(env: Record<string, string>): string[] {
  try {
    loadApiConfig({ ...production, ...env });
    return [];
  } catch (error) {
    if (!(error instanceof ConfigValidationError)) throw error;
    return error.problems;
  }
}

describe('tracing settings (OTEL_*)', () => {
  it.each([
    ['nothing set', {}, false, 'http://localhost:4318/v1/traces'],
    ['OTEL_TRACES_EXPORTER=otlp', { OTEL_TRACES_EXPORTER: 'otlp' }, true, 'http://localhost:4318/v1/traces'],
    [
      'an endpoint',
      { OTEL_EXPORTER_OTLP_ENDPOINT: 'http://collector:4318/' },
      true,
      'http://collector:4318/v1/traces',
    ],
    [
      'a traces endpoint over the endpoint',
      {
        OTEL_EXPORTER_OTLP_ENDPOINT: 'http://collector:4318',
        OTEL_EXPORTER_OTLP_TRACES_ENDPOINT: 'https://traces.example.com/in',
      },
      true,
      'https://traces.example.com/in',
    ],
    [
      'an endpoint with OTEL_TRACES_EXPORTER=none',
      { OTEL_EXPORTER_OTLP_ENDPOINT: 'http://collector:4318', OTEL_TRACES_EXPORTER: 'none' },
      false,
      'http://collector:4318/v1/traces',
    ],
  ] as Array<[string, Record<string, string>, boolean, string]>)(
    '%s: on=%s, to %s',
    (_name, env, on, url) => {
      expect(tracingOf(env)).toMatchObject({ enabled: on, url });
    },
  );

  it('defaults: the service name tiergate-api, every request sampled, no headers', () => {
    expect(tracingOf({})).toEqual({
      enabled: false,
      url: 'http://localhost:4318/v1/traces',
      headers: {},
      serviceName: 'tiergate-api',
      sampleRatio: 1,
    });
  });

  it('reads the export headers, the service name and the sampling ratio', () => {
    expect(
      tracingOf({
        OTEL_EXPORTER_OTLP_ENDPOINT: 'http://collector:4318',
        OTEL_EXPORTER_OTLP_HEADERS: 'api-key=abc%3D, x-team = ops',
        OTEL_SERVICE_NAME: 'tiergate-eu',
        OTEL_TRACES_SAMPLER_ARG: '0.25',
      }),
    ).toMatchObject({
      headers: { 'api-key': 'abc=', 'x-team': 'ops' },
      serviceName: 'tiergate-eu',
      sampleRatio: 0.25,
    });
  });

  it('lists every bad OTEL_* variable at once', () => {
    const found = problems({
      OTEL_EXPORTER_OTLP_ENDPOINT: 'collector:4318',
      OTEL_EXPORTER_OTLP_TRACES_ENDPOINT: 'ftp://collector/v1/traces',
      OTEL_TRACES_EXPORTER: 'jaeger',
      OTEL_EXPORTER_OTLP_HEADERS: 'no-equals-sign',
      OTEL_TRACES_SAMPLER_ARG: '1.5',
    });
    expect(found.map((p) => p.split(':')[0]).sort()).toEqual(
      [
        'OTEL_EXPORTER_OTLP_ENDPOINT',
        'OTEL_EXPORTER_OTLP_HEADERS',
        'OTEL_EXPORTER_OTLP_TRACES_ENDPOINT',
        'OTEL_TRACES_EXPORTER',
        'OTEL_TRACES_SAMPLER_ARG',
      ].sort(),
    );
    expect(problems({ OTEL_TRACES_SAMPLER_ARG: 'half' })).toEqual([
      expect.stringMatching(/^OTEL_TRACES_SAMPLER_ARG: must be a number from 0 to 1/),
    ]);
  });
});
