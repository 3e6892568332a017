/**
 * `node dist/libs/config/src/cli/check-config.js [api|worker|upstream-sim]`: validates the
 * environment (with `.env` from the working directory) the way the app would at start-up and lists
 * every problem. The deploy script's preflight uses it. Exit code 0 when valid, 1 otherwise.
 */
import { loadApiConfig } from '../api-config';
import { loadSimConfig } from '../sim-config';
import { loadWorkerConfig } from '../worker-config';
import { ConfigValidationError } from '../env/validate-env';
import { processEnv } from '../process-env';

const loaders = { api: loadApiConfig, worker: loadWorkerConfig, 'upstream-sim': loadSimConfig } as const;
const apps = process.argv.slice(2).length ? process.argv.slice(2) : ['api', 'worker'];
let failed = false;
for (const app of apps) {
  const load = loaders[app as keyof typeof loaders];
  if (!load) {
    console.error(`unknown app "${app}" (expected one of ${Object.keys(loaders).join(', ')})`);
    process.exit(2);
  }
  try {
    load(processEnv());
    console.log(`${app}: configuration is valid`);
  } catch (error) {
    if (!(error instanceof ConfigValidationError)) throw error;
    console.error(error.message);
    failed = true;
  }
}
process.exit(failed ? 1 : 0);
