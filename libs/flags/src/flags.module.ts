import { Global, Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AuditModule } from '@tiergate/audit';
import { FeatureFlagEntity } from './entities/feature-flag.entity';
import { FeatureFlagsService } from './feature-flags.service';
import { FeatureGate } from './feature-gate';

@Global()
@Module({
  imports: [TypeOrmModule.forFeature([FeatureFlagEntity]), AuditModule],
  providers: [FeatureFlagsService, FeatureGate],
  exports: [FeatureFlagsService, FeatureGate],
})
export class FlagsModule {}
