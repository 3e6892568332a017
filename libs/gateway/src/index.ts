export { GatewayModule } from './gateway.module';
export { GatewayService } from './gateway.service';
export { CatalogService, modalitiesOf, type CatalogEntry, type CatalogSource } from './catalog.service';
export * from './gateway.types';
export { ModelConfigCheck } from './model-config.check';
export { TierModels, type TierModel } from './tier-models';
