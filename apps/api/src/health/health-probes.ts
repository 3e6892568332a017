import { Injectable } from '@nestjs/common';
import { TypeOrmHealthIndicator, type HealthIndicatorResult } from '@nestjs/terminus';
import { HealthProbes, type ProbeOutcome } from '@tiergate/overview';
import { ReadinessIndicators } from './readiness.indicators';

/** The readiness probe's checks (GET /health/ready), for the admin Overview. */
@Injectable()
export class ApiHealthProbes extends HealthProbes {
  constructor(
    private readonly typeOrm: TypeOrmHealthIndicator,
    private readonly readiness: ReadinessIndicators,
  ) {
    super();
  }

  get hasRedis(): boolean {
    return this.readiness.hasRedis;
  }

  async database(): Promise<ProbeOutcome> {
    return outcomeOf(await this.typeOrm.pingCheck('database', { timeout: 2_000 }), 'database');
  }

  async redis(): Promise<ProbeOutcome> {
    return outcomeOf(await this.readiness.redisPing(), 'redis');
  }

  async upstream(): Promise<ProbeOutcome> {
    return outcomeOf(await this.readiness.upstreamPing(), 'upstream');
  }
}

function outcomeOf(result: HealthIndicatorResult, key: string): ProbeOutcome {
  const detail = result[key] as { status: string; message?: unknown } | undefined;
  if (detail?.status === 'up') return { up: true };
  return { up: false, message: typeof detail?.message === 'string' ? detail.message : `${key} is down` };
}
