import { NestFactory } from '@nestjs/core';
import { ConfigValidationError, loadWorkerConfig, processEnv } from '@tiergate/config';
import { createLogger, NestPinoLogger } from '@tiergate/logging';
import { WorkerModule } from './worker.module';

async function main(): Promise<void> {
  const config = loadWorkerConfig(processEnv());
  const logger = new NestPinoLogger(createLogger(config.logLevel));
  const app = await NestFactory.createApplicationContext(WorkerModule.register(config), { bufferLogs: true });
  app.useLogger(logger);
  app.enableShutdownHooks();
  await app.init();
  logger.log('Tiergate worker started (PostgreSQL and Redis connected)');
}

main().catch((error: unknown) => {
  console.error(error instanceof ConfigValidationError ? error.message : error);
  process.exit(1);
});
