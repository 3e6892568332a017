import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AuditModule } from '@tiergate/audit';
import { ProviderModule } from '@tiergate/provider';
import { ModelConfigEntity } from './entities/model-config.entity';
import { ModelConfigService } from './model-config.service';
import { ModelSelector } from './model-selector';

@Module({
  imports: [TypeOrmModule.forFeature([ModelConfigEntity]), AuditModule, ProviderModule],
  providers: [ModelConfigService, ModelSelector],
  exports: [ModelConfigService, ModelSelector],
})
export class ModelSelectorModule {}
