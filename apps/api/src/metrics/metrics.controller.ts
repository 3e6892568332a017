import { Controller, Get, Headers, Res } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { Public, UnauthenticatedError } from '@tiergate/auth';
import { ApiConfig } from '@tiergate/config';
import { Metrics } from '@tiergate/metrics';
import { UsageRecorder } from '@tiergate/usage';

/** Prometheus metrics. Open by default (scraped from inside the network); METRICS_TOKEN protects it. */
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
    const token = this.config.metricsToken;
    if (token && authorization !== `Bearer ${token}`)
      throw new UnauthenticatedError('/metrics needs the METRICS_TOKEN bearer');
    const depth = await this.usage.queueDepth();
    for (const [state, count] of Object.entries(depth ?? {}))
      this.metrics.usageQueueDepth.set({ state }, count);
    void reply
      .header('content-type', this.metrics.registry.contentType)
      .send(await this.metrics.registry.metrics());
  }
}
