export { GatewayModule } from './gateway.module';
export { GatewayService } from './gateway.service';
export * from './gateway.types';
