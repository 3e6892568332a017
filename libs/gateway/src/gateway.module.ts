import { Module } from '@nestjs/common';
import { CatalogModule } from '@tiergate/catalog';
import { FallbackModule } from '@tiergate/fallback-manager';
import { KeyManagerModule } from '@tiergate/key-manager';
import { MediaModule } from '@tiergate/media';
import { ModelSelectorModule } from '@tiergate/model-selector';
import { ProviderModule } from '@tiergate/provider';
import { QuotaModule } from '@tiergate/quota';
import { UsageModule } from '@tiergate/usage';
import { AnswerSources } from './answer-sources';
import { ChainRunner } from './chain-runner';
import { GatewayService } from './gateway.service';
import { ModelCaller } from './model-caller';
import { ResponseCache } from './response-cache';
import { RequestPipeline } from './request-pipeline';
import { StreamRescue } from './stream-rescue';
import { UsageMeter } from './usage-meter';

@Module({
  imports: [
    CatalogModule,
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
    AnswerSources,
    ModelCaller,
    ResponseCache,
    StreamRescue,
    ChainRunner,
    RequestPipeline,
    UsageMeter,
  ],
  exports: [GatewayService],
})
export class GatewayModule {}
