import { Module } from '@nestjs/common';
import { TerminusModule } from '@nestjs/terminus';
import { FallbackModule } from '@tiergate/fallback-manager';
import { KeyManagerModule } from '@tiergate/key-manager';
import { HealthProbes, OverviewService } from '@tiergate/overview';
import { ProviderModule } from '@tiergate/provider';
import { UsageModule } from '@tiergate/usage';
import { ApiHealthProbes } from '../health/health-probes';
import { ReadinessIndicators } from '../health/readiness.indicators';
import { OverviewController } from './overview.controller';

/**
 * The admin Overview: the library's service, given this app's health checks (the readiness
 * probe's), the circuit breakers (FallbackModule's store, shared with the gateway) and the usage
 * ledger.
 */
@Module({
  imports: [TerminusModule, ProviderModule, KeyManagerModule, UsageModule.forApi(), FallbackModule],
  controllers: [OverviewController],
  providers: [ReadinessIndicators, { provide: HealthProbes, useClass: ApiHealthProbes }, OverviewService],
})
export class AdminOverviewModule {}
