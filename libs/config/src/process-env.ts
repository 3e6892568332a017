import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { parseEnv } from 'node:util';

type Env = Record<string, string | undefined>;

/** The settings file every entry point reads at start-up, from its working directory. */
export const ENV_FILE = '.env';

/**
 * Adds the variables of a .env file (Node's own parser: `KEY=value`, quotes, `#` comments,
 * `export`) to `env`, never replacing one that is already set: the process environment wins, as
 * with `node --env-file`. Returns the names it added; none when the file does not exist.
 */
export function loadEnvFile(file: string, env: Env): string[] {
  if (!existsSync(file)) return [];
  const added: string[] = [];
  for (const [name, value] of Object.entries(parseEnv(readFileSync(file, 'utf8')))) {
    if (env[name] !== undefined || value === undefined) continue;
    env[name] = value;
    added.push(name);
  }
  return added;
}

let envFileLoaded = false;

/**
 * The one place the process environment is read (everything else receives typed config). The
 * first call adds `.env` from the working directory (api, worker, simulator and the CLIs alike).
 */
export function processEnv(): Env {
  if (!envFileLoaded) {
    envFileLoaded = true;
    loadEnvFile(resolve(ENV_FILE), process.env);
  }
  return process.env;
}
