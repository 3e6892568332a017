import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { getMetadataStorage } from 'class-validator';
import { parse } from 'yaml';
import { loadApiConfig } from './api-config';
import { ApiEnv } from './env/api-env.schema';
import { SimEnv } from './env/sim-env.schema';
import { WorkerEnv } from './env/worker-env.schema';
import { loadSimConfig } from './sim-config';
import { loadWorkerConfig } from './worker-config';

const root = join(__dirname, '..', '..', '..');
const compose = parse(readFileSync(join(root, 'docker-compose.yml'), 'utf8'), { merge: true }) as {
  services: Record<
    string,
    { environment?: Record<string, string>; healthcheck?: unknown; profiles?: string[]; command?: string[] }
  >;
};

function variables(schema: new () => object): string[] {
  return [
    ...new Set(
      getMetadataStorage()
        .getTargetValidationMetadatas(schema, '', true, false)
        .map((m) => m.propertyName),
    ),
  ];
}

/** `${X:-default}` → default; `${X:?message}` (required) → a valid sample value for X. */
const SAMPLES: Record<string, string> = {
  TOGETHER_API_KEY: 'together-key-sample',
  JWT_SECRET: 'x'.repeat(48),
  ENCRYPTION_KEY: 'a'.repeat(64),
};
function resolve(env: Record<string, string> = {}): Record<string, string> {
  return Object.fromEntries(
    Object.entries(env).map(([key, value]) => [
      key,
      String(value).replace(
        /\$\{(\w+)(:-([^}]*)|:\?[^}]*)?\}/g,
        (_m, name: string, _op, fallback?: string) => fallback ?? SAMPLES[name] ?? '',
      ),
    ]),
  );
}

describe('docker-compose.yml and .env.example agree with the config schemas', () => {
  it.each([
    ['api', ApiEnv],
    ['worker', WorkerEnv],
    ['upstream-sim', SimEnv],
  ])('%s sets only variables its schema knows', (service, schema) => {
    const known = variables(schema);
    const unknown = Object.keys(compose.services[service].environment ?? {}).filter(
      (name) => !known.includes(name),
    );
    expect(unknown).toEqual([]);
  });

  it('the api, worker and simulator environments pass their own validation', () => {
    expect(() => loadApiConfig(resolve(compose.services.api.environment))).not.toThrow();
    expect(loadApiConfig(resolve(compose.services.api.environment)).mode).toBe('production');
    expect(() => loadWorkerConfig(resolve(compose.services.worker.environment))).not.toThrow();
    expect(() => loadSimConfig(resolve(compose.services['upstream-sim'].environment))).not.toThrow();
  });

  it('every long-running service has a health check, and the simulator sits behind the sim profile', () => {
    for (const name of ['postgres', 'redis', 'api', 'upstream-sim'])
      expect(compose.services[name].healthcheck).toBeDefined();
    expect(compose.services['upstream-sim'].profiles).toEqual(['sim']);
  });

  it('the commands point at built entry points that exist in the source tree', () => {
    for (const service of ['api', 'worker', 'upstream-sim', 'migrate']) {
      const entry = compose.services[service].command!.find((part) => part.startsWith('dist/'))!;
      const source = entry.replace(/^dist\//, '').replace(/\.js$/, '.ts');
      expect(() => readFileSync(join(root, source))).not.toThrow();
    }
  });

  it('.env.example documents every variable of every app', () => {
    const example = readFileSync(join(root, '.env.example'), 'utf8');
    const documented = new Set([...example.matchAll(/^#?\s*([A-Z][A-Z0-9_]+)=/gm)].map((m) => m[1]));
    const all = new Set([...variables(ApiEnv), ...variables(WorkerEnv), ...variables(SimEnv)]);
    expect([...all].filter((name) => !documented.has(name))).toEqual([]);
  });
});
