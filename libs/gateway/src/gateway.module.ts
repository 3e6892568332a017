import { Module } from '@nestjs/common';
import { MediaModule } from '@tiergate/media';
import { ProviderModule } from '@tiergate/provider';
import { CatalogService } from './catalog.service';
import { GatewayService } from './gateway.service';

@Module({
  imports: [ProviderModule, MediaModule],
  providers: [GatewayService, CatalogService],
  exports: [GatewayService, CatalogService, ProviderModule, MediaModule],
})
export class GatewayModule {}
