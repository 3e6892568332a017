import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { StoredResponseEntity } from './entities/stored-response.entity';
import { ResponseStore } from './response-store';

/** Stored Responses API answers (PostgreSQL). */
@Module({
  imports: [TypeOrmModule.forFeature([StoredResponseEntity])],
  providers: [ResponseStore],
  exports: [ResponseStore],
})
export class ResponseStoreModule {}
