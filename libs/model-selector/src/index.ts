export { ModelSelectorModule } from './model-selector.module';
export { ModelConfigService } from './model-config.service';
export {
  ModelSelector,
  ModelNotAllowedError,
  RouteMisconfiguredError,
  type Selection,
} from './model-selector';
export { providerIdFor, type RequestedProvider } from './provider-choice';
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
  type CheckedModelConfigPatch,
  type ModelConfigPatch,
  type ModelSettingsPatch,
  type ModalityRoutePatch,
  type TierModelsPatch,
} from './model-config.validation';
