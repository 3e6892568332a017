import { Logger } from '@nestjs/common';
import { ApiConfig, ConfigValidationError, loadApiConfig, processEnv } from '@tiergate/config';
import { createApiApp } from './bootstrap';
import { installGracefulShutdown } from './http/graceful-shutdown';
import { launchEmbeddedSimulator } from './embedded/simulator-launcher';

function describeMode(config: ApiConfig): string[] {
  const lines =
    config.mode === 'embedded'
      ? [
          `Embedded mode: PostgreSQL in-process (PGlite) in ${config.database.dataDir}, in-process stand-ins for Redis.`,
        ]
      : ['Production mode: PostgreSQL at DATABASE_URL, Redis at REDIS_URL.'];
  lines.push(
    config.upstream.simulated
      ? `No TOGETHER_API_KEY: answers come from the local upstream simulator at ${config.upstream.baseUrl}, not from Together AI.`
      : `Upstream: Together AI at ${config.upstream.baseUrl}.`,
  );
  return lines;
}

async function main(): Promise<void> {
  const config = loadApiConfig(processEnv());
  if (config.upstream.simulated) await launchEmbeddedSimulator(config.sim.port);
  const app = await createApiApp(config, { forceCloseConnections: 'idle' });
  await app.listen(config.http.port, '0.0.0.0');
  const logger = new Logger('Tiergate');
  installGracefulShutdown(app, logger, config.http.shutdownGraceMs);
  for (const line of describeMode(config)) logger.log(line);
  logger.log(
    `Listening on port ${config.http.port}: the dashboard at http://localhost:${config.http.port}, API docs at /docs`,
  );
}

main().catch((error: unknown) => {
  if (error instanceof ConfigValidationError) {
    console.error(error.message);
  } else {
    console.error('Tiergate api failed to start:', error instanceof Error ? error.message : error);
  }
  process.exit(1);
});
