import { Module } from '@nestjs/common';
import { KeyManagerModule } from '@tiergate/key-manager';
import { ModelSelectorModule } from '@tiergate/model-selector';
import { ProviderModule } from '@tiergate/provider';
import { CatalogService } from './catalog.service';
import { ModelConfigCheck } from './model-config.check';
import { TierModels } from './tier-models';

/**
 * The model catalog: every provider's models (cached, shared across instances), the tiers' view
 * of them, and the check of the model configuration against them.
 */
@Module({
  imports: [ProviderModule, KeyManagerModule, ModelSelectorModule],
  providers: [CatalogService, ModelConfigCheck, TierModels],
  exports: [CatalogService, ModelConfigCheck, TierModels],
})
export class CatalogModule {}
