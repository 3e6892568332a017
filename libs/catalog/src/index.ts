export { CatalogModule } from './catalog.module';
export { CatalogService, modalitiesOf, type CatalogEntry, type CatalogSource } from './catalog.service';
export { ModelConfigCheck } from './model-config.check';
export { TierModels, type TierModel } from './tier-models';
