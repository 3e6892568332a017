import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { UpstreamProviderEntity } from '../entities/upstream-provider.entity';
import { ProviderModule } from '../provider.module';
import { ProviderDirectory } from './provider-directory';

/**
 * The providers admins added, registered from the database on every instance. Apart from
 * ProviderModule, so that the modules that only call providers do not also read and follow the table.
 */
@Module({
  imports: [TypeOrmModule.forFeature([UpstreamProviderEntity]), ProviderModule],
  providers: [ProviderDirectory],
  exports: [ProviderDirectory],
})
export class ProviderDirectoryModule {}
