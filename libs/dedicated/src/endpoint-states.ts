import { Inject, Injectable } from '@nestjs/common';
import type { UpstreamEndpoint } from '@tiergate/provider';
import { DedicatedCatalog } from './dedicated-catalog';
import { DedicatedRepository } from './dedicated.repository';
import { DEDICATED_SETTINGS, pollDelayMs, type DedicatedSettings } from './dedicated.settings';
import {
  TRANSITIONAL_ENDPOINT_STATES,
  type DedicatedEndpointEntity,
} from './entities/dedicated-endpoint.entity';

/**
 * Records what Together says about an endpoint: its state and settings, when it is next looked
 * at, and its running time (a run interval opens when it is seen STARTED and closes when it is
 * seen otherwise; both idempotent, so the service and the follower may both record).
 */
@Injectable()
export class EndpointStates {
  constructor(
    private readonly repository: DedicatedRepository,
    private readonly catalog: DedicatedCatalog,
    @Inject(DEDICATED_SETTINGS) private readonly settings: DedicatedSettings,
  ) {}

  async record(
    endpoint: DedicatedEndpointEntity,
    upstream: UpstreamEndpoint,
  ): Promise<DedicatedEndpointEntity> {
    const now = new Date();
    const transitional = TRANSITIONAL_ENDPOINT_STATES.includes(upstream.state);
    // A stop or start begins a new transition: its polls back off from the start again.
    const polls = transitional && !TRANSITIONAL_ENDPOINT_STATES.includes(endpoint.state) ? 0 : endpoint.polls;
    const changes: Partial<DedicatedEndpointEntity> = {
      polls,
      state: upstream.state,
      name: upstream.name,
      minReplicas: upstream.minReplicas,
      maxReplicas: Math.max(upstream.maxReplicas, upstream.minReplicas),
      displayName: upstream.displayName ?? endpoint.displayName,
      error:
        upstream.state === 'ERROR' ? (endpoint.error ?? 'The provider reported the endpoint failed') : null,
      nextPollAt: new Date(
        now.getTime() + (transitional ? pollDelayMs(this.settings, polls) : this.settings.steadyPollMs),
      ),
    };
    if (upstream.state === 'STARTED')
      await this.repository.openRun(endpoint.id, now, endpoint.pricePerHourUsd);
    else await this.repository.closeRun(endpoint.id, now);
    await this.repository.updateEndpoint(endpoint.id, changes);
    if (endpoint.state !== upstream.state || endpoint.name !== upstream.name) this.catalog.invalidate();
    return Object.assign(endpoint, changes, { updatedAt: now });
  }
}
