import { DynamicModule, Module } from '@nestjs/common';
import { APP_FILTER } from '@nestjs/core';
import { TerminusModule } from '@nestjs/terminus';
import type { SpanExporter } from '@opentelemetry/sdk-trace-base';
import { AuditModule } from '@tiergate/audit';
import { AuthModule } from '@tiergate/auth';
import { ApiConfig, ConfigModule } from '@tiergate/config';
import { DatabaseModule } from '@tiergate/database';
import { FlagsModule } from '@tiergate/flags';
import { MetricsModule } from '@tiergate/metrics';
import { CatalogModule } from '@tiergate/catalog';
import { GatewayModule } from '@tiergate/gateway';
import { KeyManagerModule } from '@tiergate/key-manager';
import { MediaModule } from '@tiergate/media';
import { ModelSelectorModule } from '@tiergate/model-selector';
import { ProviderDirectoryModule, ProviderModule } from '@tiergate/provider';
import { QuotaModule } from '@tiergate/quota';
import { RedisModule } from '@tiergate/redis';
import { TracingModule } from '@tiergate/tracing';
import { UsageModule, UsageQueueModule } from '@tiergate/usage';
import { AuditController } from './admin/audit.controller';
import { AdminCatalogController } from './admin/catalog.controller';
import { AdminOverviewModule } from './admin/overview.module';
import { MetricsController } from './metrics/metrics.controller';
import { FlagsController } from './admin/flags.controller';
import { ModelConfigController } from './admin/model-config.controller';
import { UsersController } from './admin/users.controller';
import { AuthController } from './auth/auth.controller';
import { BatchesModule } from './batches/batches.module';
import { EndpointsModule } from './endpoints/endpoints.module';
import { ResponsesModule } from './responses/responses.module';
import { SessionController } from './auth/session.controller';
import { HealthController } from './health/health.controller';
import { ReadinessIndicators } from './health/readiness.indicators';
import { ErrorFilter } from './http/error.filter';
import { MeController } from './me/me.controller';
import { OpenAiMediaController } from './openai/openai-media.controller';
import { OpenAiModelsController } from './openai/openai-models.controller';
import { OpenAiTextController } from './openai/openai-text.controller';
import { AudioController } from './together/audio.controller';
import { ChatController } from './together/chat.controller';
import { FilesController } from './together/files.controller';
import { ImagesController } from './together/images.controller';
import { ModelsController } from './together/models.controller';
import { QuotaAdminController } from './quotas/quota-admin.controller';
import { AdminUsageController, MyUsageController } from './usage/usage.controller';
import { MyQuotaRequestsController, QuotaController } from './quotas/quota.controller';
import { MyProviderKeysController } from './provider-keys/my-provider-keys.controller';
import { ProvidersController } from './provider-keys/providers.controller';
import { SystemKeysController } from './provider-keys/system-keys.controller';
import { TextController } from './together/text.controller';

/** The api's composition root. Redis is wired when REDIS_URL is set; embedded mode uses in-process stand-ins. */
@Module({})
export class ApiModule {
  static register(config: ApiConfig, spanExporter?: SpanExporter): DynamicModule {
    const database = config.database.url
      ? { url: config.database.url }
      : { embeddedDir: config.database.dataDir };
    return {
      module: ApiModule,
      imports: [
        ConfigModule.forApi(config),
        DatabaseModule.forRoot(database),
        config.redis.url
          ? RedisModule.forRoot(config.redis.url, config.redisKeyPrefix)
          : RedisModule.inProcess(config.redisKeyPrefix),
        TerminusModule.forRoot({ logger: false }),
        MetricsModule,
        TracingModule.forRoot(spanExporter),
        AuditModule,
        FlagsModule,
        AuthModule,
        CatalogModule,
        GatewayModule,
        ProviderModule,
        ProviderDirectoryModule,
        MediaModule,
        KeyManagerModule,
        ModelSelectorModule,
        QuotaModule,
        UsageModule.forApi(),
        // The usage queue on Redis; embedded mode records usage in-process.
        ...(config.redis.url ? [UsageQueueModule.forApi()] : []),
        AdminOverviewModule,
        BatchesModule,
        EndpointsModule,
        ResponsesModule,
      ],
      controllers: [
        AuthController,
        SessionController,
        MeController,
        ChatController,
        TextController,
        ImagesController,
        AudioController,
        ModelsController,
        FilesController,
        OpenAiTextController,
        OpenAiMediaController,
        OpenAiModelsController,
        HealthController,
        MyProviderKeysController,
        SystemKeysController,
        FlagsController,
        UsersController,
        AuditController,
        ModelConfigController,
        AdminCatalogController,
        ProvidersController,
        QuotaController,
        MyQuotaRequestsController,
        QuotaAdminController,
        MyUsageController,
        AdminUsageController,
        MetricsController,
      ],
      providers: [ReadinessIndicators, { provide: APP_FILTER, useClass: ErrorFilter }],
    };
  }
}
