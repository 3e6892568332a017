export { ModelSelectorModule } from './model-selector.module';
export { ModelConfigService } from './model-config.service';
export {
  ModelSelector,
  ModelNotAllowedError,
  RouteMisconfiguredError,
  type ModelCandidate,
  type Selection,
} from './model-selector';
export type {
  ModelConfigDocument,
  ModelRoute,
  ModalityRoute,
  ModelRef,
  TierModels,
  ModelSettings,
} from './model-config.types';
export {
  checkModelConfigPatch,
  applyModelConfigPatch,
  type ModelConfigPatch,
  type ModelSettingsPatch,
  type ModalityRoutePatch,
  type TierModelsPatch,
} from './model-config.validation';
