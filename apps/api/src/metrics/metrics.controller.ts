import { Controller, Get, Headers, Res } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { Public, UnauthenticatedError } from '@tiergate/auth';
import { DomainError, ErrorCode } from '@tiergate/common';
import { ApiConfig } from '@tiergate/config';
import { bearerMatches, Metrics } from '@tiergate/metrics';
import { UsageRecorder } from '@tiergate/usage';

/**
 * Prometheus metrics, behind `Authorization: Bearer METRICS_TOKEN`. Without a token it is off (404)
 * except in embedded mode on loopback, where only this machine can reach it (ApiConfig.metricsAccess).
 */
@ApiExcludeController()
@Public()
@Controller('metrics')
export class MetricsController {
  constructor(
    private readonly metrics: Metrics,
    private readonly usage: UsageRecorder,
    private readonly config: ApiConfig,
  ) {}

  @Get()
  async scrape(@Headers('authorization') authorization: string | undefined, @Res() reply: FastifyReply) {
    this.admit(authorization);
    const depth = await this.usage.queueDepth();
    for (const [state, count] of Object.entries(depth ?? {}))
      this.metrics.usageQueueDepth.set({ state }, count);
    void reply
      .header('content-type', this.metrics.registry.contentType)
      .send(await this.metrics.registry.metrics());
  }

  private admit(authorization: string | undefined): void {
    switch (this.config.metricsAccess) {
      case 'open':
        return;
      case 'off':
        throw new DomainError(
          ErrorCode.NotFound,
          '/metrics is off: set METRICS_TOKEN and scrape it with "Authorization: Bearer <METRICS_TOKEN>"',
        );
      case 'token':
        if (!bearerMatches(authorization, this.config.metricsToken!))
          throw new UnauthenticatedError('/metrics needs "Authorization: Bearer <METRICS_TOKEN>"');
    }
  }
}
