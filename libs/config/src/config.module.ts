import { DynamicModule, Global, Module } from '@nestjs/common';
import { ApiConfig } from './api-config';
import { WorkerConfig } from './worker-config';

/** Provides the configuration built at start-up (main.ts validates the environment first). */
@Global()
@Module({})
export class ConfigModule {
  static forApi(config: ApiConfig): DynamicModule {
    return {
      module: ConfigModule,
      providers: [{ provide: ApiConfig, useValue: config }],
      exports: [ApiConfig],
    };
  }

  static forWorker(config: WorkerConfig): DynamicModule {
    return {
      module: ConfigModule,
      providers: [{ provide: WorkerConfig, useValue: config }],
      exports: [WorkerConfig],
    };
  }
}
