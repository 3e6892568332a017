import type { AddressInfo } from 'node:net';
import { Logger } from '@nestjs/common';
import { ApiConfig, ConfigValidationError, loadApiConfig, processEnv } from '@tiergate/config';
import { createApiApp } from './bootstrap';
import { installGracefulShutdown } from './http/graceful-shutdown';
import { launchEmbeddedSimulator } from './embedded/simulator-launcher';
import { listeningLine } from './http/listen-address';

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

/** /metrics without METRICS_TOKEN is off, except in embedded mode on a loopback address. */
function metricsWarning(config: ApiConfig): string | undefined {
  if (config.metricsAccess !== 'off') return undefined;
  const why =
    config.mode === 'embedded'
      ? `HOST ${config.http.host} is reachable from other machines`
      : 'production mode';
  return (
    `METRICS_TOKEN is not set (${why}): /metrics is off and answers 404. ` +
    'Set METRICS_TOKEN and scrape it with "Authorization: Bearer <METRICS_TOKEN>".'
  );
}

async function main(): Promise<void> {
  const config = loadApiConfig(processEnv());
  if (config.upstream.simulated) await launchEmbeddedSimulator(config.sim.port);
  const app = await createApiApp(config, { forceCloseConnections: 'idle' });
  await app.listen(config.http.port, config.http.host);
  const logger = new Logger('Tiergate');
  installGracefulShutdown(app, logger, config.http.shutdownGraceMs);
  for (const line of describeMode(config)) logger.log(line);
  const warning = metricsWarning(config);
  if (warning) logger.warn(warning);
  logger.log(listeningLine(app.getHttpServer().address() as AddressInfo));
}

main().catch((error: unknown) => {
  if (error instanceof ConfigValidationError) {
    console.error(error.message);
  } else {
    console.error('Tiergate api failed to start:', error instanceof Error ? error.message : error);
  }
  process.exit(1);
});
