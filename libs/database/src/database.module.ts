import { DynamicModule, Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { DatabaseTarget, dataSourceOptions } from './data-source-options';

/** The app's one TypeORM DataSource; each library registers its own entities with forFeature. */
@Module({})
export class DatabaseModule {
  static forRoot(target: DatabaseTarget): DynamicModule {
    return {
      module: DatabaseModule,
      imports: [TypeOrmModule.forRoot({ ...dataSourceOptions(target), autoLoadEntities: true })],
    };
  }
}
