import { Inject, Injectable, Optional } from '@nestjs/common';
import { HealthIndicatorService } from '@nestjs/terminus';
import { withTimeout } from '@tiergate/common';
import { UpstreamKeyResolver } from '@tiergate/key-manager';
import { ProviderRegistry } from '@tiergate/provider';
import { REDIS_CLIENT, type RedisConnection } from '@tiergate/redis';

const UPSTREAM_CHECK_TTL_MS = 10_000;

/** Readiness checks beyond the database: Redis (when configured) and the upstream provider. */
@Injectable()
export class ReadinessIndicators {
  private lastUpstreamOk = 0;

  constructor(
    private readonly indicators: HealthIndicatorService,
    private readonly providers: ProviderRegistry,
    private readonly keys: UpstreamKeyResolver,
    @Optional() @Inject(REDIS_CLIENT) private readonly redis?: RedisConnection,
  ) {}

  get hasRedis(): boolean {
    return this.redis !== undefined;
  }

  async redisPing() {
    const check = this.indicators.check('redis');
    try {
      await withTimeout(this.redis!.ping(), 1_000, 'Redis did not answer within 1000 ms');
      return check.up();
    } catch (error) {
      return check.down({ message: (error as Error).message });
    }
  }

  /** A successful upstream check is reused for 10 s so probes do not hammer the provider. */
  async upstreamPing() {
    const provider = this.providers.primary;
    const check = this.indicators.check('upstream');
    if (Date.now() - this.lastUpstreamOk < UPSTREAM_CHECK_TTL_MS) return check.up({ provider: provider.id });
    try {
      const key = await this.keys.systemKey(provider.id, provider.displayName);
      await provider.ping({ apiKey: key.apiKey });
      this.lastUpstreamOk = Date.now();
      return check.up({ provider: provider.id });
    } catch (error) {
      return check.down({ provider: provider.id, message: (error as Error).message });
    }
  }
}
