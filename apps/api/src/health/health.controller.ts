import { Controller, Get, ServiceUnavailableException } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import {
  HealthCheckResult,
  HealthCheckService,
  HealthIndicatorFunction,
  TypeOrmHealthIndicator,
} from '@nestjs/terminus';
import { Public } from '@tiergate/auth';
import { DomainError, ErrorCode } from '@tiergate/common';
import { ApiErrors } from '../http/api-responses';
import { LivenessDto, ReadinessDto } from './health.dto';
import { ReadinessIndicators } from './readiness.indicators';

@ApiTags('health')
@Public()
@Controller('health')
export class HealthController {
  constructor(
    private readonly health: HealthCheckService,
    private readonly database: TypeOrmHealthIndicator,
    private readonly readiness: ReadinessIndicators,
  ) {}

  @Get()
  @ApiOperation({ summary: 'Liveness: the process is up' })
  @ApiOkResponse({ type: LivenessDto })
  live(): LivenessDto {
    return { status: 'ok' };
  }

  @Get('ready')
  @ApiOperation({ summary: 'Readiness: database, Redis (when configured) and the upstream answer' })
  @ApiOkResponse({ type: ReadinessDto })
  @ApiErrors(503)
  async ready(): Promise<HealthCheckResult> {
    const checks: HealthIndicatorFunction[] = [
      () => this.database.pingCheck('database', { timeout: 2_000 }),
      () => this.readiness.upstreamPing(),
    ];
    if (this.readiness.hasRedis) checks.push(() => this.readiness.redisPing());
    try {
      return await this.health.check(checks);
    } catch (error) {
      if (!(error instanceof ServiceUnavailableException)) throw error;
      const result = error.getResponse() as HealthCheckResult;
      const down = Object.entries(result.error ?? {}).map(
        ([name, detail]) => `${name}: ${String((detail as { message?: string }).message ?? 'down')}`,
      );
      throw new DomainError(ErrorCode.NotReady, `Not ready (${down.join('; ')})`);
    }
  }
}
