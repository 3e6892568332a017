import { Module } from '@nestjs/common';
import type { Cluster, Redis } from 'ioredis';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AuditModule } from '@tiergate/audit';
import { REDIS_COUNTERS, REDIS_KEY_PREFIX } from '@tiergate/redis';
import { UsageQuotaTotals } from '@tiergate/usage';
import { QuotaRequestEntity } from './entities/quota-request.entity';
import { QuotaAdministration } from './quota-administration.service';
import { QuotaClock } from './quota-clock';
import { QuotaPolicies } from './quota-policy.service';
import { MemoryQuotaStore } from './memory-quota-store';
import { QuotaSeeder } from './quota-seeder';
import { QuotaStore } from './quota-store';
import { FALLBACK_QUOTA_STORE, QuotaService } from './quota.service';
import { RedisQuotaStore } from './redis-quota-store';

/**
 * Quotas and rate limits: counters in Redis (in memory in embedded mode), policies in PostgreSQL;
 * counters a store lost are rebuilt from the usage ledger (read through libs/usage, which owns it).
 */
@Module({
  imports: [AuditModule, TypeOrmModule.forFeature([QuotaRequestEntity])],
  providers: [
    QuotaClock,
    { provide: FALLBACK_QUOTA_STORE, useFactory: () => new MemoryQuotaStore() },
    {
      provide: QuotaStore,
      inject: [REDIS_KEY_PREFIX, { token: REDIS_COUNTERS, optional: true }],
      useFactory: (prefix: string, redis?: Redis | Cluster) =>
        redis ? new RedisQuotaStore(redis, prefix) : new MemoryQuotaStore(),
    },
    UsageQuotaTotals,
    QuotaSeeder,
    QuotaPolicies,
    QuotaService,
    QuotaAdministration,
  ],
  exports: [QuotaService, QuotaAdministration, QuotaClock, QuotaPolicies],
})
export class QuotaModule {}
