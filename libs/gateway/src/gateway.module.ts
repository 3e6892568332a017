import { Module } from '@nestjs/common';
import { KeyManagerModule } from '@tiergate/key-manager';
import { MediaModule } from '@tiergate/media';
import { ProviderModule } from '@tiergate/provider';
import { CatalogService } from './catalog.service';
import { GatewayService } from './gateway.service';

@Module({
  imports: [ProviderModule, MediaModule, KeyManagerModule],
  providers: [GatewayService, CatalogService],
  exports: [GatewayService, CatalogService, ProviderModule, MediaModule, KeyManagerModule],
})
export class GatewayModule {}
