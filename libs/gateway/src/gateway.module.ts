import { Module } from '@nestjs/common';
import { ProviderModule } from '@tiergate/provider';
import { GatewayService } from './gateway.service';

@Module({
  imports: [ProviderModule],
  providers: [GatewayService],
  exports: [GatewayService, ProviderModule],
})
export class GatewayModule {}
