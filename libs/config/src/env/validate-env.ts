import { plainToInstance } from 'class-transformer';
import { validateSync, ValidationError } from 'class-validator';

/** Raised at start-up when the environment is wrong; its message has one line per bad variable. */
export class ConfigValidationError extends Error {
  constructor(
    readonly app: string,
    readonly problems: string[],
  ) {
    super(`Invalid configuration for ${app}:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
    this.name = 'ConfigValidationError';
  }
}

type Env = Record<string, string | undefined>;

/** Blank values count as unset, as they do in most .env tooling. */
function withoutBlanks(env: Env): Env {
  const out: Env = {};
  for (const [key, value] of Object.entries(env)) {
    if (value !== undefined && value.trim() !== '') out[key] = value.trim();
  }
  return out;
}

function describe(error: ValidationError): string[] {
  const messages = Object.values(error.constraints ?? {});
  return messages.length ? [`${error.property}: ${messages.join('; ')}`] : [];
}

/**
 * Validates the environment against a class-validator schema. Returns the typed instance and the
 * list of problems (empty when valid), so callers can add cross-field problems before failing.
 */
export function validateEnv<T extends object>(
  schema: new () => T,
  env: Env,
): { values: T; problems: string[] } {
  const values = plainToInstance(schema, withoutBlanks(env), { exposeDefaultValues: true });
  const errors = validateSync(values, {
    whitelist: false,
    skipMissingProperties: false,
    stopAtFirstError: true,
  });
  return { values, problems: errors.flatMap(describe) };
}
