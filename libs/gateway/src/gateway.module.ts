import { Module } from '@nestjs/common';
import { FallbackModule } from '@tiergate/fallback-manager';
import { KeyManagerModule } from '@tiergate/key-manager';
import { MediaModule } from '@tiergate/media';
import { ModelSelectorModule } from '@tiergate/model-selector';
import { ProviderModule } from '@tiergate/provider';
import { QuotaModule } from '@tiergate/quota';
import { UsageModule } from '@tiergate/usage';
import { CatalogService } from './catalog.service';
import { ChainRunner } from './chain-runner';
import { GatewayService } from './gateway.service';
import { ModelCaller } from './model-caller';
import { ModelConfigCheck } from './model-config.check';
import { ResponseCache } from './response-cache';
import { RequestPipeline } from './request-pipeline';
import { StreamRescue } from './stream-rescue';
import { UsageMeter } from './usage-meter';
import { TierModels } from './tier-models';

@Module({
  imports: [
    ProviderModule,
    MediaModule,
    KeyManagerModule,
    ModelSelectorModule,
    FallbackModule,
    QuotaModule,
    UsageModule.forApi(),
  ],
  providers: [
    GatewayService,
    CatalogService,
    ModelCaller,
    ResponseCache,
    ModelConfigCheck,
    TierModels,
    StreamRescue,
    ChainRunner,
    RequestPipeline,
    UsageMeter,
  ],
  exports: [
    GatewayService,
    CatalogService,
    ModelConfigCheck,
    TierModels,
    ProviderModule,
    MediaModule,
    KeyManagerModule,
    ModelSelectorModule,
    QuotaModule,
    UsageModule,
  ],
})
export class GatewayModule {}
