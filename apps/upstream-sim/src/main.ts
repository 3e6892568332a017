import { ConfigValidationError, loadSimConfig, processEnv } from '@tiergate/config';
import { startSimulator } from './simulator';

async function main(): Promise<void> {
  const config = loadSimConfig(processEnv());
  const sim = await startSimulator(config.port, config.host, {
    logger: config.logLevel === 'silent' ? false : { level: config.logLevel },
  });
  process.stdout.write(`Tiergate upstream simulator (Together dialect) listening on ${sim.baseUrl}\n`);
  const stop = () => void sim.close().then(() => process.exit(0));
  process.once('SIGTERM', stop);
  process.once('SIGINT', stop);
  // Started by the api in embedded mode: leave when the api goes away.
  if (process.send) process.once('disconnect', stop);
}

main().catch((error: unknown) => {
  console.error(error instanceof ConfigValidationError ? error.message : error);
  process.exit(1);
});
