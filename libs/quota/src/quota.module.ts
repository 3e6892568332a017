import { Module } from '@nestjs/common';
import type Redis from 'ioredis';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AuditModule } from '@tiergate/audit';
import { REDIS_COUNTERS, REDIS_KEY_PREFIX } from '@tiergate/redis';
import { QuotaRequestEntity } from './entities/quota-request.entity';
import { QuotaAdministration } from './quota-administration.service';
import { QuotaClock } from './quota-clock';
import { QuotaPolicies } from './quota-policy.service';
import { MemoryQuotaStore, QuotaStore, RedisQuotaStore } from './quota-store';
import { FALLBACK_QUOTA_STORE, QuotaService } from './quota.service';

/** Quotas and rate limits: counters in Redis (in memory in embedded mode), policies in PostgreSQL. */
@Module({
  imports: [AuditModule, TypeOrmModule.forFeature([QuotaRequestEntity])],
  providers: [
    QuotaClock,
    { provide: FALLBACK_QUOTA_STORE, useFactory: () => new MemoryQuotaStore() },
    {
      provide: QuotaStore,
      inject: [REDIS_KEY_PREFIX, { token: REDIS_COUNTERS, optional: true }],
      useFactory: (prefix: string, redis?: Redis) =>
        redis ? new RedisQuotaStore(redis, prefix) : new MemoryQuotaStore(),
    },
    QuotaPolicies,
    QuotaService,
    QuotaAdministration,
  ],
  exports: [QuotaService, QuotaAdministration, QuotaClock, QuotaPolicies],
})
export class QuotaModule {}
