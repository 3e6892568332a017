export { FlagsModule } from './flags.module';
export { FeatureFlagsService, type FlagChanges } from './feature-flags.service';
export { FeatureGate } from './feature-gate';
export { FeatureFlagEntity } from './entities/feature-flag.entity';
export * from './flags.errors';
