import { Module } from '@nestjs/common';
import { TerminusModule } from '@nestjs/terminus';
import { FallbackModule } from '@tiergate/fallback-manager';
import { GatewayModule } from '@tiergate/gateway';
import { HealthProbes, OverviewService } from '@tiergate/overview';
import { ApiHealthProbes } from '../health/health-probes';
import { ReadinessIndicators } from '../health/readiness.indicators';
import { OverviewController } from './overview.controller';

/**
 * The admin Overview: the library's service, given this app's health checks (the readiness
 * probe's), the circuit breakers (FallbackModule's store, shared with the gateway) and the usage
 * ledger (exported by GatewayModule).
 */
@Module({
  imports: [TerminusModule, GatewayModule, FallbackModule],
  controllers: [OverviewController],
  providers: [ReadinessIndicators, { provide: HealthProbes, useClass: ApiHealthProbes }, OverviewService],
})
export class AdminOverviewModule {}
