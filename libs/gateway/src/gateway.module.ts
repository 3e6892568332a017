import { Module } from '@nestjs/common';
import { FallbackModule } from '@tiergate/fallback-manager';
import { KeyManagerModule } from '@tiergate/key-manager';
import { MediaModule } from '@tiergate/media';
import { ModelSelectorModule } from '@tiergate/model-selector';
import { ProviderModule } from '@tiergate/provider';
import { CatalogService } from './catalog.service';
import { GatewayService } from './gateway.service';
import { ModelCaller } from './model-caller';
import { ResponseCache } from './response-cache';

@Module({
  imports: [ProviderModule, MediaModule, KeyManagerModule, ModelSelectorModule, FallbackModule],
  providers: [GatewayService, CatalogService, ModelCaller, ResponseCache],
  exports: [
    GatewayService,
    CatalogService,
    ProviderModule,
    MediaModule,
    KeyManagerModule,
    ModelSelectorModule,
  ],
})
export class GatewayModule {}
